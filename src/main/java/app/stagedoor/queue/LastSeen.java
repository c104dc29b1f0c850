package app.stagedoor.queue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Remembers which waiting fans polled, and writes it down in one batch every couple of seconds
 * instead of once per poll; a lost batch only makes a fan look a few seconds older. The flush also
 * learns which tickets stopped waiting elsewhere (left in another tab, admitted, dropped), so the
 * next poll of such a ticket reads the database instead of trusting the signed ticket.
 */
@Component
class LastSeen {

    private static final int CHUNK = 1_000;

    private final TicketStore store;
    private final Clock clock;
    private final Map<Long, Instant> pending = new ConcurrentHashMap<>();
    private final Cache<Long, Boolean> stale = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10))
            .maximumSize(1_000_000)
            .build();

    LastSeen(TicketStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void record(long tokenId) {
        pending.put(tokenId, clock.instant());
    }

    boolean isStale(long tokenId) {
        return stale.getIfPresent(tokenId) != null;
    }

    void markStale(long tokenId) {
        stale.put(tokenId, Boolean.TRUE);
        pending.remove(tokenId);
    }

    /** Writes the recorded polls down; every instance, whatever its other jobs ({@link QueueJobs}). */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        var batch = new HashMap<Long, Instant>();
        for (var id : pending.keySet()) {
            var at = pending.remove(id);
            if (at != null) {
                batch.put(id, at);
            }
        }
        var ids = new ArrayList<>(batch.keySet());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            var seen = new HashMap<Long, Instant>();
            chunk.forEach(id -> seen.put(id, batch.get(id)));
            store.touch(seen);
            store.notWaiting(chunk).forEach(this::markStale);
        }
    }
}
