package app.stagedoor.web;

import app.stagedoor.shared.ClusterJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes the browser sessions that expired (one statement on the expiry index), once a minute on
 * one instance at a time. Spring Session's own cron would run the same delete on every instance
 * each minute; it is turned off ({@code spring.session.jdbc.cleanup-cron: "-"}).
 */
@Component
class SessionCleanup implements SchedulingConfigurer {

    private final ClusterJobs jobs;
    private final JdbcIndexedSessionRepository sessions;

    SessionCleanup(ClusterJobs jobs, JdbcIndexedSessionRepository sessions) {
        this.jobs = jobs;
        this.sessions = sessions;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        jobs.onOneInstance(tasks, "session-cleanup", Duration.ofMinutes(1), Duration.ofMinutes(5), this::run);
    }

    void run() {
        sessions.cleanUpExpiredSessions();
    }
}
