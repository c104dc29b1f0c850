package app.stagedoor.concert;

import java.time.Instant;

/** A date with its remaining seats, for the date picker. */
public record PerformanceAvailability(long id, Instant startsAt, int availableSeats, int totalSeats) {

    public int availablePercent() {
        return totalSeats == 0 ? 0 : Math.round(100f * availableSeats / totalSeats);
    }

    public boolean isSoldOut() {
        return availableSeats == 0;
    }
}
