package app.stagedoor.booking;

import app.stagedoor.shared.Codes;
import app.stagedoor.shared.SeatPlace;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tickets table. Tickets are not part of the reservation aggregate on purpose: several doors,
 * a refund and a date's cancellation may race for one ticket, so each move is one conditional
 * update whose row count says who won, and saving a reservation never writes them back.
 */
@Repository
class ETicketStore {

    /** 12 characters of base 32: 60 random bits per ticket. */
    static final int CODE_LENGTH = 12;

    private static final String SELECT = """
            SELECT t.id, t.code, t.reservation_id, t.performance_id, t.seat_id, t.status, t.checked_in_at,
                   rs.seat_section, rs.seat_row, rs.seat_number
              FROM tickets t JOIN reservation_seats rs ON rs.reservation_id = t.reservation_id AND rs.seat_id = t.seat_id
            """;

    private final JdbcClient jdbc;

    ETicketStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One VALID ticket per seat of a reservation just paid, in one statement. */
    void issue(Reservation paid, Instant now) {
        var sql = new StringBuilder(
                "INSERT INTO tickets (code, reservation_id, performance_id, seat_id, issued_at) VALUES ");
        var params = new java.util.ArrayList<>();
        for (long seatId : paid.seatIds()) {
            sql.append(params.isEmpty() ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
            params.addAll(
                    List.of(Codes.random(CODE_LENGTH), paid.id(), paid.performanceId(), seatId, Timestamp.from(now)));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    List<Ticket> ofReservations(Collection<Long> reservationIds) {
        if (reservationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE t.reservation_id IN (:ids) ORDER BY t.seat_id")
                .param("ids", reservationIds)
                .query(ETicketStore::ticket)
                .list();
    }

    Optional<Ticket> byCode(String code) {
        return jdbc.sql(SELECT + " WHERE t.code = ?")
                .param(code)
                .query(ETicketStore::ticket)
                .optional();
    }

    /**
     * VALID → CHECKED_IN for this code of this date.
     *
     * @return 1 for the one door that admits it, 0 for every other
     */
    int checkIn(long performanceId, String code, long organiserId, Instant now) {
        return jdbc.sql("""
                        UPDATE tickets SET status = 'CHECKED_IN', checked_in_at = :now, checked_in_by = :by
                         WHERE code = :code AND performance_id = :performance AND status = 'VALID'
                        """)
                .param("now", Timestamp.from(now))
                .param("by", organiserId)
                .param("code", code)
                .param("performance", performanceId)
                .update();
    }

    /**
     * VALID → VOID for every ticket of a reservation being refunded.
     *
     * @return how many were voided; fewer than its seats means one was checked in (or voided) first
     */
    int voidValid(long reservationId, Instant now) {
        return jdbc.sql(
                        "UPDATE tickets SET status = 'VOID', voided_at = ? WHERE reservation_id = ? AND status = 'VALID'")
                .params(Timestamp.from(now), reservationId)
                .update();
    }

    /** Every ticket of a reservation whose date was cancelled, checked in or not. */
    int voidAll(long reservationId, Instant now) {
        return jdbc.sql(
                        "UPDATE tickets SET status = 'VOID', voided_at = ? WHERE reservation_id = ? AND status <> 'VOID'")
                .params(Timestamp.from(now), reservationId)
                .update();
    }

    record Counts(long checkedIn, long sold) {}

    /** Tickets of a date let in, of those still good or used. */
    Counts counts(long performanceId) {
        return jdbc.sql("""
                        SELECT SUM(CASE WHEN status = 'CHECKED_IN' THEN 1 ELSE 0 END), COUNT(*)
                          FROM tickets WHERE performance_id = ? AND status <> 'VOID'
                        """)
                .param(performanceId)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    private static Ticket ticket(ResultSet rs, int row) throws SQLException {
        var checkedIn = rs.getTimestamp("checked_in_at");
        return new Ticket(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getLong("reservation_id"),
                rs.getLong("performance_id"),
                rs.getLong("seat_id"),
                new SeatPlace(rs.getString("seat_section"), rs.getInt("seat_row"), rs.getInt("seat_number")),
                TicketStatus.valueOf(rs.getString("status")),
                checkedIn == null ? null : checkedIn.toInstant());
    }
}
