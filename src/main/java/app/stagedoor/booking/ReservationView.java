package app.stagedoor.booking;

import java.time.Instant;
import java.util.List;

/**
 * A reservation as its fan sees it. An unpaid hold past its expiry shows as CANCEL (EXPIRED) even
 * before the sweeper gets to it.
 */
record ReservationView(
        long id,
        long concertId,
        long performanceId,
        ReservationStatus status,
        CancelReason cancelReason,
        long amount,
        Instant createdAt,
        Instant expiresAt,
        Instant confirmedAt,
        List<ReservationSeat> seats) {

    static ReservationView of(Reservation r, Instant now) {
        boolean lapsed = r.isExpiredAt(now);
        return new ReservationView(
                r.id(),
                r.concertId(),
                r.performanceId(),
                lapsed ? ReservationStatus.CANCEL : r.status(),
                lapsed ? CancelReason.EXPIRED : r.cancelReason(),
                r.amount(),
                r.createdAt(),
                r.expiresAt(),
                r.confirmedAt(),
                r.seats());
    }

    public List<Long> seatIds() {
        return seats.stream().map(ReservationSeat::seatId).toList();
    }

    /** How long the hold was made to last, from the moment it was made. */
    public long holdSeconds() {
        return java.time.Duration.between(createdAt, expiresAt).toSeconds();
    }

    public boolean isPayable() {
        return status == ReservationStatus.REQUEST;
    }
}
