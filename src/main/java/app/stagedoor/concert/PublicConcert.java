package app.stagedoor.concert;

import java.time.Instant;
import java.util.List;

/**
 * A published concert as its public page shows it: the concert and its dates that were not
 * cancelled, with their seats left, as one instance read them at most a moment ago.
 *
 * @param version changes whenever anything here changes; the same on every instance
 */
public record PublicConcert(ConcertView concert, List<PerformanceAvailability> dates, String version) {

    /** The dates fans may still buy at {@code now}: those that have not begun. */
    public List<PerformanceAvailability> upcomingAt(Instant now) {
        return dates.stream().filter(d -> d.startsAt().isAfter(now)).toList();
    }
}
