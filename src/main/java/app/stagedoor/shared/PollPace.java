package app.stagedoor.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How soon each fan was told to poll each waiting room again, on this instance: the waiting room
 * notes what each poll's answer said ({@link #told}), and the rate limits let a fan's next poll of
 * that line through only once that time has come, less a leeway ({@link #admit}). Kept in memory,
 * as the poll reads no database; a balancer that sends each fan's polls to one instance (README,
 * Behind any load balancer) makes it one pace across the cluster.
 *
 * <p>The time is taken when the answer is decided, so a fan who waits as told after receiving it
 * is never early, however long either poll waited in a queue on the way in: the second poll is
 * handled at least the told interval after the first one's answer. The leeway covers the browser's
 * timers and the clocks.
 */
@Component
public class PollPace {

    /** A poll let through holds its line this long until its answer notes what it told. */
    static final Duration ANSWER_UNDER_WAY = Duration.ofSeconds(1);

    private static final int REMEMBERED = 1_000_000;

    /** What a poll's answer told a fan, and when; or, not yet answered, a poll under way. */
    record Told(Instant at, Duration after, boolean answered) {

        /**
         * The first moment a next poll is on time: for an answer, less {@code leeway} and {@code
         * leewayFraction} of the interval (never more than half of it); for a poll under way, its end.
         */
        Instant due(Duration leeway, double leewayFraction) {
            long slack = answered
                    ? Math.min(leeway.toMillis() + (long) (after.toMillis() * leewayFraction), after.toMillis() / 2)
                    : 0;
            return at.plus(after).minusMillis(slack);
        }
    }

    private record Key(long memberId, long concertId) {}

    private final Cache<Key, Told> told;
    private final Clock clock;

    PollPace(Clock clock) {
        this.clock = clock;
        this.told = Caffeine.newBuilder()
                .maximumSize(REMEMBERED)
                .expireAfter(Expiry.<Key, Told>writing((key, value) -> value.after()))
                .build();
    }

    /** The answer to a fan's poll of a line told them to ask again after {@code after}. */
    public void told(long memberId, long concertId, Duration after) {
        told.put(new Key(memberId, concertId), new Told(clock.instant(), after, true));
    }

    /**
     * Lets a fan's poll of a line through, or says how long they have still to wait: a poll comes
     * too soon when the last answer's interval, less the leeway, has not passed. A poll let through
     * holds the place of its answer (for {@link #ANSWER_UNDER_WAY} at most), so a burst of polls
     * sent at once gets one answer, not one each.
     */
    public Optional<Duration> admit(long memberId, long concertId, Duration leeway, double leewayFraction) {
        var now = clock.instant();
        var wait = new Duration[1];
        told.asMap().compute(new Key(memberId, concertId), (key, last) -> {
            if (last != null) {
                var due = last.due(leeway, leewayFraction);
                if (now.isBefore(due)) {
                    wait[0] = Duration.between(now, due);
                    return last;
                }
            }
            return new Told(now, ANSWER_UNDER_WAY, false);
        });
        return Optional.ofNullable(wait[0]);
    }
}
