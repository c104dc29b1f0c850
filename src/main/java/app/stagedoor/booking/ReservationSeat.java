package app.stagedoor.booking;

import org.springframework.data.relational.core.mapping.Table;

/** A seat of a reservation, with its label and price as they were when held. */
@Table("reservation_seats")
record ReservationSeat(long seatId, Long liveSeatId, String label, long price) {

    static ReservationSeat held(long seatId, String label, long price) {
        return new ReservationSeat(seatId, seatId, label, price);
    }
}
