package app.stagedoor.queue;

import static app.stagedoor.queue.TicketStore.ts;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The draws ({@code queue_draws}): a concert's seed is chosen once, from a CSPRNG, the first time
 * anyone asks about its line, and only its SHA-256 is shown until the draw has run. Nothing ever
 * changes a seed after that.
 */
@Repository
class Draws {

    /**
     * @param seed the 32 seed bytes as lowercase hex; secret until {@code drawnAt}
     * @param commitment the lowercase hex SHA-256 of the seed's bytes
     * @param drawnAt when the draw ran; null before
     * @param firstPlace the place of the first entrant drawn (1 on a new line); null before
     * @param entrants how many tickets it drew; null before
     * @param took how long it took; null before
     * @param written how many of the entrants, from the front, have their place in their ticket
     * @param maxEntrantId the highest ticket id drawn; null before
     */
    record Draw(
            long concertId,
            String seed,
            String commitment,
            Instant drawnAt,
            Long firstPlace,
            Integer entrants,
            Duration took,
            int written,
            Long maxEntrantId) {

        boolean drawn() {
            return drawnAt != null;
        }

        /** Every entrant's place is in their ticket. */
        boolean allWritten() {
            return drawn() && written >= entrants;
        }

        /** The last place the draw gave. */
        long lastPlace() {
            return firstPlace + entrants - 1;
        }

        /** The places from the front up to this one are in the tickets. */
        long writtenThrough() {
            return firstPlace - 1 + written;
        }

        byte[] seedBytes() {
            return HexFormat.of().parseHex(seed);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    Draws(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The concert's draw, committing to a new seed if it has none yet. */
    Draw of(long concertId, Instant now) {
        return find(concertId).orElseGet(() -> commit(concertId, now));
    }

    Optional<Draw> find(long concertId) {
        return jdbc.sql("SELECT * FROM queue_draws WHERE concert_id = ?")
                .param(concertId)
                .query(Draws::draw)
                .optional();
    }

    private Draw commit(long concertId, Instant now) {
        var seed = new byte[32];
        RANDOM.nextBytes(seed);
        try {
            jdbc.sql("INSERT INTO queue_draws (concert_id, seed, commitment, committed_at) VALUES (?, ?, ?, ?)")
                    .params(concertId, DrawOrder.hex(seed), DrawOrder.hex(DrawOrder.sha256(seed)), ts(now))
                    .update();
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            // its seed is the one: ours was never shown to anyone
        }
        return find(concertId).orElseThrow();
    }

    /** Records that the draw ran; 1 when this call did, 0 when it had run already. */
    int drawn(long concertId, Instant at, long firstPlace, int entrants, long maxEntrantId, Duration took) {
        return jdbc.sql("UPDATE queue_draws SET drawn_at = ?, first_place = ?, entrants = ?, max_entrant_id = ?,"
                        + " draw_millis = ? WHERE concert_id = ? AND drawn_at IS NULL")
                .params(ts(at), firstPlace, entrants, maxEntrantId, took.toMillis(), concertId)
                .update();
    }

    /** The first {@code written} entrants have their places in their tickets now. */
    void written(long concertId, int written) {
        jdbc.sql("UPDATE queue_draws SET written = ? WHERE concert_id = ?")
                .params(written, concertId)
                .update();
    }

    private static Draw draw(ResultSet rs, int row) throws SQLException {
        var drawnAt = rs.getTimestamp("drawn_at");
        var firstPlace = rs.getObject("first_place", Long.class);
        var entrants = rs.getObject("entrants", Integer.class);
        var millis = rs.getObject("draw_millis", Long.class);
        return new Draw(
                rs.getLong("concert_id"),
                rs.getString("seed"),
                rs.getString("commitment"),
                drawnAt == null ? null : drawnAt.toInstant(),
                firstPlace,
                entrants,
                millis == null ? null : Duration.ofMillis(millis),
                rs.getInt("written"),
                rs.getObject("max_entrant_id", Long.class));
    }
}
