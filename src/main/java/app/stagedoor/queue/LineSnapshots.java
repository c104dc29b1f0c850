package app.stagedoor.queue;

import app.stagedoor.concert.Catalogue;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What a poll needs to know about a concert's line, cached for a fraction of a second per
 * instance: the admitted-up-to mark, which tickets have their places, the measured pace, the
 * settings, the organiser's message and the sale's opening. Polls
 * read this instead of the database: refreshed in the background after a quarter of a second,
 * and never served more than a second old.
 */
@Component
class LineSnapshots {

    record Snapshot(
            long concertId,
            boolean exists,
            boolean published,
            Instant salesOpenAt,
            boolean lineExists,
            long admittedUpTo,
            long numberedThrough,
            double placesPerSecond,
            QueueSettings settings,
            String message,
            boolean drawn) {

        /** When fans may first join: the pre-queue's opening, or the on-sale time without one. */
        Instant joinOpensAt() {
            return settings.joinOpensAt(salesOpenAt);
        }

        /** Whether a ticket without a place is still in the pre-queue, waiting for the draw. */
        boolean beforeDrawAt(Instant now) {
            return salesOpenAt.isAfter(now);
        }

        /** The pace to promise: as measured, or as set while nothing was measured yet. */
        double pace() {
            return placesPerSecond > 0 ? placesPerSecond : settings.configuredPlacesPerSecond();
        }
    }

    private final LoadingCache<Long, Snapshot> cache;

    LineSnapshots(LineStore lines, Settings settings, Draws draws, Catalogue catalogue, QueueProperties properties) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(10_000)
                .refreshAfterWrite(properties.snapshotTtl())
                .expireAfterWrite(properties.snapshotTtl().multipliedBy(4))
                .build(concertId -> {
                    var concert = catalogue.findConcert(concertId);
                    var line = lines.find(concertId);
                    var lineSettings = settings.line(concertId);
                    return new Snapshot(
                            concertId,
                            concert.isPresent(),
                            concert.map(c -> c.published()).orElse(false),
                            concert.map(c -> c.salesOpenAt()).orElse(Instant.MAX),
                            line.isPresent(),
                            line.map(LineStore.Line::admittedUpTo).orElse(0L),
                            line.map(LineStore.Line::numberedThrough).orElse(0L),
                            line.map(LineStore.Line::placesPerSecond).orElse(0.0),
                            lineSettings.map(LineSettings::value).orElse(settings.defaults()),
                            lineSettings.map(LineSettings::message).orElse(null),
                            draws.find(concertId).map(Draws.Draw::drawn).orElse(false));
                });
    }

    Snapshot get(long concertId) {
        return cache.get(concertId);
    }

    /** After this instance changed a line's settings, its own fans see them at once. */
    void forget(long concertId) {
        cache.invalidate(concertId);
    }
}
