package app.stagedoor.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.resilience.annotation.Retryable;

/**
 * An operation that loses a lock race and is tried again shows on {@code stagedoor_lock_retries_total},
 * each lost try, and once more when the operation gave up; a refusal that is not tried again does not.
 */
class LockRetriesTest {

    static class Seats {
        private final AtomicInteger calls = new AtomicInteger();

        public void reset() {
            calls.set(0);
        }

        @Retryable(includes = PessimisticLockingFailureException.class, maxRetries = 2, delay = 1)
        public String take(int losses) {
            if (calls.incrementAndGet() <= losses) {
                throw new CannotAcquireLockException("deadlock victim");
            }
            return "taken";
        }

        @Retryable(includes = PessimisticLockingFailureException.class, maxRetries = 2, delay = 1)
        public String refuse() {
            throw new IllegalStateException("seat taken");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        MeterRegistry registry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        Seats seats() {
            return new Seats();
        }
    }

    @Test
    void lost_lock_races_are_counted_each_time_and_once_more_when_given_up() {
        try (var context = new AnnotationConfigApplicationContext(Beans.class, ResilienceConfiguration.class)) {
            var seats = context.getBean(Seats.class);
            var meters = context.getBean(MeterRegistry.class);

            assertThat(seats.take(1)).isEqualTo("taken");
            assertThat(count(meters, "lost")).isEqualTo(1);

            seats.reset();
            assertThatThrownBy(() -> seats.take(5)).isInstanceOf(CannotAcquireLockException.class);
            assertThat(count(meters, "lost")).isEqualTo(4);
            assertThat(count(meters, "gave_up")).isEqualTo(1);

            assertThatThrownBy(seats::refuse).isInstanceOf(IllegalStateException.class);
            assertThat(count(meters, "lost")).isEqualTo(4);
            assertThat(count(meters, "gave_up")).isEqualTo(1);
        }
    }

    private static double count(MeterRegistry meters, String outcome) {
        var counter = meters.find("stagedoor.lock.retries")
                .tag("operation", "Seats.take")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
