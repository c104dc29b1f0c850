package app.stagedoor.queue;

import static app.stagedoor.queue.TicketStore.ts;

import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The admissions of each promoter tick ({@code queue_admissions}), kept for a day: the organiser's
 * admissions per minute, measured rather than configured.
 */
@Repository
class AdmissionLog {

    static final Duration KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;

    AdmissionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long concertId, Instant at, int admitted, long mark) {
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

    /** Forgets admissions older than {@link #KEPT}. */
    void forgetBefore(Instant now) {
        jdbc.sql("DELETE FROM queue_admissions WHERE admitted_at < ?")
                .param(ts(now.minus(KEPT)))
                .update();
    }
}
