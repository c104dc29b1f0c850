package app.stagedoor.booking;

import app.stagedoor.concert.SeatInventory;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * REQUEST → CANCEL with everything that goes with it: the seats back to AVAILABLE, out of the
 * reservation's live seats, and off the fan's count. Runs inside the caller's transaction; used by
 * the fan's cancel, the sweeper and a hold that finds a lapsed hold on its seats.
 */
@Component
class Releases {

    private final ReservationRepository reservations;
    private final SeatInventory inventory;
    private final FanSeatCounts fanSeats;

    Releases(ReservationRepository reservations, SeatInventory inventory, FanSeatCounts fanSeats) {
        this.reservations = reservations;
        this.inventory = inventory;
        this.fanSeats = fanSeats;
    }

    /**
     * @return whether this call cancelled it; false when it was paid or cancelled meanwhile, or (for
     *     {@code EXPIRED}) has not run out yet
     */
    boolean release(long reservationId, CancelReason reason, Instant now) {
        var reservation = reservations.lockById(reservationId).orElse(null);
        if (reservation == null
                || reservation.status() != ReservationStatus.REQUEST
                || (reason == CancelReason.EXPIRED && !reservation.isExpiredAt(now))) {
            return false;
        }
        reservation.cancel(reason, now);
        if (reservations.markCancelled(reservationId, reason.name(), now) != 1) {
            return false;
        }
        inventory.release(reservationId);
        reservations.releaseSeats(reservationId);
        fanSeats.giveBack(
                reservation.memberId(),
                reservation.performanceId(),
                reservation.seats().size());
        return true;
    }
}
