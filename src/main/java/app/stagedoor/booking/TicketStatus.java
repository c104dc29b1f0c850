package app.stagedoor.booking;

/**
 * A ticket's states: VALID → CHECKED_IN (admitted, once) or VALID → VOID (refunded, or its date
 * was cancelled); both final. The moves are conditional updates in {@link ETicketStore}, since doors,
 * refunds and cancellations race for the same ticket.
 */
public enum TicketStatus {
    VALID,
    CHECKED_IN,
    VOID
}
