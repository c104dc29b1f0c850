package app.stagedoor.queue;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organiser's live console of a line: every change an organiser makes (settings from the page
 * or the API, pause and resume, admissions by hand, the message to the line) goes through here and
 * is written to the {@link AuditLog} in the same transaction; and what the console shows, the
 * line's figures and its last hour.
 */
@Service
class QueueConsole {

    static final int MESSAGE_LENGTH = 200;
    static final Duration CHARTED = Duration.ofHours(1);

    /** The settings an organiser can change, by the name the audit log and the API give them. */
    private static final LinkedHashMap<String, Function<QueueSettings, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("admitCount", QueueSettings::admitCount);
        FIELDS.put("admitIntervalSeconds", QueueSettings::admitIntervalSeconds);
        FIELDS.put("maxActive", QueueSettings::maxActive);
        FIELDS.put("activeSeconds", QueueSettings::activeSeconds);
        FIELDS.put("holdSeconds", QueueSettings::holdSeconds);
        FIELDS.put("preQueueMinutes", QueueSettings::preQueueMinutes);
        FIELDS.put("paused", QueueSettings::paused);
    }

    /**
     * The line now.
     *
     * @param admittedLastMinute measured, from the admissions of the last minute
     * @param secondsToClear how long the fans waiting now take to get in at the pace the line moved;
     *     null while paused or before anything was measured
     */
    record Figures(
            long preQueue,
            long waiting,
            long active,
            long admittedTotal,
            long expired,
            long abandoned,
            long admittedLastMinute,
            Long secondsToClear,
            QueueSettings settings) {

        /** {@code maxActive} keeps admission shut: as many are admitted as it allows, or more. */
        public boolean capReached() {
            return settings.maxActive() != null && active >= settings.maxActive();
        }
    }

    /** The chart's last hour: at each sample, the line's length and the admissions of the minute before. */
    record Series(List<Long> at, List<Long> inLine, List<Long> admittedPerMinute) {}

    private final WaitingRoom waitingRoom;
    private final QueuePromoter promoter;
    private final Settings settings;
    private final LineStore lineStore;
    private final LineSnapshots lines;
    private final LineCounts counts;
    private final LineSamples samples;
    private final AdmissionLog admissions;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    QueueConsole(
            WaitingRoom waitingRoom,
            QueuePromoter promoter,
            Settings settings,
            LineStore lineStore,
            LineSnapshots lines,
            LineCounts counts,
            LineSamples samples,
            AdmissionLog admissions,
            AuditLog audit,
            TransactionTemplate transaction,
            Clock clock) {
        this.waitingRoom = waitingRoom;
        this.promoter = promoter;
        this.settings = settings;
        this.lineStore = lineStore;
        this.lines = lines;
        this.counts = counts;
        this.samples = samples;
        this.admissions = admissions;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * New settings, in effect from the promoter's next tick; one audit row per setting that changed,
     * its old and its new value. Saving the same settings again records nothing.
     */
    QueueSettings change(long concertId, QueueSettings changed, String by) {
        existing(concertId);
        lineStore.ensure(concertId);
        var saved = transaction.execute(status -> {
            lineStore.lock(concertId);
            var before = settings.of(concertId);
            var now = clock.instant();
            var after = waitingRoom.updateSettings(concertId, changed, by);
            FIELDS.forEach((field, value) -> {
                var from = value.apply(before);
                var to = value.apply(after);
                if (!Objects.equals(from, to)) {
                    audit.record(concertId, now, by, field, text(from), text(to));
                }
            });
            return after;
        });
        lines.forget(concertId);
        return saved;
    }

    /** Stops admission from the next tick; fans keep their places. */
    QueueSettings pause(long concertId, String by) {
        return change(concertId, withPaused(settings.of(concertId), true), by);
    }

    QueueSettings resume(long concertId, String by) {
        return change(concertId, withPaused(settings.of(concertId), false), by);
    }

    /** Admits the next {@code count} waiting fans now, within {@code maxActive}. */
    QueuePromoter.ByHand admitNow(long concertId, int count, String by) {
        return admitByHand(concertId, count, by, "admitNow");
    }

    /** Admits every fan waiting now, within {@code maxActive}. */
    QueuePromoter.ByHand admitEveryone(long concertId, String by) {
        return admitByHand(concertId, null, by, "admitEveryone");
    }

    private QueuePromoter.ByHand admitByHand(long concertId, Integer count, String by, String what) {
        existing(concertId);
        lineStore.ensure(concertId);
        var done = transaction.execute(status -> {
            var admitted = promoter.admitNow(concertId, count);
            audit.record(concertId, clock.instant(), by, what, text(count), Integer.toString(admitted.admitted()));
            return admitted;
        });
        lines.forget(concertId);
        counts.forget(concertId);
        return done;
    }

    /** Shows {@code message} to everyone in the line from their next poll; blank takes it down. */
    void changeMessage(long concertId, String message, String by) {
        existing(concertId);
        var text = message == null || message.isBlank() ? null : message.strip();
        if (text != null && text.length() > MESSAGE_LENGTH) {
            throw new DomainException(ErrorCode.VALIDATION, Map.of("fields", List.of("message")), "message");
        }
        lineStore.ensure(concertId);
        transaction.executeWithoutResult(status -> {
            lineStore.lock(concertId);
            var before = settings.messageOf(concertId);
            if (!Objects.equals(before, text)) {
                var now = clock.instant();
                settings.changeMessage(concertId, text, by, now);
                audit.record(concertId, now, by, "message", before, text);
            }
        });
        lines.forget(concertId);
    }

    String message(long concertId) {
        return settings.messageOf(concertId);
    }

    Figures figures(long concertId) {
        existing(concertId);
        var now = clock.instant();
        var standing = counts.of(concertId);
        var line = lineStore.findOrEmpty(concertId);
        var current = settings.of(concertId);
        long lastMinute = admissions.admittedSince(concertId, now.minus(Duration.ofMinutes(1)));
        double pace = line.placesPerSecond() > 0 ? line.placesPerSecond() : lastMinute / 60.0;
        // nobody waiting, paused, or no pace measured yet: no time to clear to show ("—")
        Long toClear = standing.waiting() == 0 || current.paused() || pace <= 0
                ? null
                : (long) Math.ceil(standing.waiting() / pace);
        return new Figures(
                standing.preQueue(),
                standing.waiting(),
                standing.active(),
                line.admittedTotal(),
                standing.expired(),
                standing.abandoned(),
                lastMinute,
                toClear,
                current);
    }

    List<AuditLog.Entry> audit(long concertId, int limit) {
        existing(concertId);
        return audit.latest(concertId, limit);
    }

    Series series(long concertId) {
        existing(concertId);
        var now = clock.instant();
        var from = now.minus(CHARTED);
        var rows = samples.since(concertId, from.minus(Duration.ofMinutes(1)));
        var at = new ArrayList<Long>();
        var inLine = new ArrayList<Long>();
        var perMinute = new ArrayList<Long>();
        int first = 0;
        long inWindow = 0;
        for (int i = 0; i < rows.size(); i++) {
            var sample = rows.get(i);
            inWindow += sample.admitted();
            while (!rows.get(first).at().isAfter(sample.at().minus(Duration.ofMinutes(1)))) {
                inWindow -= rows.get(first).admitted();
                first++;
            }
            if (!sample.at().isBefore(from)) {
                at.add(sample.at().getEpochSecond());
                inLine.add(sample.inLine());
                perMinute.add(inWindow);
            }
        }
        return new Series(at, inLine, perMinute);
    }

    Instant now() {
        return clock.instant();
    }

    private void existing(long concertId) {
        if (!lines.get(concertId).exists()) {
            throw DomainException.notFound();
        }
    }

    private static QueueSettings withPaused(QueueSettings s, boolean paused) {
        return new QueueSettings(
                s.admitCount(),
                s.admitIntervalSeconds(),
                s.maxActive(),
                s.activeSeconds(),
                s.holdSeconds(),
                s.preQueueMinutes(),
                paused);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
