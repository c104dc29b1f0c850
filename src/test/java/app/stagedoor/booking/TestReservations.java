package app.stagedoor.booking;

import app.stagedoor.shared.SeatPlace;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Reservations as the repository would load them, for slice and unit tests. */
final class TestReservations {

    private TestReservations() {}

    /** Fan {@code memberId}'s hold of VIP row 1 seats 1 and 2 (₩100,000 each) of date 8 of concert 3. */
    static Reservation held(long id, long memberId, Instant now) {
        var held = Reservation.hold(
                memberId,
                3,
                8,
                List.of(
                        ReservationSeat.held(81, new SeatPlace("VIP", 1, 1), 100_000),
                        ReservationSeat.held(82, new SeatPlace("VIP", 1, 2), 100_000)),
                now,
                now.plusSeconds(300));
        return new Reservation(
                id,
                memberId,
                3,
                8,
                ReservationStatus.REQUEST,
                held.amount(),
                now,
                held.expiresAt(),
                null,
                null,
                null,
                "K7Q2M9XR4D",
                null,
                null,
                null,
                null,
                0L,
                Set.copyOf(held.seats()));
    }

    static Reservation confirmed(long id, long memberId, Instant now) {
        var reservation = held(id, memberId, now);
        reservation.confirm(now);
        return reservation;
    }
}
