package app.stagedoor.booking;

import app.stagedoor.concert.FanHolds;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The fan's unpaid holds of a date that have not run out, for the seat map to mark as theirs. */
@Component
class LiveHolds implements FanHolds {

    private final JdbcClient jdbc;
    private final Clock clock;

    LiveHolds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public FanSeats of(long memberId, long performanceId) {
        record Row(long reservationId, long seatId, Timestamp expiresAt) {}
        var rows = jdbc.sql("""
                        SELECT r.id, s.seat_id, r.expires_at FROM reservations r
                          JOIN reservation_seats s ON s.reservation_id = r.id
                         WHERE r.member_id = :member AND r.performance_id = :performance
                           AND r.status = 'REQUEST' AND r.expires_at > :now
                         ORDER BY r.id, s.seat_id
                        """)
                .param("member", memberId)
                .param("performance", performanceId)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3)))
                .list();
        var holds = new LinkedHashMap<Long, Hold>();
        for (var row : rows) {
            holds.computeIfAbsent(
                            row.reservationId(),
                            id -> new Hold(
                                    id, new ArrayList<>(), row.expiresAt().toInstant()))
                    .seatIds()
                    .add(row.seatId());
        }
        int counted = jdbc.sql("SELECT seats FROM fan_seat_counts WHERE member_id = ? AND performance_id = ?")
                .params(memberId, performanceId)
                .query(Integer.class)
                .optional()
                .orElse(0);
        return new FanSeats(List.copyOf(holds.values()), counted);
    }
}
