package app.stagedoor.concert;

import app.stagedoor.shared.ErrorCode;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /**
     * {@link #isOnSaleAt} as SQL, for a statement that changes seats only while their date sells: the
     * date {@code p} (performances) of concert {@code c} at the parameter {@code :now}.
     */
    static final String ON_SALE = "c.published = TRUE AND c.sales_open_at <= :now AND p.starts_at > :now"
            + " AND NOT EXISTS (SELECT 1 FROM performance_cancellations pc WHERE pc.performance_id = p.id)";

    /** The columns {@link #read} reads, first in a select {@link #FROM} the date {@code p} and its concert {@code c}. */
    static final String COLUMNS = "p.id, p.concert_id, c.published, c.sales_open_at, c.max_seats_per_member,"
            + " p.starts_at, pc.performance_id IS NOT NULL";

    static final String FROM = " FROM performances p JOIN concerts c ON c.id = p.concert_id"
            + " LEFT JOIN performance_cancellations pc ON pc.performance_id = p.id";

    /** Only dates and concerts whose times the app can show (as every read of them). */
    static final String SANE = PerformanceRepository.SANE + " AND " + ConcertRepository.SANE;

    static SaleTerms read(ResultSet rs) throws SQLException {
        return new SaleTerms(
                rs.getLong(1),
                rs.getLong(2),
                rs.getBoolean(3),
                rs.getTimestamp(4).toInstant(),
                rs.getInt(5),
                rs.getTimestamp(6).toInstant(),
                rs.getBoolean(7));
    }

    /** Why this date does not sell right now: not yet open, or closed (unpublished, cancelled, begun). */
    public ErrorCode refusalAt(Instant now) {
        return published && !cancelled && salesOpenAt.isAfter(now) ? ErrorCode.SALES_NOT_OPEN : ErrorCode.SALES_CLOSED;
    }
}
