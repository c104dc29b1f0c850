package app.stagedoor.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.shared.RateLimiter.Limit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The buckets live in the database: two instances (two limiters on one database) draw on one
 * bucket, and many threads at once take no more than it holds, on H2 and on MariaDB.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Tag("database")
@Import({RateLimiter.class, ResilienceConfiguration.class, RateLimiterTest.Meters.class})
class RateLimiterTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Meters {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    DataSource dataSource;

    /** The application's limiter, with its retries. */
    @Autowired
    RateLimiter limiter;

    static final Limit FIVE_AN_HOUR = new Limit(5, Duration.ofHours(1));

    @Test
    void a_client_spreading_requests_over_two_instances_gains_nothing() {
        var one = new RateLimiter(dataSource);
        var other = new RateLimiter(dataSource);
        var key = "test@" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat((i % 2 == 0 ? one : other).take(key, FIVE_AN_HOUR)).isEmpty();
        }
        var wait = other.take(key, FIVE_AN_HOUR);
        assertThat(wait).isPresent();
        assertThat(wait.get()).isGreaterThan(Duration.ofMinutes(11)).isLessThanOrEqualTo(Duration.ofMinutes(12));
        assertThat(one.check(key, FIVE_AN_HOUR)).isPresent();
        assertThat(one.take("test@" + UUID.randomUUID(), FIVE_AN_HOUR)).isEmpty();
    }

    @Test
    void many_requests_at_once_take_no_more_than_the_bucket_holds() throws Exception {
        var limiter = new RateLimiter(dataSource);
        var key = "race@" + UUID.randomUUID();
        var granted = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 40; i++) {
            pool.submit(() -> {
                if (limiter.take(key, FIVE_AN_HOUR).isEmpty()) {
                    granted.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();
        assertThat(granted).hasValue(5);
    }

    /**
     * The first takes of a new key, at once, may deadlock on its new row in InnoDB; the loser tries
     * again, so every request is answered, and the bucket still gives out no more than it holds.
     */
    @Test
    void first_takes_of_new_keys_all_at_once_are_all_answered() throws Exception {
        for (int round = 0; round < 50; round++) {
            var key = "first@" + UUID.randomUUID();
            var answers =
                    app.stagedoor.Race.run(java.util.Collections.nCopies(16, (java.util.concurrent.Callable<Boolean>)
                            () -> limiter.take(key, FIVE_AN_HOUR).isEmpty()));
            assertThat(answers)
                    .as("round %d", round)
                    .filteredOn(granted -> granted)
                    .hasSize(5);
        }
    }

    /** With the database gone, a limited request is answered as busy (503), not as our failure (500). */
    @Test
    void an_unreachable_database_is_database_trouble_not_a_failure_of_ours() throws Exception {
        var gone = org.mockito.Mockito.mock(DataSource.class);
        org.mockito.BDDMockito.given(gone.getConnection())
                .willThrow(new java.sql.SQLTransientConnectionException("Connection is not available"));
        var failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> new RateLimiter(gone).take("gone@" + UUID.randomUUID(), FIVE_AN_HOUR));
        assertThat(failure).isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(DatabaseTrouble.in(failure)).isTrue();
    }

    @Test
    void a_long_key_typed_by_a_client_is_kept_apart_from_its_prefix() {
        var limiter = new RateLimiter(dataSource);
        var base = "login-failure@127.0.0.1|" + java.util.UUID.randomUUID() + "x".repeat(300);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.take(base + "a", FIVE_AN_HOUR)).isEmpty();
        }
        assertThat(limiter.take(base + "a", FIVE_AN_HOUR)).isPresent();
        assertThat(limiter.take(base + "b", FIVE_AN_HOUR)).isEmpty();
    }
}
