package app.stagedoor.booking;

/** A reservation was paid. Published in the paying transaction, delivered after it commits. */
public record ReservationConfirmed(
        long reservationId, long memberId, long concertId, long performanceId, long amount) {}
