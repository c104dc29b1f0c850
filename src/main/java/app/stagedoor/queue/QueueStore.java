package app.stagedoor.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The waiting room's tables. Every state change of a ticket is one conditional statement on its
 * current status, so two instances, two tabs or a promoter racing a fan never both win.
 */
@Repository
class QueueStore {

    record TokenRow(
            long id,
            long concertId,
            long memberId,
            Long seq,
            long joinedMark,
            QueueStatus status,
            Instant activeUntil,
            ExpireReason expireReason) {

        boolean isLiveAt(Instant now) {
            return status == QueueStatus.WAIT
                    || (status == QueueStatus.ACTIVE && activeUntil != null && activeUntil.isAfter(now));
        }
    }

    record LineRow(
            long concertId,
            long lastSeq,
            long admittedUpTo,
            long admittedTotal,
            double placesPerSecond,
            Instant measuredAt) {

        static LineRow empty(long concertId) {
            return new LineRow(concertId, 0, 0, 0, 0, null);
        }
    }

    private static final String TOKEN_COLUMNS =
            "id, concert_id, member_id, seq, joined_mark, status, active_until, expire_reason";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final QueueSettings defaults;

    QueueStore(JdbcClient jdbc, JdbcTemplate batch, QueueProperties properties) {
        this.defaults = properties.defaults().settings();
        this.jdbc = jdbc;
        this.batch = batch;
    }

    // --- tickets

    Optional<TokenRow> findToken(long concertId, long memberId) {
        return jdbc.sql("SELECT " + TOKEN_COLUMNS + " FROM queue_tokens WHERE concert_id = ? AND member_id = ?")
                .params(concertId, memberId)
                .query(QueueStore::token)
                .optional();
    }

    Optional<TokenRow> findToken(long tokenId) {
        return jdbc.sql("SELECT " + TOKEN_COLUMNS + " FROM queue_tokens WHERE id = ?")
                .param(tokenId)
                .query(QueueStore::token)
                .optional();
    }

    /** A new ticket, still without a place; the unique key lets only one per fan and concert in. */
    long insertWaiting(long concertId, long memberId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO queue_tokens (concert_id, member_id, status, joined_at, last_seen_at)"
                        + " VALUES (?, ?, 'WAIT', ?, ?)")
                .params(concertId, memberId, ts(now), ts(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** An expired ticket (or a lapsed admission) back to WAIT, without a place yet. */
    int reopen(long tokenId, Instant now) {
        return jdbc.sql("""
                        UPDATE queue_tokens
                           SET status = 'WAIT', seq = NULL, joined_at = :now, last_seen_at = :now,
                               admitted_at = NULL, active_until = NULL, expired_at = NULL, expire_reason = NULL
                         WHERE id = :id AND (status = 'EXPIRE' OR (status = 'ACTIVE' AND active_until <= :now))
                        """).param("id", tokenId).param("now", ts(now)).update();
    }

    void placeInLine(long tokenId, long seq, long joinedMark) {
        jdbc.sql("UPDATE queue_tokens SET seq = ?, joined_mark = ? WHERE id = ?")
                .params(seq, joinedMark, tokenId)
                .update();
    }

    /** Ends a ticket that is in one of the given states; 1 when this call ended it. */
    int expire(long tokenId, ExpireReason reason, Instant now, QueueStatus... from) {
        return jdbc.sql("UPDATE queue_tokens SET status = 'EXPIRE', expired_at = :now, expire_reason = :reason"
                        + " WHERE id = :id AND status IN (:from)")
                .param("id", tokenId)
                .param("now", ts(now))
                .param("reason", reason.name())
                .param("from", java.util.Arrays.stream(from).map(Enum::name).toList())
                .update();
    }

    int expireTimedOut(long concertId, Instant now) {
        return jdbc.sql("""
                        UPDATE queue_tokens SET status = 'EXPIRE', expired_at = :now, expire_reason = 'TIMEOUT'
                         WHERE concert_id = :concertId AND status = 'ACTIVE' AND active_until <= :now
                        """).param("concertId", concertId).param("now", ts(now)).update();
    }

    int expireAbandoned(long concertId, Instant seenBefore, Instant now) {
        return jdbc.sql("""
                        UPDATE queue_tokens SET status = 'EXPIRE', expired_at = :now, expire_reason = 'ABANDONED'
                         WHERE concert_id = :concertId AND status = 'WAIT' AND last_seen_at < :seenBefore
                        """)
                .param("concertId", concertId)
                .param("seenBefore", ts(seenBefore))
                .param("now", ts(now))
                .update();
    }

    /*
     * The head of the line is read in the order of ix_queue_tokens_line, naming all of its columns:
     * H2 only then walks the index and stops after the first rows; ORDER BY seq alone makes it read
     * the whole line. MySQL and MariaDB do the same with either. (A waiting ticket always has its
     * place: it gets it in the transaction that creates it.)
     */
    static final String HEAD_OF_LINE =
            " FROM queue_tokens WHERE concert_id = ? AND status = 'WAIT'" + " ORDER BY concert_id, status, seq LIMIT ";

    List<Long> nextWaiting(long concertId, int count) {
        return jdbc.sql("SELECT id" + HEAD_OF_LINE + count)
                .param(concertId)
                .query(Long.class)
                .list();
    }

    int admit(Collection<Long> tokenIds, Instant now, Instant activeUntil) {
        if (tokenIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE queue_tokens SET status = 'ACTIVE', admitted_at = :now, active_until = :until"
                        + " WHERE id IN (:ids) AND status = 'WAIT'")
                .param("ids", tokenIds)
                .param("now", ts(now))
                .param("until", ts(activeUntil))
                .update();
    }

    long countInStatus(long concertId, QueueStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM queue_tokens WHERE concert_id = ? AND status = ?")
                .params(concertId, status.name())
                .query(Long.class)
                .single();
    }

    /** Tickets of a line by state, in one pass (admin pages only: this counts the line). */
    Map<QueueStatus, Long> countsByStatus(long concertId) {
        var counts = new EnumMap<QueueStatus, Long>(QueueStatus.class);
        for (var status : QueueStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("SELECT status, COUNT(*) FROM queue_tokens WHERE concert_id = ? GROUP BY status")
                .param(concertId)
                .query((rs, n) -> counts.put(QueueStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    Optional<Long> firstWaitingSeq(long concertId) {
        return jdbc.sql("SELECT seq" + HEAD_OF_LINE + "1")
                .param(concertId)
                .query(Long.class)
                .optional();
    }

    /** The admissions of one tick, for the organiser's admissions per minute (and, later, a chart). */
    void logAdmission(long concertId, Instant at, int admitted, long mark) {
        jdbc.sql("INSERT INTO queue_admissions (concert_id, admitted_at, admitted, mark) VALUES (?, ?, ?, ?)")
                .params(concertId, ts(at), admitted, mark)
                .update();
    }

    long admittedSince(long concertId, Instant since) {
        return jdbc.sql(
                        "SELECT COALESCE(SUM(admitted), 0) FROM queue_admissions WHERE concert_id = ? AND admitted_at >= ?")
                .params(concertId, ts(since))
                .query(Long.class)
                .single();
    }

    void forgetAdmissionsBefore(Instant before) {
        jdbc.sql("DELETE FROM queue_admissions WHERE admitted_at < ?")
                .param(ts(before))
                .update();
    }

    /** Records polls in one batch: waiting tickets were seen at these times. */
    void touch(Map<Long, Instant> seen) {
        var rows = new ArrayList<Object[]>(seen.size());
        seen.forEach((id, at) -> rows.add(new Object[] {ts(at), id}));
        batch.batchUpdate("UPDATE queue_tokens SET last_seen_at = ? WHERE id = ? AND status = 'WAIT'", rows);
    }

    /** Of these tickets, the ones no longer waiting. */
    List<Long> notWaiting(Collection<Long> tokenIds) {
        if (tokenIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM queue_tokens WHERE id IN (:ids) AND status <> 'WAIT'")
                .param("ids", tokenIds)
                .query(Long.class)
                .list();
    }

    // --- lines

    void ensureLine(long concertId) {
        if (findLine(concertId).isPresent()) {
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

    Optional<LineRow> findLine(long concertId) {
        return jdbc.sql("SELECT * FROM queue_lines WHERE concert_id = ?")
                .param(concertId)
                .query(QueueStore::line)
                .optional();
    }

    List<Long> lineIds() {
        return jdbc.sql("SELECT concert_id FROM queue_lines").query(Long.class).list();
    }

    /**
     * Locks the line's row until commit. Joins and the promoter both take it before any ticket's
     * row, so they queue behind each other instead of deadlocking.
     */
    void lockLine(long concertId) {
        jdbc.sql("SELECT last_seq FROM queue_lines WHERE concert_id = ? FOR UPDATE")
                .param(concertId)
                .query(Long.class)
                .list();
    }

    /** The next place in line and the mark at that moment; the line's row stays locked until commit. */
    long[] nextPlace(long concertId) {
        jdbc.sql("UPDATE queue_lines SET last_seq = last_seq + 1 WHERE concert_id = ?")
                .param(concertId)
                .update();
        return jdbc.sql("SELECT last_seq, admitted_up_to FROM queue_lines WHERE concert_id = ?")
                .param(concertId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
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

    void advance(long concertId, long mark, int admitted, double placesPerSecond, Instant measuredAt) {
        jdbc.sql("""
                        UPDATE queue_lines
                           SET admitted_up_to = GREATEST(admitted_up_to, :mark),
                               admitted_total = admitted_total + :admitted,
                               places_per_second = :rate,
                               measured_at = :measuredAt
                         WHERE concert_id = :concertId
                        """)
                .param("concertId", concertId)
                .param("mark", mark)
                .param("admitted", admitted)
                .param("rate", placesPerSecond)
                .param("measuredAt", measuredAt == null ? null : ts(measuredAt))
                .update();
    }

    // --- settings

    /** The concert's settings, or the defaults until an organiser has set any. */
    QueueSettings settings(long concertId) {
        return jdbc.sql("SELECT * FROM queue_settings WHERE concert_id = ?")
                .param(concertId)
                .query((rs, n) -> new QueueSettings(
                        rs.getInt("admit_count"),
                        rs.getInt("admit_interval_seconds"),
                        (Integer) rs.getObject("max_active", Integer.class),
                        rs.getInt("active_seconds"),
                        rs.getInt("hold_seconds"),
                        rs.getBoolean("paused")))
                .optional()
                .orElse(defaults);
    }

    void saveSettings(long concertId, QueueSettings settings, String by, Instant now) {
        var values = new Object[] {
            settings.admitCount(),
            settings.admitIntervalSeconds(),
            settings.maxActive(),
            settings.activeSeconds(),
            settings.holdSeconds(),
            settings.paused(),
            ts(now),
            by,
            concertId
        };
        int updated = jdbc.sql("UPDATE queue_settings SET admit_count = ?, admit_interval_seconds = ?, max_active = ?,"
                        + " active_seconds = ?, hold_seconds = ?, paused = ?, updated_at = ?, updated_by = ?"
                        + " WHERE concert_id = ?")
                .params(values)
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "INSERT INTO queue_settings (admit_count, admit_interval_seconds, max_active, active_seconds,"
                                    + " hold_seconds, paused, updated_at, updated_by, concert_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(values)
                    .update();
        }
    }

    private static TokenRow token(ResultSet rs, int row) throws SQLException {
        var until = rs.getTimestamp("active_until");
        var reason = rs.getString("expire_reason");
        return new TokenRow(
                rs.getLong("id"),
                rs.getLong("concert_id"),
                rs.getLong("member_id"),
                (Long) rs.getObject("seq", Long.class),
                rs.getLong("joined_mark"),
                QueueStatus.valueOf(rs.getString("status")),
                until == null ? null : until.toInstant(),
                reason == null ? null : ExpireReason.valueOf(reason));
    }

    private static LineRow line(ResultSet rs, int row) throws SQLException {
        var measured = rs.getTimestamp("measured_at");
        return new LineRow(
                rs.getLong("concert_id"),
                rs.getLong("last_seq"),
                rs.getLong("admitted_up_to"),
                rs.getLong("admitted_total"),
                rs.getDouble("places_per_second"),
                measured == null ? null : measured.toInstant());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
