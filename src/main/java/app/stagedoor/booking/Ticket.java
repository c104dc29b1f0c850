package app.stagedoor.booking;

import app.stagedoor.shared.SeatPlace;
import java.time.Instant;

/** One seat's e-ticket: its code (random, shown as a QR code), its seat and where it stands. */
record Ticket(
        long id,
        String code,
        long reservationId,
        long performanceId,
        long seatId,
        SeatPlace place,
        TicketStatus status,
        Instant checkedInAt) {

    /** The code in groups of four, as printed under the QR code. */
    public String groupedCode() {
        return String.join("-", code.split("(?<=\\G.{4})"));
    }
}
