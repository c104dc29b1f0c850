package app.stagedoor.booking;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.concert.SeatInventory;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.wallet.Wallets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refunding a paid reservation, in one transaction: the tickets VALID → VOID (one conditional
 * update, which a door checking one of them in at the same moment, or a second refund, loses or
 * wins as a whole), the reservation CONFIRM → REFUNDED, the seats BOOKED → AVAILABLE and off the
 * fan's count, and the money back to the wallet as a REFUND entry.
 */
@Service
class Refunds {

    // Serializable: shown after a redirect as a flash attribute, which the session keeps (in the database)
    record Refunded(long reservationId, ReservationStatus status, long refunded, long fee, long balance)
            implements java.io.Serializable {}

    private final ReservationRepository reservations;
    private final ETicketStore tickets;
    private final RefundSchedules schedules;
    private final Catalogue catalogue;
    private final SeatInventory inventory;
    private final FanSeatCounts fanSeats;
    private final Wallets wallets;
    private final BookingActivity activity;
    private final Clock clock;

    Refunds(
            ReservationRepository reservations,
            ETicketStore tickets,
            RefundSchedules schedules,
            Catalogue catalogue,
            SeatInventory inventory,
            FanSeatCounts fanSeats,
            Wallets wallets,
            BookingActivity activity,
            Clock clock) {
        this.reservations = reservations;
        this.tickets = tickets;
        this.schedules = schedules;
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.fanSeats = fanSeats;
        this.wallets = wallets;
        this.activity = activity;
        this.clock = clock;
    }

    /**
     * What the fan would get back now, shown before they confirm.
     *
     * @throws DomainException {@code NOT_FOUND} for another fan's reservation, {@code INVALID_STATE}
     *     unless paid, {@code REFUND_CLOSED} on the show's day
     */
    RefundSchedule.Quote quote(long memberId, long reservationId) {
        return quote(own(memberId, reservationId), clock.instant());
    }

    /**
     * The fan cancels a paid reservation under the concert's schedule.
     *
     * @throws DomainException as {@link #quote}, and {@code INVALID_STATE} when a ticket was checked
     *     in (or the reservation refunded) first; then nothing changed
     */
    @Transactional
    Refunded refund(long memberId, long reservationId) {
        // the reservation's row first, then its tickets: the order an organiser's cancellation of the
        // date takes them in, so the two racing wait for each other instead of deadlocking
        var reservation = reservations
                .lockById(reservationId)
                .filter(r -> r.belongsTo(memberId))
                .orElseThrow(DomainException::notFound);
        var now = clock.instant();
        long balance = refund(reservation, quote(reservation, now), RefundReason.FAN, now, false);
        return new Refunded(
                reservationId, reservation.status(), reservation.refundAmount(), reservation.refundFee(), balance);
    }

    /**
     * Everything back, no fee, every ticket void: the organiser cancelled the date. Runs in the
     * caller's transaction.
     */
    void refundInFull(Reservation reservation, Instant now) {
        refund(reservation, RefundSchedule.Quote.inFull(reservation.amount()), RefundReason.DATE_CANCELLED, now, true);
    }

    private long refund(
            Reservation reservation, RefundSchedule.Quote quote, RefundReason reason, Instant now, boolean evenUsed) {
        int seats = reservation.seats().size();
        int voided = evenUsed ? tickets.voidAll(reservation.id(), now) : tickets.voidValid(reservation.id(), now);
        if (voided != seats) {
            // a door let one of the tickets in first, or another refund won: roll back, refund nothing
            throw new DomainException(ErrorCode.INVALID_STATE, Map.of("state", "CHECKED_IN"));
        }
        reservation.refund(quote, reason, now);
        reservations.save(reservation);
        if (inventory.releaseBooked(reservation.id()) != seats) {
            throw new IllegalStateException("reservation " + reservation.id() + " did not own all its seats");
        }
        fanSeats.giveBack(reservation.memberId(), reservation.performanceId(), seats);
        activity.refunded(reservation, reason);
        return quote.refund() > 0
                ? wallets.credit(reservation.memberId(), quote.refund(), BookingLedger.refund(reservation.id()))
                : wallets.balanceOf(reservation.memberId());
    }

    private Reservation own(long memberId, long reservationId) {
        return reservations
                .findById(reservationId)
                .filter(r -> r.belongsTo(memberId))
                .orElseThrow(DomainException::notFound);
    }

    private RefundSchedule.Quote quote(Reservation reservation, Instant now) {
        var performance = catalogue.findPerformance(reservation.performanceId()).orElseThrow(DomainException::notFound);
        var concert = catalogue.findConcert(reservation.concertId()).orElseThrow(DomainException::notFound);
        return reservation.quoteRefund(
                schedules.of(reservation.concertId()), performance.startsAt(), concert.zone(), now);
    }
}
