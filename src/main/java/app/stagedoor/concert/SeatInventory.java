package app.stagedoor.concert;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The module's API for moving seats between states, for the holds and the payments. Each move is one
 * conditional statement: a seat is reserved only while it is AVAILABLE, booked only while it is
 * RESERVED for that reservation, and released only from that reservation. Callers run these inside
 * their own transaction and check the counts.
 */
@Service
public class SeatInventory {

    private final JdbcClient jdbc;
    private final SeatStore seats;
    private final Clock clock;

    SeatInventory(JdbcClient jdbc, SeatStore seats, Clock clock) {
        this.jdbc = jdbc;
        this.seats = seats;
        this.clock = clock;
    }

    /** Every seat of a date in map order (section, row, number) as a fan would see it now. */
    public List<SeatView> seatsOf(long performanceId) {
        return seats.seatsOf(performanceId, clock.instant());
    }

    /** These seats of a date as a fan would see them now (missing ids are left out). */
    public List<SeatView> seatsOf(long performanceId, Collection<Long> seatIds) {
        return seatsOf(performanceId, seatIds, clock.instant());
    }

    /** These seats of a date as a fan would see them at {@code now}. */
    public List<SeatView> seatsOf(long performanceId, Collection<Long> seatIds, Instant now) {
        return seats.seatsOf(performanceId, seatIds, now);
    }

    /**
     * What a hold reads before it writes, in one query: the terms of the date's sale, these seats of
     * it as a fan would see them at {@code now} (ids of other dates are left out), and the
     * reservations whose holds on them have run out but were not released yet. Empty for a date
     * that does not exist.
     */
    public Optional<SeatsToHold> seatsToHold(long performanceId, Collection<Long> seatIds, Instant now) {
        return seats.seatsToHold(performanceId, seatIds, now);
    }

    /** A hold's reading: the sale's terms, the seats in id order, the lapsed holds on them. */
    public record SeatsToHold(SaleTerms terms, List<SeatView> seats, List<Long> lapsedHolds) {}

    /**
     * AVAILABLE → RESERVED for one reservation until {@code heldUntil}.
     *
     * @return how many of the seats were reserved; fewer than asked means some were taken
     */
    public int reserve(long performanceId, Collection<Long> seatIds, long reservationId, Instant heldUntil) {
        return jdbc.sql("""
                        UPDATE seats SET status = 'RESERVED', reservation_id = :reservation, held_until = :until
                         WHERE id IN (:ids) AND performance_id = :performance AND status = 'AVAILABLE'
                        """)
                .param("ids", seatIds)
                .param("performance", performanceId)
                .param("reservation", reservationId)
                .param("until", Timestamp.from(heldUntil))
                .update();
    }

    /**
     * RESERVED → BOOKED for the seats of a reservation being paid, only while their date is on sale
     * at {@code now} ({@link SaleTerms#isOnSaleAt}): the check and the change are one statement.
     *
     * @return how many seats were booked; none when the date does not sell at {@code now} ({@link
     *     Catalogue#saleTerms} tells why)
     */
    public int book(long reservationId, Instant now) {
        return jdbc.sql("UPDATE seats SET status = 'BOOKED', held_until = NULL"
                        + " WHERE reservation_id = :reservation AND status = 'RESERVED' AND EXISTS (SELECT 1"
                        + " FROM performances p JOIN concerts c ON c.id = p.concert_id"
                        + " WHERE p.id = seats.performance_id AND " + SaleTerms.ON_SALE + ")")
                .param("reservation", reservationId)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** RESERVED → AVAILABLE for the seats of a cancelled or lapsed hold. */
    public int release(long reservationId) {
        return jdbc.sql("UPDATE seats SET status = 'AVAILABLE', reservation_id = NULL, held_until = NULL"
                        + " WHERE reservation_id = ? AND status = 'RESERVED'")
                .param(reservationId)
                .update();
    }

    /** BOOKED → AVAILABLE for the seats of a refunded reservation: on sale again at once. */
    public int releaseBooked(long reservationId) {
        return jdbc.sql("UPDATE seats SET status = 'AVAILABLE', reservation_id = NULL, held_until = NULL"
                        + " WHERE reservation_id = ? AND status = 'BOOKED'")
                .param(reservationId)
                .update();
    }

    /** Seats of a date by state right now, for the organiser's sales view. */
    public SeatCounts counts(long performanceId) {
        var now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        SELECT SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS free,
                               SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS held,
                               SUM(CASE WHEN status = 'BOOKED' THEN 1 ELSE 0 END) AS booked,
                               COUNT(*) AS total
                          FROM seats WHERE performance_id = :performance
                        """.formatted(SeatStore.FREE, SeatStore.HELD))
                .param("now", now)
                .param("performance", performanceId)
                .query((rs, n) ->
                        new SeatCounts(rs.getInt("free"), rs.getInt("held"), rs.getInt("booked"), rs.getInt("total")))
                .single();
    }

    /** Seats of one date by state. */
    public record SeatCounts(int available, int held, int booked, int total) {}
}
