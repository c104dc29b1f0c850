package app.stagedoor.queue;

import java.util.List;

/** Why a ticket expired, and the states a ticket may expire from for that reason. */
enum ExpireReason {
    /** The fan left the line, or gave up the admission. */
    LEFT(QueueStatus.WAIT, QueueStatus.ACTIVE),
    /** The admission ran out. */
    TIMEOUT(QueueStatus.ACTIVE),
    /** The fan stopped polling while waiting and lost their place. */
    ABANDONED(QueueStatus.WAIT),
    /** The fan paid for a reservation; the admission is used up. */
    PAID(QueueStatus.ACTIVE);

    private final List<QueueStatus> from;

    ExpireReason(QueueStatus... from) {
        this.from = List.of(from);
    }

    /** The states a ticket may be in to expire for this reason. */
    List<QueueStatus> from() {
        return from;
    }
}
