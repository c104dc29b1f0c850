package app.stagedoor.booking;

import java.time.Instant;
import java.util.List;

/**
 * A reservation as its fan sees it, with its tickets once paid. An unpaid hold past its expiry
 * shows as CANCEL (EXPIRED) even before the sweeper gets to it.
 */
record ReservationView(
        long id,
        long concertId,
        long performanceId,
        ReservationStatus status,
        CancelReason cancelReason,
        String bookingNumber,
        long amount,
        Instant createdAt,
        Instant expiresAt,
        Instant confirmedAt,
        Instant refundedAt,
        Long refundAmount,
        Long refundFee,
        RefundReason refundReason,
        List<ReservationSeat> seats,
        List<Ticket> tickets) {

    static ReservationView of(Reservation r, Instant now) {
        return of(r, now, List.of());
    }

    static ReservationView of(Reservation r, Instant now, List<Ticket> tickets) {
        boolean lapsed = r.isExpiredAt(now);
        return new ReservationView(
                r.id(),
                r.concertId(),
                r.performanceId(),
                lapsed ? ReservationStatus.CANCEL : r.status(),
                lapsed ? CancelReason.EXPIRED : r.cancelReason(),
                r.bookingNumber(),
                r.amount(),
                r.createdAt(),
                r.expiresAt(),
                r.confirmedAt(),
                r.refundedAt(),
                r.refundAmount(),
                r.refundFee(),
                r.refundReason(),
                r.seats(),
                tickets);
    }

    public List<Long> seatIds() {
        return seats.stream().map(ReservationSeat::seatId).toList();
    }

    public boolean isPayable() {
        return status == ReservationStatus.REQUEST;
    }

    public boolean isConfirmed() {
        return status == ReservationStatus.CONFIRM;
    }

    public boolean isRefunded() {
        return status == ReservationStatus.REFUNDED;
    }

    /** A hold that lapsed or was let go: nothing was ever charged. */
    public boolean isNeverCharged() {
        return status == ReservationStatus.CANCEL;
    }

    public boolean isDateCancelled() {
        return refundReason == RefundReason.DATE_CANCELLED;
    }

    /** Whether the fan may still cancel it for a refund (the schedule decides the fee, or says closed). */
    public boolean isRefundable() {
        return isConfirmed() && tickets.stream().allMatch(t -> t.status() == TicketStatus.VALID);
    }
}
