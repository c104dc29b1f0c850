package app.stagedoor.queue;

import app.stagedoor.shared.ClusterJobs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The waiting room's meters, per concert (tag {@code concert}, the concert's id), on {@code
 * /actuator/prometheus}:
 *
 * <ul>
 *   <li>{@code stagedoor.queue.tickets} (gauge, tag {@code state}: {@code pre_queue}, {@code
 *       waiting}, {@code active}): the line now;
 *   <li>{@code stagedoor.queue.admitted} and {@code stagedoor.queue.expired} (tag {@code reason}:
 *       {@code left}, {@code timeout}, {@code abandoned}, {@code paid}): counters read from the
 *       database, so every instance reports the line's totals;
 *   <li>{@code stagedoor.queue.joins}, {@code stagedoor.queue.polls}: counters of what this
 *       instance answered;
 *   <li>{@code stagedoor.queue.draw}: a timer of the draws at opening.
 * </ul>
 *
 * <p>Scrapes never count the line: each instance reads every line's figures every {@link #REFRESH}
 * (through {@link LineCounts}) and the meters report what it read last.
 */
@Component
class QueueMetrics implements SchedulingConfigurer {

    static final Duration REFRESH = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(QueueMetrics.class);

    /** One concert's figures as last read. */
    private static final class Figures {
        volatile LineCounts.Counts counts = new LineCounts.Counts(0, 0, 0, Map.of());
        volatile long admitted;
    }

    private final MeterRegistry registry;
    private final LineCounts counts;
    private final LineStore lines;
    private final ClusterJobs jobs;
    private final Map<Long, Figures> figures = new ConcurrentHashMap<>();
    private final Map<Long, Counter> joins = new ConcurrentHashMap<>();
    private final Map<Long, Counter> polls = new ConcurrentHashMap<>();
    private final Map<Long, Timer> draws = new ConcurrentHashMap<>();

    QueueMetrics(MeterRegistry registry, LineCounts counts, LineStore lines, ClusterJobs jobs) {
        this.registry = registry;
        this.counts = counts;
        this.lines = lines;
        this.jobs = jobs;
    }

    /** A fan joined the concert's line (or came back to their ticket). */
    void joined(long concertId) {
        joins.computeIfAbsent(
                        concertId,
                        id -> Counter.builder("stagedoor.queue.joins")
                                .description("Joins of the waiting room answered by this instance")
                                .tag("concert", Long.toString(id))
                                .register(registry))
                .increment();
    }

    /** A fan asked where they stand. */
    void polled(long concertId) {
        polls.computeIfAbsent(
                        concertId,
                        id -> Counter.builder("stagedoor.queue.polls")
                                .description("Waiting-room polls answered by this instance")
                                .tag("concert", Long.toString(id))
                                .register(registry))
                .increment();
    }

    /** The draw at opening took this long. */
    void recordDraw(long concertId, Duration took) {
        draws.computeIfAbsent(
                        concertId,
                        id -> Timer.builder("stagedoor.queue.draw")
                                .description("Draws of the pre-queue into a random order at opening")
                                .tag("concert", Long.toString(id))
                                .register(registry))
                .record(took);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        jobs.onThisInstance(tasks, REFRESH, this::refresh);
    }

    /** Reads every line's figures once; the meters report them until the next read. */
    void refresh() {
        for (long concertId : lines.concertIds()) {
            try {
                var current = figures.computeIfAbsent(concertId, this::register);
                current.counts = counts.of(concertId);
                current.admitted = lines.findOrEmpty(concertId).admittedTotal();
            } catch (RuntimeException failure) {
                log.warn("Could not read the figures of concert {}'s line: {}", concertId, failure.toString());
            }
        }
    }

    private Figures register(long concertId) {
        var line = new Figures();
        var concert = Long.toString(concertId);
        Gauge.builder("stagedoor.queue.tickets", line, f -> f.counts.preQueue())
                .description("Tickets in the line now, by state")
                .tags("concert", concert, "state", "pre_queue")
                .register(registry);
        Gauge.builder("stagedoor.queue.tickets", line, f -> f.counts.waiting())
                .description("Tickets in the line now, by state")
                .tags("concert", concert, "state", "waiting")
                .register(registry);
        Gauge.builder("stagedoor.queue.tickets", line, f -> f.counts.active())
                .description("Tickets in the line now, by state")
                .tags("concert", concert, "state", "active")
                .register(registry);
        FunctionCounter.builder("stagedoor.queue.admitted", line, f -> f.admitted)
                .description("Fans admitted from the line")
                .tag("concert", concert)
                .register(registry);
        for (var reason : ExpireReason.values()) {
            FunctionCounter.builder(
                            "stagedoor.queue.expired",
                            line,
                            f -> f.counts.ended().getOrDefault(reason, 0L))
                    .description("Tickets that ended, by reason")
                    .tags("concert", concert, "reason", reason.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        return line;
    }
}
