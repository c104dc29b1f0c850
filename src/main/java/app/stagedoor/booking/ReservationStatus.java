package app.stagedoor.booking;

/** A reservation's states: REQUEST → CONFIRM (paid) or REQUEST → CANCEL; both final. */
public enum ReservationStatus {
    REQUEST,
    CONFIRM,
    CANCEL
}
