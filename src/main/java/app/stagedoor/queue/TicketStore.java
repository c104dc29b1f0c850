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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tickets ({@code queue_tokens}). Every move of a ticket is one conditional statement on the
 * states {@link Ticket} allows it from, so two instances, two tabs or a promoter racing a fan
 * never both win. Ending a ticket clears {@code live_member_id}, which frees the fan to join again.
 */
@Repository
class TicketStore {

    private static final String COLUMNS =
            "id, concert_id, member_id, seq, draw_code, joined_mark, status, active_until, expire_reason";

    /*
     * The head of the line is read in the order of ix_queue_tokens_line, naming all of its columns:
     * H2 only then walks the index and stops after the first rows; ORDER BY seq alone makes it read
     * the whole line. MySQL and MariaDB do the same with either.
     */
    static final String HEAD_OF_LINE = " FROM queue_tokens WHERE concert_id = ? AND status = 'WAIT' AND seq <= ?"
            + " ORDER BY concert_id, status, seq LIMIT ";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    TicketStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The fan's live ticket for the concert, or else their latest one. */
    Optional<Ticket> latest(long concertId, long memberId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM queue_tokens WHERE concert_id = ? AND member_id = ? ORDER BY id DESC LIMIT 1")
                .params(concertId, memberId)
                .query(TicketStore::ticket)
                .optional();
    }

    /** The fan's live ticket (waiting, or admitted even if it ran out a moment ago), read by its unique key. */
    Optional<Ticket> live(long concertId, long memberId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM queue_tokens WHERE concert_id = ? AND live_member_id = ?")
                .params(concertId, memberId)
                .query(TicketStore::ticket)
                .optional();
    }

    /** A ticket to make: a fan joining a concert's line at a moment, with the code it will have in the draw. */
    record NewTicket(long concertId, long memberId, String drawCode, Instant at) {}

    /**
     * New tickets, waiting without a place (the line gives them one: {@link #place}), in one
     * statement. The unique key on live tickets lets only one per fan and concert in: a fan who
     * has a live ticket already (another tab was first, in this batch or before) keeps it, and the
     * row is skipped. Nothing else is locked, so joins never wait on each other.
     */
    void insertWaiting(List<NewTicket> joins) {
        batch.batchUpdate(
                """
                INSERT IGNORE INTO queue_tokens
                       (concert_id, member_id, live_member_id, draw_code, status, joined_at, last_seen_at)
                VALUES (?, ?, ?, ?, 'WAIT', ?, ?)
                """,
                joins.stream()
                        .map(j -> new Object[] {
                            j.concertId(), j.memberId(), j.memberId(), j.drawCode(), ts(j.at()), ts(j.at())
                        })
                        .toList());
    }

    /** The live tickets of these fans for the concert, by fan. */
    Map<Long, Ticket> live(long concertId, Collection<Long> memberIds) {
        var found = new java.util.HashMap<Long, Ticket>();
        jdbc.sql("SELECT " + COLUMNS
                        + " FROM queue_tokens WHERE concert_id = :concertId AND live_member_id IN (:members)")
                .param("concertId", concertId)
                .param("members", memberIds)
                .query(TicketStore::ticket)
                .list()
                .forEach(ticket -> found.put(ticket.memberId(), ticket));
        return found;
    }

    /** A waiting ticket without a place yet. */
    record Unplaced(long id, String drawCode) {}

    /** The pre-queue's entrants at the draw: waiting, without a place, joined before the on-sale time. */
    List<Unplaced> entrants(long concertId, Instant salesOpenAt) {
        return jdbc.sql("SELECT id, draw_code FROM queue_tokens WHERE concert_id = ? AND status = 'WAIT'"
                        + " AND seq IS NULL AND joined_at < ? ORDER BY id")
                .params(concertId, ts(salesOpenAt))
                .query((rs, n) -> new Unplaced(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /**
     * The waiting tickets without a place, in join order: all of them, or, while the draw's places
     * are still being written into the tickets, those that are not the draw's (joined at or after
     * the on-sale time, or made after the draw read its entrants).
     */
    List<Unplaced> newcomers(long concertId, Instant salesOpenAt, Long maxEntrantId) {
        var notDrawn = salesOpenAt == null ? "" : " AND (joined_at >= :opensAt OR id > :maxEntrant)";
        return jdbc.sql("SELECT id, draw_code FROM queue_tokens WHERE concert_id = :concertId AND status = 'WAIT'"
                        + " AND seq IS NULL" + notDrawn + " ORDER BY id")
                .param("concertId", concertId)
                .param("opensAt", salesOpenAt == null ? null : ts(salesOpenAt))
                .param("maxEntrant", maxEntrantId == null ? 0L : maxEntrantId)
                .query((rs, n) -> new Unplaced(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /**
     * Gives the tickets, in this order, the places from {@code first} on, with the line's mark at
     * that moment as their starting point for the progress bar. Only the promoter calls this, with
     * the line's row locked.
     */
    void place(long[] ticketIds, long first, long mark) {
        var rows = new ArrayList<Object[]>(Math.min(ticketIds.length, CHUNK));
        long seq = first;
        for (long id : ticketIds) {
            rows.add(new Object[] {seq++, mark, id});
            if (rows.size() == CHUNK) {
                batch.batchUpdate(PLACE, rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            batch.batchUpdate(PLACE, rows);
        }
    }

    private static final int CHUNK = 2_000;
    private static final String PLACE = "UPDATE queue_tokens SET seq = ?, joined_mark = ? WHERE id = ? AND seq IS NULL";

    /** Ends a ticket for this reason if it is in a state it may end from; 1 when this call ended it. */
    int expire(long ticketId, ExpireReason reason, Instant now) {
        return end("id = :id", reason, now).param("id", ticketId).update();
    }

    /** Ends the fan's live ticket if its status is one {@code reason} ends; 1 when this call ended it. */
    int expireLive(long concertId, long memberId, ExpireReason reason, Instant now) {
        return end("concert_id = :concertId AND live_member_id = :memberId", reason, now)
                .param("concertId", concertId)
                .param("memberId", memberId)
                .update();
    }

    /** The one way a ticket is ended for a reason: the ticket {@code which} names, from a state the reason ends. */
    private JdbcClient.StatementSpec end(String which, ExpireReason reason, Instant now) {
        return jdbc.sql("UPDATE queue_tokens SET status = 'EXPIRE', live_member_id = NULL, expired_at = :now,"
                        + " expire_reason = :reason WHERE " + which + " AND status IN (:from)")
                .param("now", ts(now))
                .param("reason", reason.name())
                .param("from", names(reason.from()));
    }

    /** Ends an admission that ran out; 1 when this call ended it. */
    int expireLapsed(long ticketId, Instant now) {
        return jdbc.sql(EXPIRE_TIMED_OUT + " AND id = :id")
                .param("id", ticketId)
                .param("now", ts(now))
                .update();
    }

    private static final String EXPIRE_TIMED_OUT = """
            UPDATE queue_tokens
               SET status = 'EXPIRE', live_member_id = NULL, expired_at = :now, expire_reason = 'TIMEOUT'
             WHERE status = 'ACTIVE' AND active_until <= :now
            """;

    int expireTimedOut(long concertId, Instant now) {
        return jdbc.sql(EXPIRE_TIMED_OUT + " AND concert_id = :concertId")
                .param("concertId", concertId)
                .param("now", ts(now))
                .update();
    }

    /** Every waiting ticket of the line counts as seen now (after the promoter was down a while). */
    void seenWaiting(long concertId, Instant now) {
        jdbc.sql("UPDATE queue_tokens SET last_seen_at = ? WHERE concert_id = ? AND status = 'WAIT'")
                .params(ts(now), concertId)
                .update();
    }

    int expireAbandoned(long concertId, Instant seenBefore, Instant now) {
        return jdbc.sql("""
                        UPDATE queue_tokens
                           SET status = 'EXPIRE', live_member_id = NULL, expired_at = :now, expire_reason = 'ABANDONED'
                         WHERE concert_id = :concertId AND status = 'WAIT' AND last_seen_at < :seenBefore
                        """)
                .param("concertId", concertId)
                .param("seenBefore", ts(seenBefore))
                .param("now", ts(now))
                .update();
    }

    /** The next waiting tickets in line, up to place {@code placedThrough} (every place before it is given). */
    List<Long> nextWaiting(long concertId, int count, long placedThrough) {
        return jdbc.sql("SELECT id" + HEAD_OF_LINE + count)
                .params(concertId, placedThrough)
                .query(Long.class)
                .list();
    }

    Optional<Long> firstWaitingSeq(long concertId, long placedThrough) {
        return jdbc.sql("SELECT seq" + HEAD_OF_LINE + "1")
                .params(concertId, placedThrough)
                .query(Long.class)
                .optional();
    }

    int admit(Collection<Long> ticketIds, Instant now, Instant activeUntil) {
        if (ticketIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE queue_tokens SET status = 'ACTIVE', admitted_at = :now, active_until = :until"
                        + " WHERE id IN (:ids) AND status IN (:from)")
                .param("ids", ticketIds)
                .param("now", ts(now))
                .param("until", ts(activeUntil))
                .param("from", names(Ticket.ADMITTED_FROM))
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

    /**
     * A line's tickets by where they stand: the pre-queue (waiting without a place yet), waiting,
     * admitted, and the ended ones by reason. This counts the line: for the console and the metrics,
     * through {@link LineCounts}, which reads it at most every few seconds. Both reads stay within
     * the concert's entries of an index ({@code ix_queue_tokens_standing}, {@code
     * ix_queue_tokens_line}) and never read a ticket's row.
     */
    LineCounts.Counts standing(long concertId) {
        long[] counts = new long[3];
        var ended = new EnumMap<ExpireReason, Long>(ExpireReason.class);
        for (var reason : ExpireReason.values()) {
            ended.put(reason, 0L);
        }
        jdbc.sql("SELECT status, expire_reason, COUNT(*) FROM queue_tokens WHERE concert_id = ?"
                        + " GROUP BY status, expire_reason")
                .param(concertId)
                .query((rs, n) -> {
                    var status = QueueStatus.valueOf(rs.getString(1));
                    long count = rs.getLong(3);
                    switch (status) {
                        case WAIT -> counts[1] += count;
                        case ACTIVE -> counts[2] += count;
                        case EXPIRE -> {
                            var reason = rs.getString(2);
                            if (reason != null) {
                                ended.merge(ExpireReason.valueOf(reason), count, Long::sum);
                            }
                        }
                        case NONE -> {}
                    }
                    return null;
                })
                .list();
        if (counts[1] > 0) {
            // of the waiting, those without a place yet are the pre-queue
            long unplaced = jdbc.sql(
                            "SELECT COUNT(*) FROM queue_tokens WHERE concert_id = ? AND status = 'WAIT' AND seq IS NULL")
                    .param(concertId)
                    .query(Long.class)
                    .single();
            counts[0] = Math.min(unplaced, counts[1]); // a fan may have joined between the two reads
            counts[1] -= counts[0];
        }
        return new LineCounts.Counts(counts[0], counts[1], counts[2], ended);
    }

    /** Records polls in one batch: waiting tickets were seen at these times. */
    void touch(Map<Long, Instant> seen) {
        var rows = new ArrayList<Object[]>(seen.size());
        seen.forEach((id, at) -> rows.add(new Object[] {ts(at), id}));
        batch.batchUpdate("UPDATE queue_tokens SET last_seen_at = ? WHERE id = ? AND status = 'WAIT'", rows);
    }

    /** Of these tickets, the ones no longer waiting. */
    List<Long> notWaiting(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM queue_tokens WHERE id IN (:ids) AND status <> 'WAIT'")
                .param("ids", ticketIds)
                .query(Long.class)
                .list();
    }

    private static List<String> names(List<QueueStatus> states) {
        return states.stream().map(Enum::name).toList();
    }

    private static Ticket ticket(ResultSet rs, int row) throws SQLException {
        var until = rs.getTimestamp("active_until");
        var reason = rs.getString("expire_reason");
        return new Ticket(
                rs.getLong("id"),
                rs.getLong("concert_id"),
                rs.getLong("member_id"),
                rs.getLong("seq"),
                rs.getString("draw_code"),
                rs.getLong("joined_mark"),
                QueueStatus.valueOf(rs.getString("status")),
                until == null ? null : until.toInstant(),
                reason == null ? null : ExpireReason.valueOf(reason));
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
