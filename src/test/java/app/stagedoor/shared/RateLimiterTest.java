package app.stagedoor.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.shared.RateLimiter.Limit;
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

/**
 * The buckets live in the database: two instances (two limiters on one database) draw on one
 * bucket, and many threads at once take no more than it holds, on H2 and on MariaDB.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Tag("database")
class RateLimiterTest {

    @Autowired
    DataSource dataSource;

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
