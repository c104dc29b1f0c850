package app.stagedoor.shared;

import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Schedules the modules' jobs at the intervals their settings give. A cluster job runs on one
 * instance per tick (a ShedLock lock in the {@code shedlock} table, timed by the database clock)
 * and only where {@code stagedoor.shared.scheduling.enabled} is true; an instance's own chores run
 * everywhere.
 */
@Component
public class ClusterJobs {

    private final LockingTaskExecutor locks;
    private final boolean enabled;

    ClusterJobs(LockingTaskExecutor locks, SharedProperties properties) {
        this.locks = locks;
        this.enabled = properties.scheduling().enabled();
    }

    /** Runs {@code job} every {@code interval} on one instance at a time, a lock held at most {@code atMostFor}. */
    public void onOneInstance(
            ScheduledTaskRegistrar tasks, String name, Duration interval, Duration atMostFor, Runnable job) {
        if (enabled) {
            tasks.addFixedDelayTask(
                    () -> locks.executeWithLock(
                            job, new LockConfiguration(Instant.now(), name, atMostFor, Duration.ZERO)),
                    interval);
        }
    }

    /** Runs {@code job} every {@code interval} on this instance. */
    public void onThisInstance(ScheduledTaskRegistrar tasks, Duration interval, Runnable job) {
        tasks.addFixedDelayTask(job, interval);
    }
}
