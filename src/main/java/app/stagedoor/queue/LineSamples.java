package app.stagedoor.queue;

import static app.stagedoor.queue.TicketStore.ts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The line's length and admissions over time ({@code queue_samples}), for the organiser's chart:
 * the promoter hands every tick's figures here, and at most one row per concert is written every
 * {@link #EVERY}, with the admissions since the previous row. Nothing is written while a line is
 * empty and stays empty. Rows are kept a day.
 *
 * <p>The admissions between two rows are added up in memory by the instance that ran the ticks; if
 * the promoter moves to another instance between two rows, that interval's admissions are left out
 * of the chart (the organiser's figures, read from the admissions themselves, are not).
 */
@Repository
class LineSamples {

    static final Duration EVERY = Duration.ofSeconds(10);
    static final Duration KEPT = Duration.ofDays(1);

    record Sample(Instant at, long inLine, int admitted) {}

    private record Pending(Instant lastWritten, long lastInLine, int admitted) {}

    private final JdbcClient jdbc;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private volatile Instant forgotAt = Instant.EPOCH;

    LineSamples(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One tick's figures of a line: how many are in line, and how many this tick admitted. */
    void afterTick(long concertId, Instant now, long inLine, int admitted) {
        var before = pending.getOrDefault(concertId, new Pending(Instant.EPOCH, 0, 0));
        int admittedSince = before.admitted() + admitted;
        boolean due = !now.isBefore(before.lastWritten().plus(EVERY));
        // an empty line that was empty at the last row has nothing to draw
        boolean worthARow = inLine > 0 || before.lastInLine() > 0 || admittedSince > 0;
        if (due && worthARow) {
            jdbc.sql("INSERT INTO queue_samples (concert_id, sampled_at, in_line, admitted) VALUES (?, ?, ?, ?)")
                    .params(concertId, ts(now), inLine, admittedSince)
                    .update();
            pending.put(concertId, new Pending(now, inLine, 0));
            forgetOld(now);
        } else {
            pending.put(concertId, new Pending(before.lastWritten(), before.lastInLine(), admittedSince));
        }
    }

    /** The samples of a line since {@code since}, oldest first. */
    List<Sample> since(long concertId, Instant since) {
        return jdbc.sql("SELECT sampled_at, in_line, admitted FROM queue_samples"
                        + " WHERE concert_id = ? AND sampled_at >= ? ORDER BY sampled_at")
                .params(concertId, ts(since))
                .query((rs, n) -> new Sample(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getInt(3)))
                .list();
    }

    private void forgetOld(Instant now) {
        if (now.isAfter(forgotAt.plus(Duration.ofMinutes(10)))) {
            forgotAt = now;
            jdbc.sql("DELETE FROM queue_samples WHERE sampled_at < ?")
                    .param(ts(now.minus(KEPT)))
                    .update();
        }
    }
}
