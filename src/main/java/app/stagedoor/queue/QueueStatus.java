package app.stagedoor.queue;

/**
 * A ticket's states: {@code WAIT → ACTIVE → EXPIRE}, or {@code WAIT → EXPIRE}. EXPIRE is final for
 * that ticket: a fan who joins again gets a new ticket at the back of the line. {@code NONE} is no
 * state of a ticket; it is what a fan without a ticket sees. {@link Ticket} holds the rules.
 */
enum QueueStatus {
    /** No ticket for this concert. */
    NONE,
    /** In line. */
    WAIT,
    /** Admitted: may pick dates and seats and hold them until the admission runs out. */
    ACTIVE,
    /** Ran out, left, dropped for not polling, or used up by a payment. The fan may join again. */
    EXPIRE
}
