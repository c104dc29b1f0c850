package app.stagedoor.booking;

import app.stagedoor.concert.SeatInventory;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * REQUEST → CANCEL with everything that goes with it: the reservation decides and is saved, its
 * seats go back to AVAILABLE and off the fan's count. Runs inside the caller's transaction; used by
 * the fan's cancel, the sweeper and a hold that finds a lapsed hold on its seats.
 */
@Component
class Releases {

    private final ReservationRepository reservations;
    private final SeatInventory inventory;
    private final FanSeatCounts fanSeats;
    private final BookingActivity activity;

    Releases(
            ReservationRepository reservations,
            SeatInventory inventory,
            FanSeatCounts fanSeats,
            BookingActivity activity) {
        this.reservations = reservations;
        this.inventory = inventory;
        this.fanSeats = fanSeats;
        this.activity = activity;
    }

    /**
     * Cancels a reservation whose row the caller has locked.
     *
     * @throws app.stagedoor.shared.DomainException {@code INVALID_STATE} when the reservation may not
     *     be cancelled for this reason (see {@link Reservation#cancel})
     */
    void cancel(Reservation locked, CancelReason reason, Instant now) {
        locked.cancel(reason, now);
        reservations.save(locked);
        inventory.release(locked.id());
        fanSeats.giveBack(
                locked.memberId(), locked.performanceId(), locked.seats().size());
        activity.released(locked, reason);
    }

    /**
     * Cancels the hold if it has run out unpaid.
     *
     * @return whether this call cancelled it; false when it was paid, cancelled meanwhile or still
     *     has time left
     */
    boolean releaseLapsed(long reservationId, Instant now) {
        var lapsed = reservations.lockById(reservationId).filter(r -> r.mayBeCancelled(CancelReason.EXPIRED, now));
        lapsed.ifPresent(reservation -> cancel(reservation, CancelReason.EXPIRED, now));
        return lapsed.isPresent();
    }
}
