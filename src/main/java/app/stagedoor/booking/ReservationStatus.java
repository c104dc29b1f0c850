package app.stagedoor.booking;

/** The seed's reservation states: REQUEST → CONFIRM (paid) or REQUEST → CANCEL; both final. */
public enum ReservationStatus {
    REQUEST,
    CONFIRM,
    CANCEL
}
