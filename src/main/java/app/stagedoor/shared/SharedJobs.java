package app.stagedoor.shared;

import java.time.Duration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * When the shared module's job runs: the rate limits' full buckets are dropped every minute, on one
 * instance at a time, like every cluster job ({@link ClusterJobs}).
 */
@Component
class SharedJobs implements SchedulingConfigurer {

    static final Duration CLEAN_BUCKETS_EVERY = Duration.ofMinutes(1);

    private final ClusterJobs jobs;
    private final RateLimiter limiter;

    SharedJobs(ClusterJobs jobs, RateLimiter limiter) {
        this.jobs = jobs;
        this.limiter = limiter;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        jobs.onOneInstance(
                tasks, "rate-limit-cleaner", CLEAN_BUCKETS_EVERY, Duration.ofMinutes(5), limiter::removeFullBuckets);
    }
}
