package app.stagedoor.queue;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How many of a line's tickets stand where, counted at most every {@link #FRESH} per instance and
 * concert, however many organisers' consoles and metric scrapes ask: counting the line is the one
 * thing polls never do, so the admin side does it rarely.
 */
@Component
class LineCounts {

    static final Duration FRESH = Duration.ofSeconds(2);

    /**
     * @param preQueue waiting for the draw, without a place yet
     * @param waiting waiting with a place
     * @param active admitted now
     * @param ended ended tickets by reason (abandoned: stopped polling)
     */
    record Counts(long preQueue, long waiting, long active, Map<ExpireReason, Long> ended) {

        long expired() {
            return ended.values().stream().mapToLong(Long::longValue).sum();
        }

        long abandoned() {
            return ended.getOrDefault(ExpireReason.ABANDONED, 0L);
        }
    }

    private final LoadingCache<Long, Counts> cache;

    LineCounts(TicketStore tickets, Draws draws) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(FRESH)
                .build(concertId -> {
                    var counts = tickets.standing(concertId);
                    // once drawn, a ticket without a place in its row has one in the drawn order (or
                    // joined a moment ago): it waits in line, not in the pre-queue
                    return draws.find(concertId).filter(Draws.Draw::drawn).isPresent()
                            ? new Counts(0, counts.preQueue() + counts.waiting(), counts.active(), counts.ended())
                            : counts;
                });
    }

    Counts of(long concertId) {
        return cache.get(concertId);
    }

    /** After an organiser's change here, their console shows its effect at once. */
    void forget(long concertId) {
        cache.invalidate(concertId);
    }
}
