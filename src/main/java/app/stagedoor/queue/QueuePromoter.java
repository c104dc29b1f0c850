package app.stagedoor.queue;

import app.stagedoor.concert.Catalogue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves every line: ends admissions that ran out, drops fans who stopped polling, gives places (at
 * the on-sale time the draw, which puts the pre-queue in a random order; after it, each tick, the
 * fans who joined since, in join order), and admits the next fans in order at the organiser's pace.
 * Nobody is admitted before the draw has run. It runs on one instance per tick (ShedLock), and each
 * concert's admission is also claimed with a conditional update, so even two promoters racing the
 * same tick admit once. All of its state is in the database: a restart picks up where it was.
 */
@Component
class QueuePromoter {

    private static final Logger log = LoggerFactory.getLogger(QueuePromoter.class);
    private static final double SMOOTHING = 0.3;

    record Outcome(int admitted, int expired, long mark) {}

    /**
     * What an organiser's admission by hand did.
     *
     * @param asked how many were asked for; null for everyone waiting
     * @param capped {@code maxActive} let fewer in than asked while fans were still waiting
     */
    record ByHand(Integer asked, int admitted, boolean capped) {}

    /** Tickets admitted per statement when an organiser lets many in at once. */
    private static final int BY_HAND_BATCH = 1_000;

    private final TicketStore tickets;
    private final LineStore lines;
    private final Settings settings;
    private final AdmissionLog admissions;
    private final Draws draws;
    private final Catalogue catalogue;
    private final LineSamples samples;
    private final QueueMetrics metrics;
    private final QueueProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    QueuePromoter(
            TicketStore tickets,
            LineStore lines,
            Settings settings,
            AdmissionLog admissions,
            Draws draws,
            Catalogue catalogue,
            LineSamples samples,
            QueueMetrics metrics,
            QueueProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.tickets = tickets;
        this.lines = lines;
        this.settings = settings;
        this.admissions = admissions;
        this.draws = draws;
        this.catalogue = catalogue;
        this.samples = samples;
        this.metrics = metrics;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Every line, one after the other; {@link QueueJobs} calls this on one instance per tick. */
    void tick() {
        admissions.forgetBefore(clock.instant());
        for (long concertId : lines.concertIds()) {
            try {
                promote(concertId);
            } catch (RuntimeException failure) {
                log.warn("Could not move the line of concert {}: {}", concertId, failure.toString());
            }
        }
    }

    /** One tick of one concert's line, in one transaction. */
    Outcome promote(long concertId) {
        return transaction.execute(status -> promote(concertId, clock.instant()));
    }

    /**
     * Only the first step of a tick: gives the fans who joined since the last one their places (at
     * the on-sale time, the draw), and admits nobody.
     *
     * @return whether the line gives places, that is whether the draw has run
     */
    boolean place(long concertId) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            lines.lock(concertId);
            return place(concertId, lines.findOrEmpty(concertId), clock.instant());
        }));
    }

    private Outcome promote(long concertId, Instant now) {
        lines.lock(concertId);
        var settings = this.settings.of(concertId);
        // After a gap in the ticks (every instance was down) nobody could poll: nobody is gone for that.
        var before = lines.findOrEmpty(concertId);
        boolean resumed = before.tickedAt() == null
                || before.tickedAt()
                        .isBefore(now.minus(properties.abandonAfter().dividedBy(2)));
        if (resumed) {
            tickets.seenWaiting(concertId, now);
        }
        int expired = tickets.expireTimedOut(concertId, now)
                + (resumed ? 0 : tickets.expireAbandoned(concertId, now.minus(properties.abandonAfter()), now));

        boolean placing = place(concertId, lines.findOrEmpty(concertId), now);

        int admitted = 0;
        boolean admissionRan = placing
                && !settings.paused()
                && lines.claimAdmission(concertId, now, now.plusSeconds(settings.admitIntervalSeconds())) == 1;
        if (admissionRan) {
            int room = settings.admitCount();
            if (settings.maxActive() != null) {
                room = (int) Math.min(
                        room, Math.max(0, settings.maxActive() - tickets.countInStatus(concertId, QueueStatus.ACTIVE)));
            }
            if (room > 0) {
                admitted = tickets.admit(
                        tickets.nextWaiting(concertId, room), now, now.plusSeconds(settings.activeSeconds()));
            }
        }

        var line = lines.findOrEmpty(concertId);
        var firstWaiting = tickets.firstWaitingSeq(concertId);
        // Every place before the first fan still waiting has been admitted or has left.
        long mark =
                Math.max(line.admittedUpTo(), firstWaiting.map(seq -> seq - 1).orElse(line.lastSeq()));

        double pace = line.placesPerSecond();
        Instant measuredAt = line.measuredAt();
        if (admissionRan && firstWaiting.isPresent()) {
            // The line is longer than one admission: how fast it moved since the last one is its pace.
            if (measuredAt != null && now.isAfter(measuredAt)) {
                double seconds = Duration.between(measuredAt, now).toMillis() / 1000.0;
                double observed = (mark - line.admittedUpTo()) / seconds;
                pace = pace == 0 ? observed : SMOOTHING * observed + (1 - SMOOTHING) * pace;
            }
            measuredAt = now;
        } else if (firstWaiting.isEmpty()) {
            measuredAt = null; // an empty line has no pace; the next rush measures afresh
        }
        lines.advance(concertId, mark, admitted, pace, measuredAt, now);
        if (admitted > 0) {
            admissions.record(concertId, now, admitted, mark);
        }
        samples.afterTick(concertId, now, line.lastSeq() - mark, admitted); // the console's chart
        return new Outcome(admitted, expired, mark);
    }

    /**
     * Gives places behind the line's last one: at the first tick at or after the on-sale time, the
     * draw (however many instances run, the line's lock and {@link Draws#drawn} let it run once);
     * after it, the tickets that joined since, in join order.
     *
     * @return whether the line gives places, that is whether the draw has run
     */
    private boolean place(long concertId, LineStore.Line line, Instant now) {
        long last = line.lastSeq();
        long through = line.numberedThrough();
        var draw = draws.of(concertId, now);
        if (!draw.drawn()) {
            var concert = catalogue.findConcert(concertId);
            if (concert.isEmpty()
                    || !concert.get().published()
                    || concert.get().salesOpenAt().isAfter(now)) {
                return false;
            }
            long started = System.nanoTime();
            var entrants = tickets.unplaced(concertId, concert.get().salesOpenAt());
            var idOf = new HashMap<String, Long>(entrants.size() * 2);
            entrants.forEach(entrant -> idOf.put(entrant.drawCode(), entrant.id()));
            var order = DrawOrder.shuffle(
                    draw.seedBytes(),
                    entrants.stream().map(TicketStore.Unplaced::drawCode).toList());
            tickets.place(order.stream().map(idOf::get).toList(), last + 1, line.admittedUpTo());
            var took = Duration.ofNanos(System.nanoTime() - started);
            draws.drawn(concertId, now, last + 1, entrants.size(), took);
            metrics.recordDraw(concertId, took);
            log.info(
                    "Drew the places of {} fans in the pre-queue of concert {} in {} ms",
                    entrants.size(),
                    concertId,
                    took.toMillis());
            last += entrants.size();
            through = Math.max(through, maxId(entrants));
        }
        var newcomers = tickets.unplaced(concertId, null);
        if (!newcomers.isEmpty()) {
            tickets.place(newcomers.stream().map(TicketStore.Unplaced::id).toList(), last + 1, line.admittedUpTo());
            last += newcomers.size();
            through = Math.max(through, maxId(newcomers));
        }
        if (last != line.lastSeq() || through != line.numberedThrough()) {
            lines.placed(concertId, last, through);
        }
        return true;
    }

    private static long maxId(List<TicketStore.Unplaced> tickets) {
        return tickets.stream().mapToLong(TicketStore.Unplaced::id).max().orElse(0);
    }

    /**
     * The organiser's "Admit N now" ({@code count}) and "Admit everyone" (null): admits the next
     * waiting fans at once, in line order and within {@code maxActive}, through the same statements
     * as a tick, under the line's lock. The planned ticks go on as they were.
     */
    ByHand admitNow(long concertId, Integer count) {
        return transaction.execute(status -> {
            var now = clock.instant();
            lines.lock(concertId);
            if (!place(concertId, lines.findOrEmpty(concertId), now)) {
                return new ByHand(count, 0, false); // nobody is admitted before the draw
            }
            var settings = this.settings.of(concertId);
            long wanted = count == null ? Long.MAX_VALUE : Math.max(0, count);
            long room = settings.maxActive() == null
                    ? Long.MAX_VALUE
                    : Math.max(0, settings.maxActive() - tickets.countInStatus(concertId, QueueStatus.ACTIVE));
            long allowed = Math.min(wanted, room);
            var until = now.plusSeconds(settings.activeSeconds());
            int admitted = 0;
            while (admitted < allowed) {
                var next = tickets.nextWaiting(concertId, (int) Math.min(BY_HAND_BATCH, allowed - admitted));
                int batch = next.isEmpty() ? 0 : tickets.admit(next, now, until);
                if (batch == 0) {
                    break;
                }
                admitted += batch;
            }
            var line = lines.findOrEmpty(concertId);
            var firstWaiting = tickets.firstWaitingSeq(concertId);
            long mark = Math.max(
                    line.admittedUpTo(), firstWaiting.map(seq -> seq - 1).orElse(line.lastSeq()));
            lines.advance(concertId, mark, admitted, line.placesPerSecond(), line.measuredAt(), now);
            if (admitted > 0) {
                admissions.record(concertId, now, admitted, mark);
            }
            samples.afterTick(concertId, now, line.lastSeq() - mark, admitted);
            boolean capped = room < wanted && firstWaiting.isPresent();
            return new ByHand(count, admitted, capped);
        });
    }
}
