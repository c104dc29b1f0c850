package app.stagedoor.queue;

/** Why a ticket expired. */
public enum ExpireReason {
    /** The fan left the line. */
    LEFT,
    /** The admission ran out. */
    TIMEOUT,
    /** The fan stopped polling while waiting and lost their place. */
    ABANDONED,
    /** The fan paid for a reservation; the admission is used up. */
    PAID
}
