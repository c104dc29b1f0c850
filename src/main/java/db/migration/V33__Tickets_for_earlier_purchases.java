package db.migration;

import app.stagedoor.shared.Codes;
import java.sql.Timestamp;
import java.time.Instant;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Purchases made before e-tickets existed get their booking number and one ticket per seat, with
 * random codes like every later one (SQL alone has no portable strong random), so they can be
 * shown at the door and refunded.
 */
public class V33__Tickets_for_earlier_purchases extends BaseJavaMigration {

    /** As long as booking makes them today; a migration keeps the values of its day. */
    private static final int BOOKING_NUMBER_LENGTH = 10;

    private static final int TICKET_CODE_LENGTH = 12;

    @Override
    public void migrate(Context context) {
        var jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        for (long id : jdbc.queryForList("SELECT id FROM reservations WHERE booking_number IS NULL", Long.class)) {
            jdbc.update(
                    "UPDATE reservations SET booking_number = ? WHERE id = ?", Codes.random(BOOKING_NUMBER_LENGTH), id);
        }
        var now = Timestamp.from(Instant.now());
        jdbc.query("""
                SELECT r.id, r.performance_id, rs.seat_id FROM reservations r
                  JOIN reservation_seats rs ON rs.reservation_id = r.id
                 WHERE r.status = 'CONFIRM'
                   AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.reservation_id = r.id)
                """, (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .forEach(seat -> jdbc.update(
                        "INSERT INTO tickets (code, reservation_id, performance_id, seat_id, issued_at) VALUES (?, ?, ?, ?, ?)",
                        Codes.random(TICKET_CODE_LENGTH),
                        seat[0],
                        seat[1],
                        seat[2],
                        now));
    }
}
