package app.stagedoor.shared;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.support.TaskUtils;

/** Scheduled jobs, and the ShedLock locks that keep a cluster job to one instance per tick ({@link ClusterJobs}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

    /**
     * A job that meets {@link DatabaseTrouble} says so in one line and runs again at its next tick;
     * while the database is away every job would otherwise log a stack trace each second. Any
     * other failure is logged in full, as Spring does.
     */
    @Bean
    ThreadPoolTaskSchedulerCustomizer jobsWaitOutDatabaseTrouble() {
        return scheduler -> scheduler.setErrorHandler(failure -> {
            if (DatabaseTrouble.in(failure)) {
                log.warn(
                        "A scheduled job waits for its next tick, the database is unreachable: {}", failure.toString());
            } else {
                TaskUtils.LOG_AND_SUPPRESS_ERROR_HANDLER.handleError(failure);
            }
        });
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    @Bean
    LockingTaskExecutor lockingTaskExecutor(LockProvider locks) {
        return new DefaultLockingTaskExecutor(locks);
    }
}
