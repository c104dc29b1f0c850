package app.stagedoor.queue;

import app.stagedoor.shared.ClusterJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * When the waiting room's jobs run: the promoter every {@code stagedoor.queue.tick} on one instance
 * at a time; each instance writes down the polls it answered every {@code last-seen-flush}.
 */
@Component
class QueueJobs implements SchedulingConfigurer {

    private final ClusterJobs jobs;
    private final QueuePromoter promoter;
    private final LastSeen lastSeen;
    private final QueueProperties properties;

    QueueJobs(ClusterJobs jobs, QueuePromoter promoter, LastSeen lastSeen, QueueProperties properties) {
        this.jobs = jobs;
        this.promoter = promoter;
        this.lastSeen = lastSeen;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        jobs.onOneInstance(tasks, "queue-promoter", properties.tick(), Duration.ofSeconds(30), promoter::tick);
        jobs.onThisInstance(tasks, properties.lastSeenFlush(), lastSeen::flush);
    }
}
