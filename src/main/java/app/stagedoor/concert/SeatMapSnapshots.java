package app.stagedoor.concert;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * The seat maps fans are looking at, as this instance last read them, each with a version and the
 * seats that moved between recent versions. Every admitted fan's map asks again every few seconds;
 * they are all answered from one read of the date's seats per {@code snapshotTtl} (of only those
 * held or sold, once the instance has read the map whole), and each answer carries only the seats
 * that moved since the version that fan's page shows.
 *
 * <p>A version is a hash of every seat's id and status, so two instances that read the same seats
 * give the same version, and a map that went back to how it was gets its old version again.
 */
@Component
class SeatMapSnapshots {

    /** Versions remembered per date: at one read a second, the changes of the last minute or so. */
    static final int HISTORY = 64;

    private final Cache<Long, Snapshot> snapshots = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(1_000)
            .build();
    private final long ttlNanos;

    SeatMapSnapshots(ConcertProperties properties) {
        this.ttlNanos = properties.seatMap().snapshotTtl().toNanos();
    }

    /**
     * The date's map as this instance last read it, read again when older than the ttl: from the
     * map before it ({@code readAgain}, which need read only the seats that are taken), or whole
     * ({@code read}) when this instance has none.
     */
    Snapshot current(long performanceId, LongFunction<SeatMapView> read, UnaryOperator<SeatMapView> readAgain) {
        var known = snapshots.getIfPresent(performanceId);
        if (known != null && known.isYoungerThan(ttlNanos)) {
            return known;
        }
        return snapshots.asMap().compute(performanceId, (id, old) -> {
            if (old == null) {
                return Snapshot.next(null, read.apply(id));
            }
            return old.isYoungerThan(ttlNanos) ? old : Snapshot.next(old, readAgain.apply(old.map()));
        });
    }

    /** The date's map read now (a page load: its version is where the page's refreshes start). */
    Snapshot fresh(long performanceId, LongFunction<SeatMapView> read) {
        return snapshots.asMap().compute(performanceId, (id, old) -> Snapshot.next(old, read.apply(id)));
    }

    /**
     * One read of a date's map.
     *
     * @param history recent versions, oldest first, each with the seats that moved to reach the next
     */
    record Snapshot(SeatMapView map, String version, long layout, long readAt, List<Step> history) {

        record Step(String version, Set<Long> movedSince) {}

        boolean isYoungerThan(long nanos) {
            return System.nanoTime() - readAt < nanos;
        }

        /**
         * The seats that moved since the page showed {@code version}; empty when this instance does
         * not know that version (too old, or another layout): then the page needs the whole map.
         */
        Optional<Set<Long>> movedSince(String since) {
            if (version.equals(since)) {
                return Optional.of(Set.of());
            }
            var moved = new HashSet<Long>();
            for (int i = history.size() - 1; i >= 0; i--) {
                var step = history.get(i);
                moved.addAll(step.movedSince());
                if (step.version().equals(since)) {
                    return Optional.of(moved);
                }
            }
            return Optional.empty();
        }

        static Snapshot next(Snapshot old, SeatMapView map) {
            var seats = map.seats();
            long layout = 0xcbf29ce484222325L;
            long state = layout;
            for (var seat : seats) {
                layout = mix(layout, seat.id());
                state = mix(mix(state, seat.id()), seat.status().ordinal());
            }
            var version = Long.toString(state & Long.MAX_VALUE, 36);
            var now = System.nanoTime();
            if (old == null || old.layout() != layout) {
                return new Snapshot(map, version, layout, now, List.of());
            }
            if (old.version().equals(version)) {
                return new Snapshot(map, version, layout, now, old.history());
            }
            var before = old.map().seats();
            var moved = new HashSet<Long>();
            for (int i = 0; i < seats.size(); i++) {
                if (seats.get(i).status() != before.get(i).status()) {
                    moved.add(seats.get(i).id());
                }
            }
            Deque<Step> history = new ArrayDeque<>(old.history());
            history.addLast(new Step(old.version(), Set.copyOf(moved)));
            while (history.size() > HISTORY) {
                history.removeFirst();
            }
            return new Snapshot(map, version, layout, now, List.copyOf(history));
        }

        private static long mix(long hash, long value) {
            return (hash ^ value) * 0x100000001b3L;
        }
    }
}
