package app.stagedoor.concert;

import java.time.Instant;

/** A date of a concert. */
public record PerformanceView(long id, long concertId, Instant startsAt) {

    static PerformanceView of(Performance performance) {
        return new PerformanceView(performance.id(), performance.concertId(), performance.startsAt());
    }
}
