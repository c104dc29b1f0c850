package app.stagedoor.queue;

import java.time.Instant;

/**
 * A fan's place in a concert's waiting room as they see it.
 *
 * @param token the signed ticket to send back with each poll (header {@code Queue-Token}); null
 *     without a live ticket
 * @param position 1 for the next fan to be admitted; null unless waiting
 * @param estimatedWaitSeconds from the rate the line actually moved; null unless waiting
 * @param activeUntil when the admission ends; null unless admitted
 * @param pollAfterMillis when to ask again: soon near the front, rarely far back
 * @param progressPercent how much of the way from joining to the front is done
 * @param paused whether the organiser paused admission
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

    public Long fansAhead() {
        return position == null ? null : position - 1;
    }

    public boolean isWaiting() {
        return status == QueueStatus.WAIT;
    }

    public boolean isActive() {
        return status == QueueStatus.ACTIVE;
    }

    public boolean isLive() {
        return status == QueueStatus.WAIT || status == QueueStatus.ACTIVE;
    }
}
