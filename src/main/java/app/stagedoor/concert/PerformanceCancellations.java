package app.stagedoor.concert;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Dates the organiser cancelled. A cancelled date sells nothing more and leaves the fans' lists of
 * dates; its row is the audit line of who cancelled it, when, and how many bookings were refunded.
 */
@Service
public class PerformanceCancellations {

    /** Who cancelled a date, when, and how many paid bookings it refunded. */
    public record Cancellation(long performanceId, Instant cancelledAt, String cancelledBy, int refunded) {}

    private final JdbcClient jdbc;

    PerformanceCancellations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Marks the date cancelled, in the caller's transaction.
     *
     * @throws DomainException {@code PERFORMANCE_CANCELLED} when it already was
     */
    public void cancel(long performanceId, String by, Instant now) {
        try {
            jdbc.sql(
                            "INSERT INTO performance_cancellations (performance_id, cancelled_at, cancelled_by) VALUES (?, ?, ?)")
                    .params(performanceId, Timestamp.from(now), by)
                    .update();
        } catch (DuplicateKeyException already) {
            throw new DomainException(ErrorCode.PERFORMANCE_CANCELLED);
        }
    }

    /** Writes down how many paid bookings the cancellation refunded. */
    public void recordRefunded(long performanceId, int refunded) {
        jdbc.sql("UPDATE performance_cancellations SET refunded = ? WHERE performance_id = ?")
                .params(refunded, performanceId)
                .update();
    }

    public Optional<Cancellation> of(long performanceId) {
        return jdbc.sql("SELECT * FROM performance_cancellations WHERE performance_id = ?")
                .param(performanceId)
                .query((rs, n) -> new Cancellation(
                        rs.getLong("performance_id"),
                        rs.getTimestamp("cancelled_at").toInstant(),
                        rs.getString("cancelled_by"),
                        rs.getInt("refunded")))
                .optional();
    }

    Set<Long> cancelledAmong(Collection<Long> performanceIds) {
        if (performanceIds.isEmpty()) {
            return Set.of();
        }
        return jdbc
                .sql("SELECT performance_id FROM performance_cancellations WHERE performance_id IN (:ids)")
                .param("ids", performanceIds)
                .query(Long.class)
                .list()
                .stream()
                .collect(Collectors.toSet());
    }
}
