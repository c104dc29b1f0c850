package app.stagedoor.queue;

import java.time.Instant;

/**
 * A fan's standing in a concert's waiting room as they see it; made by the named factories below.
 *
 * @param token the signed ticket to send back with each poll (header {@code Queue-Token}); null
 *     unless waiting
 * @param position 1 for the next fan to be admitted; null unless waiting
 * @param estimatedWaitSeconds from the rate the line actually moved; null unless waiting, or while
 *     admission is paused
 * @param activeUntil when the admission ends; null unless admitted
 * @param pollAfterMillis when to ask again: soon near the front, rarely far back
 * @param progressPercent how much of the way from joining to the front is done; null without a place
 * @param paused whether the organiser paused admission
 * @param expireReason why the last ticket ended; null unless expired
 */
public record QueueTicket(
        long concertId,
        QueueStatus status,
        String token,
        Long position,
        Long estimatedWaitSeconds,
        Instant activeUntil,
        long pollAfterMillis,
        Integer progressPercent,
        boolean paused,
        ExpireReason expireReason) {

    static QueueTicket none(long concertId, long pollAfterMillis) {
        return new QueueTicket(concertId, QueueStatus.NONE, null, null, null, null, pollAfterMillis, null, false, null);
    }

    static QueueTicket waiting(
            long concertId,
            String token,
            long position,
            Long estimatedWaitSeconds,
            long pollAfterMillis,
            int progressPercent,
            boolean paused) {
        return new QueueTicket(
                concertId,
                QueueStatus.WAIT,
                token,
                position,
                estimatedWaitSeconds,
                null,
                pollAfterMillis,
                progressPercent,
                paused,
                null);
    }

    static QueueTicket admitted(long concertId, Instant activeUntil, long pollAfterMillis) {
        return new QueueTicket(
                concertId, QueueStatus.ACTIVE, null, null, null, activeUntil, pollAfterMillis, 100, false, null);
    }

    static QueueTicket expired(long concertId, ExpireReason reason, long pollAfterMillis) {
        return new QueueTicket(
                concertId, QueueStatus.EXPIRE, null, null, null, null, pollAfterMillis, null, false, reason);
    }

    public Long fansAhead() {
        return position == null ? null : position - 1;
    }

    public boolean isWaiting() {
        return status == QueueStatus.WAIT;
    }

    public boolean isActive() {
        return status == QueueStatus.ACTIVE;
    }
}
