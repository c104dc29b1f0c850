package app.stagedoor.queue;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The organiser's settings of one concert's line, saved as a whole. A concert without a row runs on
 * the defaults of {@link QueueProperties}; the first change creates the row. Changes are made with
 * the line's row locked, and {@code @Version} refuses a save from a stale copy.
 */
@Table("queue_settings")
class LineSettings {

    @Id
    private final Long concertId;

    private int admitCount;
    private int admitIntervalSeconds;
    private Integer maxActive;
    private int activeSeconds;
    private int holdSeconds;
    private int preQueueMinutes;
    private boolean paused;
    private String message;
    private Instant updatedAt;
    private String updatedBy;

    @Version
    private final Integer version;

    @PersistenceCreator
    LineSettings(
            Long concertId,
            int admitCount,
            int admitIntervalSeconds,
            Integer maxActive,
            int activeSeconds,
            int holdSeconds,
            int preQueueMinutes,
            boolean paused,
            String message,
            Instant updatedAt,
            String updatedBy,
            Integer version) {
        this.concertId = concertId;
        this.admitCount = admitCount;
        this.admitIntervalSeconds = admitIntervalSeconds;
        this.maxActive = maxActive;
        this.activeSeconds = activeSeconds;
        this.holdSeconds = holdSeconds;
        this.preQueueMinutes = preQueueMinutes;
        this.paused = paused;
        this.message = message;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
        this.version = version;
    }

    /** The first settings an organiser gives a line. */
    static LineSettings first(long concertId, QueueSettings settings, String by, Instant now) {
        var created = new LineSettings(concertId, 0, 0, null, 0, 0, 0, false, null, null, null, null);
        created.change(settings, by, now);
        return created;
    }

    void change(QueueSettings settings, String by, Instant now) {
        this.admitCount = settings.admitCount();
        this.admitIntervalSeconds = settings.admitIntervalSeconds();
        this.maxActive = settings.maxActive();
        this.activeSeconds = settings.activeSeconds();
        this.holdSeconds = settings.holdSeconds();
        this.preQueueMinutes = settings.preQueueMinutes();
        this.paused = settings.paused();
        this.updatedAt = now;
        this.updatedBy = by;
    }

    /** A new message to everyone in the waiting room; null takes it down. */
    void changeMessage(String message, String by, Instant now) {
        this.message = message;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    QueueSettings value() {
        return new QueueSettings(
                admitCount, admitIntervalSeconds, maxActive, activeSeconds, holdSeconds, preQueueMinutes, paused);
    }

    /** What the organiser tells everyone in the waiting room; null for nothing. */
    String message() {
        return message;
    }
}
