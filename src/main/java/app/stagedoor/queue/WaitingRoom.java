package app.stagedoor.queue;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.shared.PollPace;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The module's API: join, poll, leave, and the organiser's settings and counts. Who may pick seats
 * is {@link QueueGate}'s to answer; what a fan is told, {@link Positions}'.
 *
 * <p>A poll with a signed ticket costs no database access while the fan waits: their position is
 * their place minus the line's admitted-up-to mark, read from a snapshot a fraction of a second old.
 */
@Service
public class WaitingRoom {

    private final TicketStore tickets;
    private final LineStore lineStore;
    private final LineSnapshots lines;
    private final Settings settings;
    private final AdmissionLog admissions;
    private final Positions positions;
    private final Draws draws;
    private final DrawOrders drawOrders;
    private final Joins joins;
    private final TicketSigner signer;
    private final LastSeen lastSeen;
    private final QueueMetrics metrics;
    private final TransactionTemplate transaction;
    private final PollPace pace;
    private final Clock clock;

    WaitingRoom(
            TicketStore tickets,
            LineStore lineStore,
            LineSnapshots lines,
            Settings settings,
            AdmissionLog admissions,
            Positions positions,
            Draws draws,
            DrawOrders drawOrders,
            Joins joins,
            TicketSigner signer,
            LastSeen lastSeen,
            QueueMetrics metrics,
            TransactionTemplate transaction,
            PollPace pace,
            Clock clock) {
        this.tickets = tickets;
        this.lineStore = lineStore;
        this.lines = lines;
        this.settings = settings;
        this.admissions = admissions;
        this.positions = positions;
        this.draws = draws;
        this.drawOrders = drawOrders;
        this.joins = joins;
        this.signer = signer;
        this.lastSeen = lastSeen;
        this.metrics = metrics;
        this.transaction = transaction;
        this.pace = pace;
        this.clock = clock;
    }

    /**
     * Joins the concert's line, or returns the fan's live ticket: joining again, from any number of
     * tabs at once, gives the same ticket. From the pre-queue's opening until the on-sale time the
     * ticket waits in the pre-queue, to be drawn into a random place at opening; after it the
     * promoter places it behind everyone who joined before, at its next tick. A fan whose last
     * ticket ended gets a new one at the back. A join locks nothing the line shares: fans who join
     * at the same moment are written together ({@link Joins}), guarded by the unique key on live
     * tickets.
     *
     * @throws DomainException {@code NOT_FOUND} for an unknown or unpublished concert, {@code
     *     SALES_NOT_OPEN} before the pre-queue opens (or, without one, before the on-sale time)
     */
    @Retryable(includes = PessimisticLockingFailureException.class, maxRetries = 3, delay = 20, jitter = 10)
    public QueueTicket join(long memberId, long concertId) {
        var line = lines.get(concertId);
        var now = clock.instant();
        if (!line.published()) {
            throw DomainException.notFound();
        }
        if (line.joinOpensAt().isAfter(now)) {
            throw new DomainException(
                    ErrorCode.SALES_NOT_OPEN,
                    Map.of("salesOpenAt", line.salesOpenAt(), "joinOpensAt", line.joinOpensAt()),
                    line.joinOpensAt());
        }
        metrics.joined(concertId);
        if (!line.lineExists()) {
            lineStore.ensure(concertId);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            var ticket = joins.join(concertId, memberId, now);
            if (ticket == null) {
                continue; // the ticket the fan had ended while the join was written: join again
            }
            if (ticket.isLiveAt(now)) {
                return positions.of(ticket, now);
            }
            // an admission that ran out before the promoter ended it: end it, and join at the back
            if (tickets.expireLapsed(ticket.id(), now) == 1) {
                lastSeen.markStale(ticket.id());
            }
        }
        throw new PessimisticLockingFailureException("the fan's tickets changed under three joins in a row");
    }

    /**
     * Where the fan stands. With the signed ticket of a waiting fan this reads no database: their
     * position comes from their place and the line's snapshot, and a ticket without a place is
     * answered from the snapshot until the line has placed it. Without a ticket, or once the fan
     * may have been admitted or placed, it reads their ticket.
     */
    public QueueTicket status(long memberId, long concertId, String signedTicket) {
        var claims = signer.read(signedTicket)
                .filter(c -> c.memberId() == memberId && c.concertId() == concertId)
                .filter(c -> !lastSeen.isStale(c.ticketId()));
        var line = lines.get(concertId);
        // an unpublished concert's line is as unknown to fans as an id that does not exist
        if (!line.published()) {
            throw DomainException.notFound();
        }
        metrics.polled(concertId);
        if (claims.isPresent()) {
            var ticket = claims.get();
            var drawnPlace =
                    ticket.seq() == 0 ? positions.drawnPlace(ticket, line) : Optional.<TicketSigner.Claims>empty();
            if (drawnPlace.isPresent() && drawnPlace.get().seq() > line.admittedUpTo()) {
                // the draw gave this pre-queue ticket its place: known from the drawn order, in memory
                lastSeen.record(ticket.ticketId());
                return positions.waiting(drawnPlace.get(), signer.sign(drawnPlace.get()), line);
            }
            if (ticket.seq() > line.admittedUpTo()) {
                lastSeen.record(ticket.ticketId());
                return positions.waiting(ticket, signedTicket, line);
            }
            if (ticket.seq() == 0 && drawnPlace.isEmpty() && ticket.ticketId() > line.numberedThrough()) {
                lastSeen.record(ticket.ticketId());
                return positions.withoutPlace(ticket, signedTicket, line, clock.instant());
            }
        }
        return tickets.latest(concertId, memberId)
                .map(ticket -> {
                    if (ticket.status() == QueueStatus.WAIT) {
                        lastSeen.record(ticket.id());
                    }
                    return positions.of(ticket, clock.instant());
                })
                .orElseGet(() -> positions.none(concertId));
    }

    /**
     * A fan's poll: where they stand ({@link #status}), with the interval its answer tells them
     * noted in {@link PollPace}, to which the rate limits hold their next poll of this line.
     */
    public QueueTicket poll(long memberId, long concertId, String signedTicket) {
        var ticket = status(memberId, concertId, signedTicket);
        pace.told(memberId, concertId, Duration.ofMillis(ticket.pollAfterMillis()));
        return ticket;
    }

    /** Leaves the line, or gives up an admission. */
    public void leave(long memberId, long concertId) {
        if (!lines.get(concertId).published()) {
            throw DomainException.notFound();
        }
        expire(memberId, concertId, ExpireReason.LEFT);
    }

    /**
     * A paid reservation uses the admission up: one conditional update of the fan's live ticket,
     * with no read before it. (Nothing of an admitted fan's ticket is trusted from its signed copy,
     * so, unlike a waiting ticket that is left, it need not be marked stale for the polls.)
     */
    void expireAfterPayment(long memberId, long concertId) {
        tickets.expireLive(concertId, memberId, ExpireReason.PAID, clock.instant());
    }

    /**
     * Ends the fan's live ticket: one conditional update of its own row, touching nothing the line
     * shares, so payments and leavers never queue behind each other or the promoter.
     */
    private void expire(long memberId, long concertId, ExpireReason reason) {
        tickets.live(concertId, memberId)
                .filter(ticket -> ticket.canExpire(reason))
                .filter(ticket -> tickets.expire(ticket.id(), reason, clock.instant()) == 1)
                .ifPresent(ended -> lastSeen.markStale(ended.id()));
    }

    /**
     * The line's draw as anyone may check it. The seed is committed to on the first question
     * about it, before anyone can join; once drawn the answer never changes, and it is kept.
     */
    public PublishedDraw draw(long concertId) {
        var line = lines.get(concertId);
        if (!line.published()) {
            throw DomainException.notFound();
        }
        return publishedDraws.get(concertId, id -> {
            var draw = draws.of(id, clock.instant());
            if (!draw.drawn()) {
                return new PublishedDraw(draw.commitment(), null, line.salesOpenAt(), null, null, DrawOrder.ALGORITHM);
            }
            var order = drawOrders.of(id).orElseThrow();
            var entrants = new java.util.ArrayList<PublishedDraw.Entrant>(order.size());
            for (int i = 0; i < order.size(); i++) {
                entrants.add(new PublishedDraw.Entrant(order.code(i), i + 1));
            }
            return new PublishedDraw(
                    draw.commitment(), draw.seed(), line.salesOpenAt(), draw.drawnAt(), entrants, DrawOrder.ALGORITHM);
        });
    }

    /** Drawn lines' answers are final and kept; an undrawn one's for a second. */
    private final com.github.benmanes.caffeine.cache.Cache<Long, PublishedDraw> publishedDraws =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(100)
                    .expireAfter(com.github.benmanes.caffeine.cache.Expiry.<Long, PublishedDraw>creating(
                            (id, draw) -> draw.drawnAt() == null ? Duration.ofSeconds(1) : Duration.ofHours(1)))
                    .build();

    public QueueSettings settings(long concertId) {
        return settings.of(concertId);
    }

    /** New settings for a concert's line, in effect from the promoter's next tick. */
    public QueueSettings updateSettings(long concertId, QueueSettings changed, String changedBy) {
        if (!lines.get(concertId).exists()) {
            throw DomainException.notFound();
        }
        lineStore.ensure(concertId);
        transaction.executeWithoutResult(status -> {
            var now = clock.instant();
            lineStore.lock(concertId);
            settings.change(concertId, changed, changedBy, now);
            // a shorter interval applies from the next tick, not after the one already planned
            lineStore.admitNoLaterThan(concertId, now.plusSeconds(changed.admitIntervalSeconds()));
        });
        lines.forget(concertId);
        return settings(concertId);
    }

    /** Counts for the organiser; these count the line, so they are for the admin pages only. */
    public QueueStats stats(long concertId) {
        if (!lines.get(concertId).exists()) {
            throw DomainException.notFound();
        }
        var line = lineStore.findOrEmpty(concertId);
        var counts = tickets.countsByStatus(concertId);
        return new QueueStats(
                counts.get(QueueStatus.WAIT),
                counts.get(QueueStatus.ACTIVE),
                line.admittedTotal(),
                counts.get(QueueStatus.EXPIRE),
                admissions.admittedSince(concertId, clock.instant().minus(Duration.ofMinutes(1))),
                settings(concertId).paused());
    }
}
