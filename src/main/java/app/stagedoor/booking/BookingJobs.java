package app.stagedoor.booking;

import app.stagedoor.shared.ClusterJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** When the hold sweeper runs: every {@code stagedoor.booking.sweep-interval}, on one instance at a time. */
@Component
class BookingJobs implements SchedulingConfigurer {

    private final ClusterJobs jobs;
    private final HoldSweeper sweeper;
    private final BookingProperties properties;

    BookingJobs(ClusterJobs jobs, HoldSweeper sweeper, BookingProperties properties) {
        this.jobs = jobs;
        this.sweeper = sweeper;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        jobs.onOneInstance(tasks, "hold-sweeper", properties.sweepInterval(), Duration.ofSeconds(30), sweeper::sweep);
    }
}
