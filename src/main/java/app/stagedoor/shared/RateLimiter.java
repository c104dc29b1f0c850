package app.stagedoor.shared;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import io.github.bucket4j.mysql.MySQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) kept in the database, in {@code rate_limit_buckets}, so that a limit
 * holds across every instance: a client who spreads requests over two instances draws on one
 * bucket. Each take is one short {@code SELECT ... FOR UPDATE} and {@code UPDATE} of the key's row
 * on a connection of its own, outside the caller's transaction. Full buckets are deleted after
 * they would have refilled.
 */
@Component
public class RateLimiter {

    /**
     * {@code capacity} requests at once, refilled evenly over {@code per}: 10 per 1m allows a burst
     * of 10, then one every 6 s.
     */
    public record Limit(long capacity, Duration per) {

        public Limit {
            if (capacity < 1 || per == null || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a limit needs a capacity ≥ 1 and a period > 0");
            }
        }

        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, per))
                    .build();
        }
    }

    private static final int MAX_KEY = 200;

    private static final SQLExceptionTranslator TRANSLATOR = new SQLExceptionSubclassTranslator();

    private final MySQLSelectForUpdateBasedProxyManager<String> buckets;

    RateLimiter(DataSource dataSource) {
        this.buckets = Bucket4jMySQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    /**
     * Takes one token from the key's bucket: empty, how long until the next one. Two first takes of
     * one key at once may deadlock on the new row (InnoDB's gap locks); the loser tries again.
     */
    @Retryable(includes = PessimisticLockingFailureException.class, maxRetries = 3, delay = 20, jitter = 10)
    public Optional<Duration> take(String key, Limit limit) {
        var probe = translated(() -> bucket(key, limit).tryConsumeAndReturnRemaining(1));
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Whether a token is left, without taking it: empty, how long until there is one. */
    @Retryable(includes = PessimisticLockingFailureException.class, maxRetries = 3, delay = 20, jitter = 10)
    public Optional<Duration> check(String key, Limit limit) {
        var estimate = translated(() -> bucket(key, limit).estimateAbilityToConsume(1));
        return estimate.canBeConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(estimate.getNanosToWaitForRefill()));
    }

    /**
     * Bucket4j wraps the driver's exception in its own: turned into Spring's, as every other
     * database call's is, so a lost lock race is a {@code PessimisticLockingFailureException} (tried
     * again) and an unreachable database the trouble that is answered as busy ({@link
     * DatabaseTrouble}), not a failure of ours.
     */
    private static <T> T translated(Supplier<T> bucketCall) {
        try {
            return bucketCall.get();
        } catch (BucketExceptions.BucketExecutionException failed) {
            if (failed.getCause() instanceof SQLException database) {
                var spring = TRANSLATOR.translate("rate limit bucket", null, database);
                if (spring != null) {
                    throw spring;
                }
            }
            throw failed;
        }
    }

    /** Forgets a key's bucket (a right password clears the count of wrong ones). */
    public void forget(String key) {
        translated(() -> {
            buckets.removeProxy(safe(key));
            return null;
        });
    }

    /** Drops buckets that are full again, a batch at a time; {@link SharedJobs} runs it on one instance a minute. */
    void removeFullBuckets() {
        while (translated(() -> buckets.removeExpired(1000)) == 1000) {
            // another batch
        }
    }

    private io.github.bucket4j.distributed.BucketProxy bucket(String key, Limit limit) {
        return buckets.builder().build(safe(key), limit::configuration);
    }

    /** A key as typed by a client (a username) may be long or odd: past the column's size, a digest. */
    private static String safe(String key) {
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return key.substring(0, 100) + "#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
