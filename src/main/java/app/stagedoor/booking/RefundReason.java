package app.stagedoor.booking;

/** Why a paid reservation was refunded. */
public enum RefundReason {
    /** The fan cancelled within the concert's refund schedule. */
    FAN,
    /** The organiser cancelled the date: everything back, no fee. */
    DATE_CANCELLED
}
