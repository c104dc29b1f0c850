package app.stagedoor.queue;

import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
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
    private final TicketSigner signer;
    private final LastSeen lastSeen;
    private final QueueMetrics metrics;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WaitingRoom(
            TicketStore tickets,
            LineStore lineStore,
            LineSnapshots lines,
            Settings settings,
            AdmissionLog admissions,
            Positions positions,
            TicketSigner signer,
            LastSeen lastSeen,
            QueueMetrics metrics,
            TransactionTemplate transaction,
            Clock clock) {
        this.tickets = tickets;
        this.lineStore = lineStore;
        this.lines = lines;
        this.settings = settings;
        this.admissions = admissions;
        this.positions = positions;
        this.signer = signer;
        this.lastSeen = lastSeen;
        this.metrics = metrics;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Joins the concert's line, or returns the fan's live ticket: joining again, from any number of
     * tabs at once, gives the same ticket and place. A fan whose last ticket ended gets a new one
     * at the back.
     *
     * @throws DomainException {@code NOT_FOUND} for an unknown or unpublished concert, {@code
     *     SALES_NOT_OPEN} before its on-sale time
     */
    @Retryable(includes = PessimisticLockingFailureException.class, maxRetries = 3, delay = 20, jitter = 10)
    public QueueTicket join(long memberId, long concertId) {
        var line = lines.get(concertId);
        var now = clock.instant();
        if (!line.published()) {
            throw DomainException.notFound();
        }
        if (line.salesOpenAt().isAfter(now)) {
            throw new DomainException(
                    ErrorCode.SALES_NOT_OPEN, Map.of("salesOpenAt", line.salesOpenAt()), line.salesOpenAt());
        }
        metrics.joined(concertId);
        var live = tickets.live(concertId, memberId);
        if (live.isPresent() && live.get().isLiveAt(now)) {
            return positions.of(live.get(), now);
        }
        lineStore.ensure(concertId);
        try {
            var joined = transaction.execute(status -> {
                // The line's row first, as the promoter does, so the two never wait on each other in a circle.
                long[] place = lineStore.nextPlace(concertId);
                live.ifPresent(lapsed -> tickets.expireLapsed(lapsed.id(), now));
                return tickets.insertWaiting(concertId, memberId, place[0], place[1], now);
            });
            return positions.of(joined, now);
        } catch (DuplicateKeyException anotherTabWasFirst) {
            // that tab's ticket is the fan's ticket, and its place went back with the rollback
            return positions.of(tickets.live(concertId, memberId).orElseThrow(), clock.instant());
        }
    }

    /**
     * Where the fan stands. With the signed ticket of a waiting fan this reads no database; without
     * one, or once the fan may have been admitted, it reads their ticket.
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
        if (claims.isPresent() && claims.get().seq() > line.admittedUpTo()) {
            lastSeen.record(claims.get().ticketId());
            return positions.waiting(claims.get(), signedTicket, line);
        }
        return tickets.latest(concertId, memberId)
                .map(ticket -> positions.of(ticket, clock.instant()))
                .orElseGet(() -> positions.none(concertId));
    }

    /** Leaves the line, or gives up an admission. */
    public void leave(long memberId, long concertId) {
        if (!lines.get(concertId).published()) {
            throw DomainException.notFound();
        }
        expire(memberId, concertId, ExpireReason.LEFT);
    }

    /** A paid reservation uses the admission up. */
    void expireAfterPayment(long memberId, long concertId) {
        expire(memberId, concertId, ExpireReason.PAID);
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

    /** The organiser's message to everyone in the concert's line, as of the line's snapshot. */
    public Optional<String> message(long concertId) {
        return Optional.ofNullable(lines.get(concertId).message());
    }

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
