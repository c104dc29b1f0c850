package app.stagedoor.booking;

import app.stagedoor.shared.SeatPlace;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A seat of a reservation, with its place and price as they were when held. {@code liveSeatId} is
 * the seat while the reservation holds or owns it and null once it let the seat go; a unique key on
 * it keeps a seat from being in two live reservations.
 */
@Table("reservation_seats")
record ReservationSeat(
        long seatId,
        Long liveSeatId,
        @Embedded.Empty(prefix = "seat_") SeatPlace place,
        long price) {

    static ReservationSeat held(long seatId, SeatPlace place, long price) {
        return new ReservationSeat(seatId, seatId, place, price);
    }

    ReservationSeat released() {
        return new ReservationSeat(seatId, null, place, price);
    }
}
