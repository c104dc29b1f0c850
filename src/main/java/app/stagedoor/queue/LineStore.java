package app.stagedoor.queue;

import static app.stagedoor.queue.TicketStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lines ({@code queue_lines}): one row per concert with its counters. Every place up to
 * {@code admittedUpTo} has been admitted or has left, so a waiting fan's position is their place
 * minus that mark, without counting the line.
 */
@Repository
class LineStore {

    /**
     * @param lastSeq the last place handed out
     * @param admittedUpTo every place up to this one has been admitted or has left
     * @param numberedThrough every ticket with an id up to this one has its place (or ended without one)
     * @param placesPerSecond how fast the line moved, measured over the last admissions
     * @param measuredAt when that was measured; null while the line is empty
     * @param tickedAt the promoter's last tick of the line; null before the first
     */
    record Line(
            long concertId,
            long lastSeq,
            long admittedUpTo,
            long numberedThrough,
            long admittedTotal,
            double placesPerSecond,
            Instant measuredAt,
            Instant tickedAt) {

        static Line empty(long concertId) {
            return new Line(concertId, 0, 0, 0, 0, 0, null, null);
        }
    }

    private final JdbcClient jdbc;

    LineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void ensure(long concertId) {
        if (find(concertId).isPresent()) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO queue_lines (concert_id) VALUES (?)")
                    .param(concertId)
                    .update();
        } catch (DuplicateKeyException anotherFanWasFirst) {
            // the line exists now
        }
    }

    Optional<Line> find(long concertId) {
        return jdbc.sql("SELECT * FROM queue_lines WHERE concert_id = ?")
                .param(concertId)
                .query(LineStore::line)
                .optional();
    }

    Line findOrEmpty(long concertId) {
        return find(concertId).orElse(Line.empty(concertId));
    }

    List<Long> concertIds() {
        return jdbc.sql("SELECT concert_id FROM queue_lines").query(Long.class).list();
    }

    /**
     * Locks the line's row until commit: the promoter's ticks and the organiser's changes take it
     * before any ticket's row, so they run one after the other. Joins never take it.
     */
    void lock(long concertId) {
        jdbc.sql("SELECT last_seq FROM queue_lines WHERE concert_id = ? FOR UPDATE")
                .param(concertId)
                .query(Long.class)
                .list();
    }

    /** The promoter gave places up to {@code lastSeq}, to every ticket up to {@code numberedThrough}. */
    void placed(long concertId, long lastSeq, long numberedThrough) {
        jdbc.sql(
                        "UPDATE queue_lines SET last_seq = ?, numbered_through = GREATEST(numbered_through, ?) WHERE concert_id = ?")
                .params(lastSeq, numberedThrough, concertId)
                .update();
    }

    /** Claims this interval's admission for the caller; 0 when it is not due or another instance took it. */
    int claimAdmission(long concertId, Instant now, Instant next) {
        return jdbc.sql("""
                        UPDATE queue_lines SET next_admission_at = :next
                         WHERE concert_id = :concertId AND (next_admission_at IS NULL OR next_admission_at <= :now)
                        """)
                .param("concertId", concertId)
                .param("now", ts(now))
                .param("next", ts(next))
                .update();
    }

    void admitNoLaterThan(long concertId, Instant next) {
        jdbc.sql("UPDATE queue_lines SET next_admission_at = ? WHERE concert_id = ? AND next_admission_at > ?")
                .params(ts(next), concertId, ts(next))
                .update();
    }

    void advance(long concertId, long mark, int admitted, double placesPerSecond, Instant measuredAt, Instant now) {
        jdbc.sql("""
                        UPDATE queue_lines
                           SET admitted_up_to = GREATEST(admitted_up_to, :mark),
                               admitted_total = admitted_total + :admitted,
                               places_per_second = :rate,
                               measured_at = :measuredAt,
                               ticked_at = :now
                         WHERE concert_id = :concertId
                        """)
                .param("now", ts(now))
                .param("concertId", concertId)
                .param("mark", mark)
                .param("admitted", admitted)
                .param("rate", placesPerSecond)
                .param("measuredAt", measuredAt == null ? null : ts(measuredAt))
                .update();
    }

    private static Line line(ResultSet rs, int row) throws SQLException {
        var measured = rs.getTimestamp("measured_at");
        var ticked = rs.getTimestamp("ticked_at");
        return new Line(
                rs.getLong("concert_id"),
                rs.getLong("last_seq"),
                rs.getLong("admitted_up_to"),
                rs.getLong("numbered_through"),
                rs.getLong("admitted_total"),
                rs.getDouble("places_per_second"),
                measured == null ? null : measured.toInstant(),
                ticked == null ? null : ticked.toInstant());
    }
}
