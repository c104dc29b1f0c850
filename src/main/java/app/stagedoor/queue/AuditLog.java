package app.stagedoor.queue;

import static app.stagedoor.queue.TicketStore.ts;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What organisers did to a line ({@code queue_audit}): one row per changed setting with its old and
 * new value, and one per pause, resume, admission by hand and message. Written in the transaction
 * of the change itself, so the log and the line never disagree.
 */
@Repository
class AuditLog {

    /** The most rows an answer lists, newest first. */
    static final int LISTED = 500;

    /**
     * One change.
     *
     * @param what the setting's name ({@code admitCount} …, {@code paused}, {@code message}), or the
     *     action ({@code admitNow}, {@code admitEveryone})
     * @param from the old value; for an admission by hand, how many were asked for (null: everyone)
     * @param to the new value; for an admission by hand, how many were admitted
     */
    record Entry(Instant at, String by, String what, String from, String to) {}

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long concertId, Instant at, String by, String what, String from, String to) {
        jdbc.sql("INSERT INTO queue_audit (concert_id, changed_at, changed_by, what, old_value, new_value)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(concertId, ts(at), by, what, from, to)
                .update();
    }

    /** The newest changes first, at most {@code limit}. */
    List<Entry> latest(long concertId, int limit) {
        return jdbc.sql("SELECT changed_at, changed_by, what, old_value, new_value FROM queue_audit"
                        + " WHERE concert_id = ? ORDER BY id DESC LIMIT " + Math.max(0, Math.min(limit, LISTED)))
                .param(concertId)
                .query((rs, n) -> new Entry(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }
}
