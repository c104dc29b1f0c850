package app.stagedoor.queue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The waiting room's machinery.
 *
 * @param defaults the settings of a concert's line until its organiser changes them
 * @param tick how often the promoter runs (each concert then admits at its own interval)
 * @param abandonAfter a waiting fan who has not polled for this long loses their place
 * @param lastSeenFlush how often polls are written down, in one batch per instance
 * @param snapshotTtl how long a line's admitted-up-to mark is cached for polls
 * @param pollMin the shortest suggested poll interval, near the front
 * @param pollMax the longest suggested poll interval, far back
 * @param drawPollSpread the pre-queue's polls right after the draw are spread over this long
 * @param drawWriteChunk at least this many of a draw's places are written into the tickets each
 *     tick, front first (and always as many as the tick may admit)
 * @param ticketSecret base64 HMAC key for waiting-room tickets; unset: generated and kept in the
 *     database
 */
@ConfigurationProperties(prefix = "stagedoor.queue", ignoreUnknownFields = false)
record QueueProperties(
        @DefaultValue Defaults defaults,
        @DefaultValue("1s") Duration tick,
        @DefaultValue("3m") Duration abandonAfter,
        @DefaultValue("2s") Duration lastSeenFlush,
        @DefaultValue("250ms") Duration snapshotTtl,
        @DefaultValue("2s") Duration pollMin,
        @DefaultValue("30s") Duration pollMax,
        @DefaultValue("5s") Duration drawPollSpread,
        @DefaultValue("20000") int drawWriteChunk,
        String ticketSecret) {

    record Defaults(
            @DefaultValue("50") int admitCount,
            @DefaultValue("10") int admitIntervalSeconds,
            Integer maxActive,
            @DefaultValue("600") int activeSeconds,
            @DefaultValue("300") int holdSeconds,
            @DefaultValue("10") int preQueueMinutes) {

        QueueSettings settings() {
            return new QueueSettings(
                    admitCount, admitIntervalSeconds, maxActive, activeSeconds, holdSeconds, preQueueMinutes, false);
        }
    }
}
