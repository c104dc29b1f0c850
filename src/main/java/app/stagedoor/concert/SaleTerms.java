package app.stagedoor.concert;

import app.stagedoor.shared.ErrorCode;
import java.time.Instant;

/**
 * What a hold or a payment needs to know about a date, read at that moment: its concert, whether it
 * is on show, when its sales open (the organiser may move that), the per-fan limit, and when it
 * starts (a date that has begun, or was cancelled, sells nothing more).
 */
public record SaleTerms(
        long performanceId,
        long concertId,
        boolean published,
        Instant salesOpenAt,
        int maxSeatsPerMember,
        Instant startsAt,
        boolean cancelled) {

    public boolean isOnSaleAt(Instant now) {
        return published && !cancelled && !salesOpenAt.isAfter(now) && startsAt.isAfter(now);
    }

    /** Why this date does not sell right now: not yet open, or closed (unpublished, cancelled, begun). */
    public ErrorCode refusalAt(Instant now) {
        return published && !cancelled && salesOpenAt.isAfter(now) ? ErrorCode.SALES_NOT_OPEN : ErrorCode.SALES_CLOSED;
    }
}
