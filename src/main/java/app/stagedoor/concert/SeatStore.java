package app.stagedoor.concert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The seats table. Seats are many and change one by one under contention, so they are not loaded
 * as part of an aggregate: this store reads them in bulk and changes them with single conditional
 * statements.
 */
@Repository
class SeatStore {

    /**
     * A hold has lapsed at its {@code held_until} itself, as {@link SeatStatus#lapsed} says in Java:
     * from then on the seat counts as free, even before the sweeper releases it.
     */
    static final String LAPSED = "(status = 'RESERVED' AND held_until <= :now)";

    static final String FREE = "(status = 'AVAILABLE' OR " + LAPSED + ")";

    /** Held and not lapsed. */
    static final String HELD = "(status = 'RESERVED' AND NOT " + LAPSED + ")";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    SeatStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Creates the seats of a date from the concert's seat map. */
    void create(long performanceId, List<Section> sections) {
        var rows = new ArrayList<Object[]>();
        for (int tier = 1; tier <= sections.size(); tier++) {
            var section = sections.get(tier - 1);
            for (int row = 1; row <= section.seatRows(); row++) {
                for (int number = 1; number <= section.seatsPerRow(); number++) {
                    rows.add(new Object[] {performanceId, section.name(), tier, row, number, section.price()});
                }
            }
        }
        batch.batchUpdate(
                "INSERT INTO seats (performance_id, section, tier, seat_row, seat_number, price) VALUES (?, ?, ?, ?, ?, ?)",
                rows);
    }

    void deleteAvailable(long performanceId) {
        jdbc.sql("DELETE FROM seats WHERE performance_id = :performanceId AND status = 'AVAILABLE'")
                .param("performanceId", performanceId)
                .update();
    }

    /** Whether any seat of these dates is held or sold (a lapsed hold counts until it is released). */
    boolean anyTaken(Collection<Long> performanceIds) {
        if (performanceIds.isEmpty()) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM seats WHERE performance_id IN (:ids) AND status <> 'AVAILABLE'")
                        .param("ids", performanceIds)
                        .query(Long.class)
                        .single()
                > 0;
    }

    record Count(int available, int total) {}

    /** Free and total seats per date, from the availability index alone. */
    Map<Long, Count> availability(Collection<Long> performanceIds, Instant now) {
        var counts = new HashMap<Long, Count>();
        if (performanceIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT performance_id, SUM(CASE WHEN " + FREE + " THEN 1 ELSE 0 END) AS free, COUNT(*) AS total"
                        + " FROM seats WHERE performance_id IN (:ids) GROUP BY performance_id")
                .param("ids", performanceIds)
                .param("now", Timestamp.from(now))
                .query((rs, n) ->
                        counts.put(rs.getLong("performance_id"), new Count(rs.getInt("free"), rs.getInt("total"))))
                .list();
        return counts;
    }

    private static final String SEAT_COLUMNS =
            "SELECT id, section, tier, seat_row, seat_number, price, status, held_until FROM seats";

    /** Every seat of a date in map order, with holds past their expiry shown as available. */
    List<SeatView> seatsOf(long performanceId, Instant now) {
        return jdbc.sql(SEAT_COLUMNS + " WHERE performance_id = :performanceId ORDER BY tier, seat_row, seat_number")
                .param("performanceId", performanceId)
                .query((rs, n) -> seat(rs, now))
                .list();
    }

    /**
     * The held and sold seats of a date, as {@link #seatsOf(long, Instant)} shows them (a hold past
     * its expiry is free, so it is left out): one read of the availability index, however many
     * seats are free.
     */
    Map<Long, SeatStatus> takenOf(long performanceId, Instant now) {
        var taken = new HashMap<Long, SeatStatus>();
        jdbc.sql("SELECT id, status, held_until FROM seats"
                        + " WHERE performance_id = :performanceId AND status IN ('RESERVED', 'BOOKED')")
                .param("performanceId", performanceId)
                .query(rs -> {
                    var status = statusOf(rs, now);
                    if (status != SeatStatus.AVAILABLE) {
                        taken.put(rs.getLong("id"), status);
                    }
                });
        return taken;
    }

    /**
     * How many seats a date has, and its first and last seat id. A new seat map for the date
     * deletes its seats and creates new ones, whose ids are new, so this changes with it.
     */
    record Shape(long count, long first, long last) {

        static Shape of(List<SeatView> seats) {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (var seat : seats) {
                first = Math.min(first, seat.id());
                last = Math.max(last, seat.id());
            }
            return seats.isEmpty() ? new Shape(0, 0, 0) : new Shape(seats.size(), first, last);
        }
    }

    Shape shapeOf(long performanceId) {
        return jdbc.sql("SELECT COUNT(*), COALESCE(MIN(id), 0), COALESCE(MAX(id), 0) FROM seats"
                        + " WHERE performance_id = :performanceId")
                .param("performanceId", performanceId)
                .query((rs, n) -> new Shape(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** These seats of a date, as {@link #seatsOf(long, Instant)} shows them; ids of other dates are left out. */
    List<SeatView> seatsOf(long performanceId, Collection<Long> seatIds, Instant now) {
        if (seatIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SEAT_COLUMNS + " WHERE id IN (:ids) AND performance_id = :performanceId ORDER BY id")
                .param("ids", seatIds)
                .param("performanceId", performanceId)
                .query((rs, n) -> seat(rs, now))
                .list();
    }

    /**
     * {@link SeatInventory#seatsToHold}: the date's sale terms, the seats, and the lapsed holds among
     * them, in one query (the date's row, joined to each of the seats asked for that it has).
     */
    Optional<SeatInventory.SeatsToHold> seatsToHold(long performanceId, Collection<Long> seatIds, Instant now) {
        var terms = new ArrayList<SaleTerms>(1);
        var seats = new ArrayList<SeatView>(seatIds.size());
        var lapsed = new TreeSet<Long>();
        jdbc.sql("SELECT " + SaleTerms.COLUMNS + ", s.id AS seat_id, s.section, s.tier, s.seat_row, s.seat_number,"
                        + " s.price, s.status, s.held_until, s.reservation_id" + SaleTerms.FROM
                        + " LEFT JOIN seats s ON s.performance_id = p.id AND s.id IN (:ids)"
                        + " WHERE p.id = :performanceId AND " + SaleTerms.SANE + " ORDER BY s.id")
                .param("ids", seatIds.isEmpty() ? List.of(-1L) : seatIds)
                .param("performanceId", performanceId)
                .query(rs -> {
                    if (terms.isEmpty()) {
                        terms.add(SaleTerms.read(rs));
                    }
                    long seatId = rs.getLong("seat_id");
                    if (rs.wasNull()) {
                        return; // the date has none of the seats asked for
                    }
                    var status = statusOf(rs, now);
                    seats.add(new SeatView(
                            seatId,
                            rs.getString("section"),
                            rs.getInt("tier"),
                            rs.getInt("seat_row"),
                            rs.getInt("seat_number"),
                            rs.getLong("price"),
                            status));
                    long reservation = rs.getLong("reservation_id");
                    if (!rs.wasNull()
                            && status == SeatStatus.AVAILABLE
                            && SeatStatus.valueOf(rs.getString("status")) == SeatStatus.RESERVED) {
                        lapsed.add(reservation);
                    }
                });
        return terms.stream()
                .findFirst()
                .map(found -> new SeatInventory.SeatsToHold(found, List.copyOf(seats), List.copyOf(lapsed)));
    }

    /** A seat's status as a fan sees it now, from its {@code status} and {@code held_until}. */
    private static SeatStatus statusOf(ResultSet rs, Instant now) throws SQLException {
        var status = SeatStatus.valueOf(rs.getString("status"));
        var heldUntil = rs.getTimestamp("held_until");
        return status == SeatStatus.RESERVED && heldUntil != null && SeatStatus.lapsed(heldUntil.toInstant(), now)
                ? SeatStatus.AVAILABLE
                : status;
    }

    private static SeatView seat(ResultSet rs, Instant now) throws SQLException {
        var status = statusOf(rs, now);
        return new SeatView(
                rs.getLong("id"),
                rs.getString("section"),
                rs.getInt("tier"),
                rs.getInt("seat_row"),
                rs.getInt("seat_number"),
                rs.getLong("price"),
                status);
    }
}
