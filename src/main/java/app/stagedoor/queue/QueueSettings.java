package app.stagedoor.queue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How a concert's line moves: every {@code admitIntervalSeconds} the next {@code admitCount}
 * waiting fans are admitted, never more than {@code maxActive} at once (no cap when null), each
 * for {@code activeSeconds}; a hold lasts {@code holdSeconds}; fans may join a pre-queue {@code
 * preQueueMinutes} before the on-sale time (0: no pre-queue) and are drawn into a random order at
 * opening; {@code paused} stops admission.
 */
record QueueSettings(
        @NotNull(message = "{queue.admitCount.range}")
        @Min(value = 1, message = "{queue.admitCount.range}")
        @Max(value = 10_000, message = "{queue.admitCount.range}")
        Integer admitCount,

        @NotNull(message = "{queue.admitInterval.range}")
        @Min(value = 1, message = "{queue.admitInterval.range}")
        @Max(value = 3_600, message = "{queue.admitInterval.range}")
        Integer admitIntervalSeconds,

        @Min(value = 1, message = "{queue.maxActive.range}")
        @Max(value = 1_000_000, message = "{queue.maxActive.range}")
        Integer maxActive,

        @NotNull(message = "{queue.activeSeconds.range}")
        @Min(value = 30, message = "{queue.activeSeconds.range}")
        @Max(value = 86_400, message = "{queue.activeSeconds.range}")
        Integer activeSeconds,

        @NotNull(message = "{queue.holdSeconds.range}")
        @Min(value = 10, message = "{queue.holdSeconds.range}")
        @Max(value = 3_600, message = "{queue.holdSeconds.range}")
        Integer holdSeconds,

        @NotNull(message = "{queue.preQueueMinutes.range}")
        @Min(value = 0, message = "{queue.preQueueMinutes.range}")
        @Max(value = 1_440, message = "{queue.preQueueMinutes.range}")
        Integer preQueueMinutes,

        @NotNull(message = "{queue.paused.required}") Boolean paused) {

    /** Places the line moves per second when it runs as set. */
    double configuredPlacesPerSecond() {
        double perInterval = maxActive == null ? admitCount : Math.min(admitCount, maxActive);
        return perInterval / admitIntervalSeconds;
    }

    /** When fans may first join the line of a sale that opens at {@code salesOpenAt}. */
    java.time.Instant joinOpensAt(java.time.Instant salesOpenAt) {
        return salesOpenAt.minus(java.time.Duration.ofMinutes(preQueueMinutes));
    }
}
