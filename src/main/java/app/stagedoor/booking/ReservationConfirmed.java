package app.stagedoor.booking;

/** A reservation was paid. Published in the paying transaction; its listeners run in it and commit with it. */
public record ReservationConfirmed(
        long reservationId, long memberId, long concertId, long performanceId, long amount) {}
