package app.stagedoor.queue;

/** The seed's ticket states: NONE → WAIT → ACTIVE → EXPIRE; EXPIRE is final for that ticket. */
public enum QueueStatus {
    /** No ticket for this concert. */
    NONE,
    /** In line. */
    WAIT,
    /** Admitted: may pick dates and seats and hold them until the admission runs out. */
    ACTIVE,
    /** Ran out, left, dropped for not polling, or used up by a payment. The fan may join again. */
    EXPIRE
}
