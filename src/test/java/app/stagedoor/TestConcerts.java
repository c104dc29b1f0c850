package app.stagedoor;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    public static long onSaleNow(JdbcClient jdbc) {
        return published(jdbc, Instant.now().minus(1, ChronoUnit.HOURS));
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
