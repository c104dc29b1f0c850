package app.stagedoor.queue;

import java.time.Instant;

/**
 * A fan's standing in a concert's waiting room as they see it; made by the named factories below.
 *
 * @param token the signed ticket to send back with each poll (header {@code Queue-Token}); null
 *     unless waiting
 * @param position 1 for the next fan to be admitted; null unless waiting with a place (a fan in
 *     the pre-queue has none until the draw, a fan who just joined none until the next tick)
 * @param estimatedWaitSeconds from the rate the line actually moved; null without a position, or
 *     while admission is paused
 * @param activeUntil when the admission ends; null unless admitted
 * @param pollAfterMillis when to ask again: soon near the front, rarely far back
 * @param progressPercent how much of the way from joining to the front is done; null without a place
 * @param paused whether the organiser paused admission
 * @param expireReason why the last ticket ended; null unless expired
 * @param drawAt when the pre-queue is drawn into a random order; null unless in the pre-queue
 * @param drawCode the ticket's name in the published draw, so the fan can find themselves in it
 * @param message what the organiser tells everyone in the waiting room; null for nothing
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
        ExpireReason expireReason,
        Instant drawAt,
        String drawCode,
        String message) {

    static QueueTicket none(long concertId, long pollAfterMillis, String message) {
        return new QueueTicket(
                concertId,
                QueueStatus.NONE,
                null,
                null,
                null,
                null,
                pollAfterMillis,
                null,
                false,
                null,
                null,
                null,
                message);
    }

    static QueueTicket waiting(
            long concertId,
            String token,
            long position,
            Long estimatedWaitSeconds,
            long pollAfterMillis,
            int progressPercent,
            boolean paused,
            String drawCode,
            String message) {
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
                null,
                null,
                drawCode,
                message);
    }

    /** Waiting for a place: in the pre-queue until {@code drawAt}, or (null) about to get one. */
    static QueueTicket withoutPlace(
            long concertId,
            String token,
            Instant drawAt,
            long pollAfterMillis,
            boolean paused,
            String drawCode,
            String message) {
        return new QueueTicket(
                concertId,
                QueueStatus.WAIT,
                token,
                null,
                null,
                null,
                pollAfterMillis,
                null,
                paused,
                null,
                drawAt,
                drawCode,
                message);
    }

    static QueueTicket admitted(long concertId, Instant activeUntil, long pollAfterMillis, String drawCode) {
        return new QueueTicket(
                concertId,
                QueueStatus.ACTIVE,
                null,
                null,
                null,
                activeUntil,
                pollAfterMillis,
                100,
                false,
                null,
                null,
                drawCode,
                null);
    }

    static QueueTicket expired(long concertId, ExpireReason reason, long pollAfterMillis, String drawCode) {
        return new QueueTicket(
                concertId,
                QueueStatus.EXPIRE,
                null,
                null,
                null,
                null,
                pollAfterMillis,
                null,
                false,
                reason,
                null,
                drawCode,
                null);
    }

    public Long fansAhead() {
        return position == null ? null : position - 1;
    }

    public boolean isWaiting() {
        return status == QueueStatus.WAIT;
    }

    /** In the pre-queue: waiting for the draw at {@link #drawAt}. */
    public boolean isInPreQueue() {
        return isWaiting() && position == null && drawAt != null;
    }

    public boolean isActive() {
        return status == QueueStatus.ACTIVE;
    }
}
