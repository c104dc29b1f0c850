package app.stagedoor.queue;

/** A line at a glance, for the organiser. */
public record QueueStats(
        long waiting, long active, long admittedTotal, long expiredTotal, double admittedPerMinute, boolean paused) {}
