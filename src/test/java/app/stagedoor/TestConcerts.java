package app.stagedoor;

import app.stagedoor.concert.ConcertView;
import app.stagedoor.concert.PerformanceView;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Concerts for tests of other modules, written straight into the catalogue's tables. (Tests of
 * the catalogue itself and the journeys create them the way organisers do.)
 */
public final class TestConcerts {

    private TestConcerts() {}

    /** A published concert with sales open since {@code salesOpenAt}, one section and no dates. */
    public static long published(JdbcClient jdbc, Instant salesOpenAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO concerts (title, artist, venue, description, time_zone, sales_open_at,"
                                + " max_seats_per_member, published, created_at) VALUES (?, 'Artist', 'Hall', '', 'Asia/Seoul', ?, 4, TRUE, ?)")
                .params(TestData.username("Concert"), Timestamp.from(salesOpenAt), Timestamp.from(salesOpenAt))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("INSERT INTO concert_sections (concert_id, position, name, seat_rows, seats_per_row, price)"
                        + " VALUES (?, 0, 'Floor', 2, 5, 50000)")
                .param(id)
                .update();
        return id;
    }

    /**
     * The same concert as a page sees it, for web slice tests: "Aurora" by HAEUN in Seoul, one VIP
     * section of {@code rows} × {@code seatsPerRow} seats at ₩100,000.
     */
    public static ConcertView view(
            long id, Instant salesOpenAt, boolean published, int rows, int seatsPerRow, List<PerformanceView> dates) {
        return new ConcertView(
                id,
                "Aurora",
                "HAEUN",
                "Hall",
                "",
                ZoneId.of("Asia/Seoul"),
                salesOpenAt,
                4,
                published,
                false,
                List.of(new ConcertView.SectionView("VIP", 1, rows, seatsPerRow, 100_000)),
                dates);
    }

    public static long onSaleNow(JdbcClient jdbc) {
        return published(jdbc, Instant.now().minus(1, ChronoUnit.HOURS));
    }

    /** A date of the concert with {@code seats} seats in one section at {@code price}; its seat ids in order. */
    public static List<Long> date(JdbcClient jdbc, long concertId, int seats, long price) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO performances (concert_id, starts_at) VALUES (?, ?)")
                .params(concertId, Timestamp.from(Instant.now().plus(30, ChronoUnit.DAYS)))
                .update(keys, "id");
        long performance = keys.getKeyAs(Number.class).longValue();
        for (int number = 1; number <= seats; number++) {
            jdbc.sql(
                            "INSERT INTO seats (performance_id, section, tier, seat_row, seat_number, price) VALUES (?, 'Floor', 1, 1, ?, ?)")
                    .params(performance, number, price)
                    .update();
        }
        return jdbc.sql("SELECT id FROM seats WHERE performance_id = ? ORDER BY seat_number")
                .param(performance)
                .query(Long.class)
                .list();
    }

    /** A date of the concert with one section of {@code rows} × {@code perRow} seats; its seat ids in map order. */
    public static List<Long> date(JdbcClient jdbc, long concertId, String section, int rows, int perRow, long price) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO performances (concert_id, starts_at) VALUES (?, ?)")
                .params(concertId, Timestamp.from(Instant.now().plus(30, ChronoUnit.DAYS)))
                .update(keys, "id");
        long performance = keys.getKeyAs(Number.class).longValue();
        for (int row = 1; row <= rows; row++) {
            for (int number = 1; number <= perRow; number++) {
                jdbc.sql("INSERT INTO seats (performance_id, section, tier, seat_row, seat_number, price)"
                                + " VALUES (?, ?, 1, ?, ?, ?)")
                        .params(performance, section, row, number, price)
                        .update();
            }
        }
        return jdbc.sql("SELECT id FROM seats WHERE performance_id = ? ORDER BY seat_row, seat_number")
                .param(performance)
                .query(Long.class)
                .list();
    }

    public static long performanceOf(JdbcClient jdbc, long seatId) {
        return jdbc.sql("SELECT performance_id FROM seats WHERE id = ?")
                .param(seatId)
                .query(Long.class)
                .single();
    }

    /** Lets a fan in, as the waiting room's promoter would, for an hour from now (the real clock). */
    public static void admit(JdbcClient jdbc, long concertId, long memberId) {
        admit(jdbc, Clock.systemUTC(), concertId, memberId);
    }

    /**
     * Lets a fan in for an hour from the application's {@code clock}: a {@code @ClockedTest} passes
     * its MutableClock, which earlier tests of the context may have moved hours past the real time
     * (an admission timed by the real clock would then have run out already).
     */
    public static void admit(JdbcClient jdbc, Clock clock, long concertId, long memberId) {
        var now = clock.instant();
        jdbc.sql(
                        "INSERT INTO queue_tokens (concert_id, member_id, live_member_id, seq, status, joined_at, last_seen_at,"
                                + " admitted_at, active_until) VALUES (?, ?, ?, NULL, 'ACTIVE', ?, ?, ?, ?)")
                .params(
                        concertId,
                        memberId,
                        memberId,
                        Timestamp.from(now),
                        Timestamp.from(now),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(1, ChronoUnit.HOURS)))
                .update();
    }

    /** A fan with an empty wallet, straight into the tables (no password hashing: fast for crowds). */
    public static long fanWithWallet(JdbcClient jdbc) {
        long fan = fan(jdbc);
        jdbc.sql("INSERT INTO wallets (member_id, balance, updated_at) VALUES (?, 0, ?)")
                .params(fan, Timestamp.from(Instant.now()))
                .update();
        return fan;
    }

    /** A fan, straight into the members table (no wallet). */
    public static long fan(JdbcClient jdbc) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO members (username, password_hash, role, created_at) VALUES (?, '{noop}x', 'FAN', ?)")
                .params(TestData.username("fan"), Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }
}
