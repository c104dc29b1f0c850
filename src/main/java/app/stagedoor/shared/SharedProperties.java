package app.stagedoor.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param scheduling the jobs that run once per tick across all instances */
@ConfigurationProperties(prefix = "stagedoor.shared", ignoreUnknownFields = false)
record SharedProperties(@DefaultValue Scheduling scheduling) {

    /**
     * @param enabled run the cluster-wide jobs (the waiting room's promoter, the hold sweeper, the
     *     cleanup of the rate limits' full buckets) on this instance; they take a lock per tick, so
     *     leaving it on everywhere is safe. Per-instance chores run either way.
     */
    record Scheduling(@DefaultValue("true") boolean enabled) {}
}
