package app.stagedoor.booking;

import java.util.Optional;

/**
 * How a reservation is written and locked: by hand, in as few statements as the change needs.
 * Spring Data JDBC's aggregate save rewrote a reservation's seats (a delete and an insert per seat)
 * on every transition and read them with a second query; a hold and a payment are the two hottest
 * writes of a sale. The repository's other queries stay derived.
 */
interface ReservationWrites {

    /**
     * A new reservation: its row and its seats' rows (one multi-row insert, in seat order). A
     * changed one: the row's changeable columns, checked against its version, and the seats the
     * aggregate let go; a reservation's seats, places and prices never change otherwise.
     *
     * @return the reservation as stored (a new one with its id)
     * @throws org.springframework.dao.OptimisticLockingFailureException when the row changed since it
     *     was read (callers hold its lock, so this means a caller forgot to)
     */
    Reservation save(Reservation reservation);

    /** Reads the reservation with its seats in one query and locks its row until commit. */
    Optional<Reservation> lockById(long id);
}
