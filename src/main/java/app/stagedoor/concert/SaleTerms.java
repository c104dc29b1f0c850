package app.stagedoor.concert;

import java.time.Instant;

/**
 * What a hold needs to know about a date: its concert, whether it is on show, the per-fan limit, and
 * when it starts (a date that has begun, or was cancelled, sells nothing more).
 */
public record SaleTerms(
        long performanceId,
        long concertId,
        boolean published,
        int maxSeatsPerMember,
        Instant startsAt,
        boolean cancelled) {

    public boolean isOnSaleAt(Instant now) {
        return published && !cancelled && startsAt.isAfter(now);
    }
}
