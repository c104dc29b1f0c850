package app.stagedoor.booking;

import app.stagedoor.shared.SeatPlace;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a concert sold, for its organiser: per date, per section, refunds and the fees kept, and
 * the orders themselves for export. Revenue is what stayed: paid bookings plus the fees of
 * refunded ones.
 */
@Repository
class SalesReport {

    record DateMoney(long revenue, long refunds, long refunded, long fees) {}

    record SectionSales(String section, long sold, long revenue) {}

    record Order(
            long reservationId,
            String bookingNumber,
            long memberId,
            long performanceId,
            ReservationStatus status,
            long amount,
            List<SeatPlace> seats,
            Instant paidAt,
            Instant refundedAt,
            Long refunded,
            Long fee) {}

    /** At most this many orders in one export. */
    static final int MAX_ORDERS = 100_000;

    private final JdbcClient jdbc;

    SalesReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    DateMoney money(long performanceId) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(CASE WHEN status = 'CONFIRM' THEN amount ELSE 0 END), 0)
                                 + COALESCE(SUM(CASE WHEN status = 'REFUNDED' THEN refund_fee ELSE 0 END), 0),
                               SUM(CASE WHEN status = 'REFUNDED' THEN 1 ELSE 0 END),
                               COALESCE(SUM(CASE WHEN status = 'REFUNDED' THEN refund_amount ELSE 0 END), 0),
                               COALESCE(SUM(CASE WHEN status = 'REFUNDED' THEN refund_fee ELSE 0 END), 0)
                          FROM reservations WHERE performance_id = ? AND status IN ('CONFIRM', 'REFUNDED')
                        """)
                .param(performanceId)
                .query((rs, n) -> new DateMoney(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    /** Seats sold and their revenue per section, over every date of the concert. */
    List<SectionSales> bySection(long concertId) {
        return jdbc.sql("""
                        SELECT rs.seat_section, COUNT(*), SUM(rs.price)
                          FROM reservation_seats rs JOIN reservations r ON r.id = rs.reservation_id
                         WHERE r.concert_id = ? AND r.status = 'CONFIRM'
                         GROUP BY rs.seat_section ORDER BY SUM(rs.price) DESC
                        """)
                .param(concertId)
                .query((rs, n) -> new SectionSales(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** Paid and refunded orders of a concert, oldest first, with their seats as plain labels. */
    List<Order> orders(long concertId) {
        return jdbc.sql("""
                        SELECT r.id, r.booking_number, r.member_id, r.performance_id, r.status, r.amount,
                               r.confirmed_at, r.refunded_at, r.refund_amount, r.refund_fee
                          FROM reservations r
                         WHERE r.concert_id = ? AND r.status IN ('CONFIRM', 'REFUNDED')
                         ORDER BY r.id LIMIT ?
                        """)
                .params(concertId, MAX_ORDERS)
                .query((rs, n) -> new Order(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        ReservationStatus.valueOf(rs.getString(5)),
                        rs.getLong(6),
                        List.of(),
                        instant(rs.getTimestamp(7)),
                        instant(rs.getTimestamp(8)),
                        (Long) rs.getObject(9, Long.class),
                        (Long) rs.getObject(10, Long.class)))
                .list();
    }

    /** The orders with their seats, in map order. */
    List<Order> ordersWithSeats(long concertId) {
        var orders = orders(concertId);
        var seats = new HashMap<Long, List<SeatPlace>>();
        jdbc.sql("""
                        SELECT rs.reservation_id, rs.seat_section, rs.seat_row, rs.seat_number
                          FROM reservation_seats rs JOIN reservations r ON r.id = rs.reservation_id
                         WHERE r.concert_id = ? AND r.status IN ('CONFIRM', 'REFUNDED')
                         ORDER BY rs.reservation_id, rs.seat_id
                        """)
                .param(concertId)
                .query((rs, n) -> seats.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                        .add(new SeatPlace(rs.getString(2), rs.getInt(3), rs.getInt(4))))
                .list();
        return orders.stream()
                .map(o -> new Order(
                        o.reservationId(),
                        o.bookingNumber(),
                        o.memberId(),
                        o.performanceId(),
                        o.status(),
                        o.amount(),
                        seats.getOrDefault(o.reservationId(), List.of()),
                        o.paidAt(),
                        o.refundedAt(),
                        o.refunded(),
                        o.fee()))
                .toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
