package app.stagedoor.booking;

/** Why a reservation was cancelled. */
public enum CancelReason {
    /** The hold ran out unpaid. */
    EXPIRED,
    /** The fan let the seats go. */
    CANCELLED
}
