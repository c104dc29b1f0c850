package app.stagedoor.queue;

import app.stagedoor.concert.Catalogue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalLong;
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
     * What an organiser's admission by hand did; serializable, for it is shown after a redirect as a
     * flash attribute, which the session keeps (in the database).
     *
     * @param asked how many were asked for; null for everyone waiting
     * @param capped {@code maxActive} let fewer in than asked while fans were still waiting
     */
    record ByHand(Integer asked, int admitted, boolean capped) implements java.io.Serializable {}

    /** Tickets admitted per statement when an organiser lets many in at once. */
    private static final int BY_HAND_BATCH = 1_000;

    private final TicketStore tickets;
    private final LineStore lines;
    private final Settings settings;
    private final AdmissionLog admissions;
    private final Draws draws;
    private final DrawOrders drawOrders;
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
            DrawOrders drawOrders,
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
        this.drawOrders = drawOrders;
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
            return place(concertId, lines.findOrEmpty(concertId), clock.instant(), 0)
                    .isPresent();
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

        var placed = place(concertId, lines.findOrEmpty(concertId), now, settings.admitCount());

        int admitted = 0;
        boolean admissionRan = placed.isPresent()
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
                        tickets.nextWaiting(concertId, room, placed.getAsLong()),
                        now,
                        now.plusSeconds(settings.activeSeconds()));
            }
        }

        var line = lines.findOrEmpty(concertId);
        long placedThrough = placed.orElse(0);
        var firstWaiting = tickets.firstWaitingSeq(concertId, placedThrough);
        // Every place before the first fan still waiting has been admitted or has left.
        long mark =
                Math.max(line.admittedUpTo(), firstWaiting.map(seq -> seq - 1).orElse(placedThrough));

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
     * after it, the tickets that joined since, in join order. The draw decides every entrant's place
     * at once and stores the order ({@link DrawOrders}); the places are written into the tickets
     * front first, at least {@code drawWriteChunk} a tick and always ahead of what this tick may
     * admit ({@code wanted}), so a large draw does not hold up the line.
     *
     * @return the last place up to which every place is in its ticket (admission stops there);
     *     empty before the draw, when nobody may be admitted
     */
    private OptionalLong place(long concertId, LineStore.Line line, Instant now, long wanted) {
        long last = line.lastSeq();
        long through = line.numberedThrough();
        var draw = draws.of(concertId, now);
        Instant salesOpenAt = null;
        if (!draw.drawn()) {
            var concert = catalogue.findConcert(concertId);
            if (concert.isEmpty()
                    || !concert.get().published()
                    || concert.get().salesOpenAt().isAfter(now)) {
                return OptionalLong.empty();
            }
            salesOpenAt = concert.get().salesOpenAt();
            draw = draw(concertId, draw, salesOpenAt, last + 1, now);
            last += draw.entrants();
            through = Math.max(through, draw.maxEntrantId());
        }
        if (!draw.allWritten()) {
            long needed = Math.max(draw.writtenThrough() + properties.drawWriteChunk(), line.admittedUpTo() + wanted);
            int upTo = (int) Math.min(draw.entrants(), Math.max(0, needed - (draw.firstPlace() - 1)));
            var order = drawOrders.of(concertId).orElseThrow();
            tickets.place(
                    java.util.Arrays.copyOfRange(order.ids(), draw.written(), upTo),
                    draw.firstPlace() + draw.written(),
                    draw.firstPlace() - 1);
            draws.written(concertId, upTo);
            draw = draws.of(concertId, now);
        }
        if (salesOpenAt == null && !draw.allWritten()) {
            salesOpenAt = catalogue.findConcert(concertId).orElseThrow().salesOpenAt();
        }
        var newcomers = draw.allWritten()
                ? tickets.newcomers(concertId, null, null)
                : tickets.newcomers(concertId, salesOpenAt, draw.maxEntrantId());
        if (!newcomers.isEmpty()) {
            tickets.place(
                    newcomers.stream().mapToLong(TicketStore.Unplaced::id).toArray(), last + 1, line.admittedUpTo());
            last += newcomers.size();
            through = Math.max(through, maxId(newcomers));
        }
        if (last != line.lastSeq() || through != line.numberedThrough()) {
            lines.placed(concertId, last, through);
        }
        return OptionalLong.of(draw.allWritten() ? last : draw.writtenThrough());
    }

    private static long maxId(List<TicketStore.Unplaced> tickets) {
        return tickets.stream().mapToLong(TicketStore.Unplaced::id).max().orElse(0);
    }

    /** The draw itself: the entrants in the order the seed gives them, stored, once. */
    private Draws.Draw draw(long concertId, Draws.Draw committed, Instant salesOpenAt, long firstPlace, Instant now) {
        long started = System.nanoTime();
        var entrants = tickets.entrants(concertId, salesOpenAt);
        var drawn = DrawOrder.shuffle(
                committed.seedBytes(),
                entrants.stream().map(TicketStore.Unplaced::drawCode).toList());
        var indexOf = new HashMap<String, Integer>(drawn.size() * 2);
        for (int i = 0; i < drawn.size(); i++) {
            indexOf.put(drawn.get(i), i);
        }
        var ids = new long[drawn.size()];
        var codes = new long[drawn.size()];
        for (var entrant : entrants) {
            int at = indexOf.get(entrant.drawCode());
            ids[at] = entrant.id();
            codes[at] = java.util.HexFormat.fromHexDigitsToLong(entrant.drawCode());
        }
        drawOrders.save(concertId, firstPlace, ids, codes);
        var took = Duration.ofNanos(System.nanoTime() - started);
        draws.drawn(concertId, now, firstPlace, entrants.size(), maxId(entrants), took);
        metrics.recordDraw(concertId, took);
        log.info(
                "Drew the places of {} fans in the pre-queue of concert {} in {} ms",
                entrants.size(),
                concertId,
                took.toMillis());
        return draws.of(concertId, now);
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
            var placed =
                    place(concertId, lines.findOrEmpty(concertId), now, count == null ? Long.MAX_VALUE / 2 : count);
            if (placed.isEmpty()) {
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
                var next = tickets.nextWaiting(
                        concertId, (int) Math.min(BY_HAND_BATCH, allowed - admitted), placed.getAsLong());
                int batch = next.isEmpty() ? 0 : tickets.admit(next, now, until);
                if (batch == 0) {
                    break;
                }
                admitted += batch;
            }
            var line = lines.findOrEmpty(concertId);
            var firstWaiting = tickets.firstWaitingSeq(concertId, placed.getAsLong());
            long mark = Math.max(
                    line.admittedUpTo(), firstWaiting.map(seq -> seq - 1).orElse(placed.getAsLong()));
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
