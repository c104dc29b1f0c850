package app.stagedoor.booking;

import app.stagedoor.shared.SeatPlace;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** {@link ReservationWrites} with {@link JdbcClient}; Spring Data JDBC picks it up by its name. */
class ReservationWritesImpl implements ReservationWrites {

    private final JdbcClient jdbc;

    ReservationWritesImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Reservation save(Reservation reservation) {
        return reservation.id() == null ? insert(reservation) : update(reservation);
    }

    private Reservation insert(Reservation reservation) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO reservations (member_id, concert_id, performance_id, status, amount, created_at,
                                                  expires_at, booking_number, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
                        """)
                .params(
                        reservation.memberId(),
                        reservation.concertId(),
                        reservation.performanceId(),
                        reservation.status().name(),
                        reservation.amount(),
                        Timestamp.from(reservation.createdAt()),
                        Timestamp.from(reservation.expiresAt()),
                        reservation.bookingNumber())
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        var seats = reservation.seats();
        var sql = new StringBuilder(
                "INSERT INTO reservation_seats (reservation_id, seat_id, live_seat_id, seat_section, seat_row, seat_number, price) VALUES ");
        var params = new ArrayList<>(seats.size() * 7);
        for (int i = 0; i < seats.size(); i++) {
            var seat = seats.get(i);
            sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?)");
            params.addAll(List.of(
                    id,
                    seat.seatId(),
                    seat.liveSeatId(),
                    seat.place().section(),
                    seat.place().row(),
                    seat.place().number(),
                    seat.price()));
        }
        jdbc.sql(sql.toString()).params(params).update();
        return reservation.stored(id, 0L);
    }

    private Reservation update(Reservation reservation) {
        int changed = jdbc.sql("""
                        UPDATE reservations
                           SET status = ?, confirmed_at = ?, cancelled_at = ?, cancel_reason = ?, refunded_at = ?,
                               refund_amount = ?, refund_fee = ?, refund_reason = ?, version = version + 1
                         WHERE id = ? AND version = ?
                        """)
                .params(
                        reservation.status().name(),
                        timestamp(reservation.confirmedAt()),
                        timestamp(reservation.cancelledAt()),
                        name(reservation.cancelReason()),
                        timestamp(reservation.refundedAt()),
                        reservation.refundAmount(),
                        reservation.refundFee(),
                        name(reservation.refundReason()),
                        reservation.id(),
                        reservation.version())
                .update();
        if (changed != 1) {
            throw new OptimisticLockingFailureException(
                    "reservation " + reservation.id() + " changed since version " + reservation.version());
        }
        var released = reservation.seats().stream()
                .filter(seat -> seat.liveSeatId() == null)
                .map(ReservationSeat::seatId)
                .toList();
        if (!released.isEmpty()) {
            jdbc.sql("""
                            UPDATE reservation_seats SET live_seat_id = NULL
                             WHERE reservation_id = :id AND seat_id IN (:seats) AND live_seat_id IS NOT NULL
                            """).param("id", reservation.id()).param("seats", released).update();
        }
        return reservation.stored(reservation.id(), reservation.version() + 1);
    }

    @Override
    public Optional<Reservation> lockById(long id) {
        return jdbc.sql("""
                        SELECT r.*, rs.seat_id, rs.live_seat_id, rs.seat_section, rs.seat_row, rs.seat_number, rs.price
                          FROM reservations r JOIN reservation_seats rs ON rs.reservation_id = r.id
                         WHERE r.id = ? ORDER BY rs.seat_id FOR UPDATE
                        """).param(id).query(ReservationWritesImpl::reservation);
    }

    private static Optional<Reservation> reservation(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return Optional.empty();
        }
        long id = rs.getLong("id");
        long memberId = rs.getLong("member_id");
        long concertId = rs.getLong("concert_id");
        long performanceId = rs.getLong("performance_id");
        var status = ReservationStatus.valueOf(rs.getString("status"));
        long amount = rs.getLong("amount");
        var createdAt = instant(rs, "created_at");
        var expiresAt = instant(rs, "expires_at");
        var confirmedAt = instant(rs, "confirmed_at");
        var cancelledAt = instant(rs, "cancelled_at");
        var cancelReason = value(rs.getString("cancel_reason"), CancelReason.class);
        var bookingNumber = rs.getString("booking_number");
        var refundedAt = instant(rs, "refunded_at");
        var refundAmount = rs.getObject("refund_amount", Long.class);
        var refundFee = rs.getObject("refund_fee", Long.class);
        var refundReason = value(rs.getString("refund_reason"), RefundReason.class);
        long version = rs.getLong("version");
        var seats = new LinkedHashSet<ReservationSeat>();
        do {
            long liveSeatId = rs.getLong("live_seat_id");
            seats.add(new ReservationSeat(
                    rs.getLong("seat_id"),
                    rs.wasNull() ? null : liveSeatId,
                    new SeatPlace(rs.getString("seat_section"), rs.getInt("seat_row"), rs.getInt("seat_number")),
                    rs.getLong("price")));
        } while (rs.next());
        return Optional.of(new Reservation(
                id,
                memberId,
                concertId,
                performanceId,
                status,
                amount,
                createdAt,
                expiresAt,
                confirmedAt,
                cancelledAt,
                cancelReason,
                bookingNumber,
                refundedAt,
                refundAmount,
                refundFee,
                refundReason,
                version,
                seats));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static <E extends Enum<E>> E value(String name, Class<E> type) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
