package app.stagedoor.queue;

import java.time.Instant;
import java.util.List;

/**
 * A fan's place in one concert's line, and the moves it may make: {@code WAIT → ACTIVE} when the
 * promoter admits it, {@code WAIT → EXPIRE} when the fan leaves or stops polling, {@code ACTIVE →
 * EXPIRE} when the admission runs out, is given up or is used by a payment. Nothing leaves EXPIRE.
 *
 * <p>Tickets are contended (a fan's tabs, the promoter and a payment may move one at the same
 * moment), so {@link TicketStore} writes each move as one conditional update on the states this
 * type allows it from ({@link #ADMITTED_FROM}, {@link ExpireReason#from()}): the row's state when
 * the update runs decides, not a copy read a moment before.
 *
 * @param seq the place in line; position = seq − the line's admitted-up-to mark. 0 until the line
 *     gives it one: at the draw for the pre-queue's tickets, at the promoter's next tick for later ones
 * @param drawCode the ticket's public name in the published draw
 * @param joinedMark the line's mark when the ticket was made, for the progress bar
 * @param activeUntil when the admission ends; null unless admitted
 * @param expireReason why it ended; null unless expired
 */
record Ticket(
        long id,
        long concertId,
        long memberId,
        long seq,
        String drawCode,
        long joinedMark,
        QueueStatus status,
        Instant activeUntil,
        ExpireReason expireReason) {

    Ticket {
        if (status == QueueStatus.NONE) {
            throw new IllegalArgumentException("NONE is no state of a ticket");
        }
        if (status == QueueStatus.ACTIVE && activeUntil == null) {
            throw new IllegalArgumentException("an admitted ticket has an end");
        }
        if (status == QueueStatus.WAIT && (activeUntil != null || expireReason != null)) {
            throw new IllegalArgumentException("a waiting ticket has neither an end nor a reason");
        }
        if ((status == QueueStatus.EXPIRE) != (expireReason != null)) {
            throw new IllegalArgumentException("an expired ticket, and only one, has a reason");
        }
    }

    /** A new ticket, waiting for the line to give it a place. */
    static Ticket joined(long id, long concertId, long memberId, String drawCode) {
        return new Ticket(id, concertId, memberId, 0, drawCode, 0, QueueStatus.WAIT, null, null);
    }

    /** Whether the line has given the ticket its place yet. */
    boolean hasPlace() {
        return seq > 0;
    }

    /** The states a ticket may be admitted from. */
    static final List<QueueStatus> ADMITTED_FROM = List.of(QueueStatus.WAIT);

    boolean canBeAdmitted() {
        return ADMITTED_FROM.contains(status);
    }

    /** Whether the ticket may end for this reason, as it stands. */
    boolean canExpire(ExpireReason reason) {
        return reason.from().contains(status);
    }

    /** Waiting, or admitted and not yet run out: the fan's current ticket, which joining again returns. */
    boolean isLiveAt(Instant now) {
        return status == QueueStatus.WAIT || isAdmittedAt(now);
    }

    /** Admitted and not yet run out: may pick seats. */
    boolean isAdmittedAt(Instant now) {
        return status == QueueStatus.ACTIVE && activeUntil.isAfter(now);
    }

    /** Admitted, but the admission ran out and the promoter has not ended it yet. */
    boolean hasLapsedAt(Instant now) {
        return status == QueueStatus.ACTIVE && !activeUntil.isAfter(now);
    }
}
