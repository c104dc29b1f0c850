package app.stagedoor.queue;

import app.stagedoor.concert.AdmissionGate;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The module's API: join, poll, leave, and the organiser's settings and counts. It is also the
 * {@link AdmissionGate} of the catalogue and the holds.
 *
 * <p>A poll with a signed ticket costs no database access while the fan waits: their position is
 * their place minus the line's admitted-up-to mark, read from a snapshot a fraction of a second old.
 */
@Service
public class WaitingRoom implements AdmissionGate {

    private final QueueStore store;
    private final LineSnapshots lines;
    private final TicketSigner signer;
    private final LastSeen lastSeen;
    private final QueueProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WaitingRoom(
            QueueStore store,
            LineSnapshots lines,
            TicketSigner signer,
            LastSeen lastSeen,
            QueueProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.store = store;
        this.lines = lines;
        this.signer = signer;
        this.lastSeen = lastSeen;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Joins the concert's line, or returns the fan's live ticket: joining again, from any number of
     * tabs at once, gives the same ticket and place.
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
        var existing = store.findToken(concertId, memberId);
        if (existing.isPresent() && existing.get().isLiveAt(now)) {
            return ticket(existing.get(), now);
        }
        store.ensureLine(concertId);
        try {
            transaction.executeWithoutResult(status -> {
                // The line's row first, as the promoter does, so the two never wait on each other in a circle.
                long[] place = store.nextPlace(concertId);
                long tokenId;
                if (existing.isEmpty()) {
                    tokenId = store.insertWaiting(concertId, memberId, now);
                } else if (store.reopen(existing.get().id(), now) == 1) {
                    tokenId = existing.get().id();
                } else {
                    status.setRollbackOnly(); // another tab of this fan joined again first: give the place back
                    return;
                }
                store.placeInLine(tokenId, place[0], place[1]);
            });
        } catch (DuplicateKeyException anotherTabWasFirst) {
            // that tab's ticket is the fan's ticket
        }
        return ticket(store.findToken(concertId, memberId).orElseThrow(), clock.instant());
    }

    /**
     * Where the fan stands. With the signed ticket of a waiting fan this reads no database; without
     * one, or once the fan may have been admitted, it reads their ticket.
     */
    public QueueTicket status(long memberId, long concertId, String signedTicket) {
        var claims = signer.read(signedTicket)
                .filter(c -> c.memberId() == memberId && c.concertId() == concertId)
                .filter(c -> !lastSeen.isStale(c.tokenId()));
        if (claims.isPresent()) {
            var line = lines.get(concertId);
            if (!line.published()) {
                throw DomainException.notFound();
            }
            if (claims.get().seq() > line.admittedUpTo()) {
                lastSeen.record(claims.get().tokenId());
                return waiting(claims.get(), signedTicket, line);
            }
        }
        // an unpublished concert's line is as unknown to fans as an id that does not exist
        if (!lines.get(concertId).published()) {
            throw DomainException.notFound();
        }
        return store.findToken(concertId, memberId)
                .map(token -> ticket(token, clock.instant()))
                .orElseGet(
                        () -> QueueTicket.none(concertId, properties.pollMax().toMillis()));
    }

    /** Leaves the line, or gives up an admission. */
    public void leave(long memberId, long concertId) {
        if (!lines.get(concertId).published()) {
            throw DomainException.notFound();
        }
        expire(memberId, concertId, ExpireReason.LEFT, QueueStatus.WAIT, QueueStatus.ACTIVE)
                .ifPresent(lastSeen::markStale);
    }

    /** A paid reservation uses the admission up. */
    void expireAfterPayment(long memberId, long concertId) {
        expire(memberId, concertId, ExpireReason.PAID, QueueStatus.ACTIVE);
    }

    /**
     * Ends the fan's ticket: one conditional update of its own row, touching nothing the line shares,
     * so payments and leavers never queue behind each other or the promoter.
     *
     * @return the ticket's id when it ended here
     */
    private Optional<Long> expire(long memberId, long concertId, ExpireReason reason, QueueStatus... from) {
        return store.findToken(concertId, memberId)
                .filter(token -> store.expire(token.id(), reason, clock.instant(), from) == 1)
                .map(QueueStore.TokenRow::id);
    }

    @Override
    public Optional<Instant> admittedUntil(long memberId, long concertId) {
        var now = clock.instant();
        return store.findToken(concertId, memberId)
                .filter(token -> token.status() == QueueStatus.ACTIVE
                        && token.activeUntil().isAfter(now))
                .map(QueueStore.TokenRow::activeUntil);
    }

    @Override
    public Duration holdDuration(long concertId) {
        // from the line's cached snapshot: a hold reads no settings of its own
        return Duration.ofSeconds(lines.get(concertId).settings().holdSeconds());
    }

    public QueueSettings settings(long concertId) {
        return store.settings(concertId);
    }

    /** New settings for a concert's line, in effect from the promoter's next tick. */
    public QueueSettings updateSettings(long concertId, QueueSettings settings, String changedBy) {
        if (!lines.get(concertId).exists()) {
            throw DomainException.notFound();
        }
        store.ensureLine(concertId);
        transaction.executeWithoutResult(status -> {
            var now = clock.instant();
            store.lockLine(concertId);
            store.saveSettings(concertId, settings, changedBy, now);
            // a shorter interval applies from the next tick, not after the one already planned
            store.admitNoLaterThan(concertId, now.plusSeconds(settings.admitIntervalSeconds()));
        });
        lines.forget(concertId);
        return settings(concertId);
    }

    /** Counts for the organiser; these count the line, so they are for the admin pages only. */
    public QueueStats stats(long concertId) {
        if (!lines.get(concertId).exists()) {
            throw DomainException.notFound();
        }
        var line = store.findLine(concertId).orElse(QueueStore.LineRow.empty(concertId));
        var now = clock.instant();
        var counts = store.countsByStatus(concertId);
        return new QueueStats(
                counts.get(QueueStatus.WAIT),
                counts.get(QueueStatus.ACTIVE),
                line.admittedTotal(),
                counts.get(QueueStatus.EXPIRE),
                store.admittedSince(concertId, now.minus(Duration.ofMinutes(1))),
                settings(concertId).paused());
    }

    private QueueTicket ticket(QueueStore.TokenRow token, Instant now) {
        return switch (token.status()) {
            case WAIT -> {
                lastSeen.record(token.id());
                var claims = new TicketSigner.Claims(
                        token.id(), token.concertId(), token.memberId(), token.seq(), token.joinedMark());
                yield waiting(claims, signer.sign(claims), lines.get(token.concertId()));
            }
            case ACTIVE ->
                token.activeUntil().isAfter(now)
                        ? new QueueTicket(
                                token.concertId(),
                                QueueStatus.ACTIVE,
                                null,
                                null,
                                null,
                                token.activeUntil(),
                                properties.pollMax().toMillis(),
                                100,
                                false,
                                null)
                        : expired(token.concertId(), ExpireReason.TIMEOUT);
            case EXPIRE -> expired(token.concertId(), token.expireReason());
            case NONE ->
                QueueTicket.none(token.concertId(), properties.pollMax().toMillis());
        };
    }

    private QueueTicket expired(long concertId, ExpireReason reason) {
        return new QueueTicket(
                concertId,
                QueueStatus.EXPIRE,
                null,
                null,
                null,
                null,
                properties.pollMax().toMillis(),
                null,
                false,
                reason);
    }

    private QueueTicket waiting(TicketSigner.Claims claims, String signed, LineSnapshots.Snapshot line) {
        long position = Math.max(1, claims.seq() - line.admittedUpTo());
        boolean paused = line.settings().paused();
        Long eta = paused ? null : (long) Math.ceil(position / line.pace());
        long span = Math.max(1, claims.seq() - claims.joinedMark());
        int progress = (int) Math.min(99, Math.max(0, 100 * (line.admittedUpTo() - claims.joinedMark()) / span));
        return new QueueTicket(
                claims.concertId(),
                QueueStatus.WAIT,
                signed,
                position,
                eta,
                null,
                pollAfter(position, eta),
                progress,
                paused,
                null);
    }

    /**
     * Fans near the front poll every couple of seconds, fans far back up to every 30 seconds, so the
     * total poll rate stays bounded as the line grows; a little jitter keeps them from polling in step.
     * While admission is paused the place alone decides, so the front notices a resume at once.
     */
    private long pollAfter(long position, Long etaSeconds) {
        long min = properties.pollMin().toMillis();
        long max = properties.pollMax().toMillis();
        long wanted = etaSeconds == null ? position * 1000 : etaSeconds * 1000 / 10;
        long base = Math.max(min, Math.min(max, wanted));
        return base + ThreadLocalRandom.current().nextLong(base / 10 + 1);
    }
}
