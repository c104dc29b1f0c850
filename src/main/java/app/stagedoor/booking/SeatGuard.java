package app.stagedoor.booking;

import java.util.List;

/**
 * Serialises holds that want the same seats, inside the hold's transaction and before it touches
 * them. Whatever the guard, the seats then move with a conditional update and the reservation's
 * seats carry a unique key, so a faulty guard still cannot sell a seat twice.
 */
interface SeatGuard {

    /**
     * Called first in the hold's transaction, with the seat ids in ascending order.
     *
     * @throws SeatsUnavailable when a seat stays contended longer than a fan should wait
     */
    void enter(List<Long> seatIds);

    String name();
}
