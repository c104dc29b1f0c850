package app.stagedoor.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * What a fan is told about their ticket: the position from their place and the line's mark, the
 * wait from the pace the line actually moved, the progress since joining, and when to poll again.
 */
@Component
class Positions {

    private final QueueProperties properties;
    private final TicketSigner signer;
    private final LineSnapshots lines;
    private final DrawOrders drawOrders;

    Positions(QueueProperties properties, TicketSigner signer, LineSnapshots lines, DrawOrders drawOrders) {
        this.properties = properties;
        this.signer = signer;
        this.lines = lines;
        this.drawOrders = drawOrders;
    }

    /**
     * A pre-queue ticket's claims with the place the draw gave it, from the drawn order in memory
     * (its ticket may not have it written yet); empty before the draw or for a ticket not drawn.
     */
    java.util.Optional<TicketSigner.Claims> drawnPlace(TicketSigner.Claims claims, LineSnapshots.Snapshot line) {
        if (!line.drawn()) {
            return java.util.Optional.empty();
        }
        return drawOrders.of(claims.concertId()).flatMap(order -> {
            var place = order.placeOf(claims.ticketId());
            return place.isPresent()
                    ? java.util.Optional.of(claims.placed(place.getAsLong(), order.firstPlace() - 1))
                    : java.util.Optional.empty();
        });
    }

    /**
     * The fan's standing from their ticket as the database has it. (A poll that read it also
     * records the fan as seen; a join need not: the new row says so.)
     */
    QueueTicket of(Ticket ticket, Instant now) {
        return switch (ticket.status()) {
            case WAIT -> {
                var line = lines.get(ticket.concertId());
                var claims = TicketSigner.Claims.of(ticket);
                if (!ticket.hasPlace()) {
                    claims = drawnPlace(claims, line).orElse(claims);
                }
                yield claims.seq() > 0
                        ? waiting(claims, signer.sign(claims), line)
                        : withoutPlace(claims, signer.sign(claims), line, now);
            }
            case ACTIVE ->
                ticket.isAdmittedAt(now)
                        ? QueueTicket.admitted(ticket.concertId(), ticket.activeUntil(), slowest(), ticket.drawCode())
                        : QueueTicket.expired(ticket.concertId(), ExpireReason.TIMEOUT, slowest(), ticket.drawCode());
            case EXPIRE -> QueueTicket.expired(ticket.concertId(), ticket.expireReason(), slowest(), ticket.drawCode());
            case NONE -> throw new IllegalStateException("NONE is no state of a ticket");
        };
    }

    /** A fan without a ticket. */
    QueueTicket none(long concertId) {
        return QueueTicket.none(concertId, slowest(), lines.get(concertId).message());
    }

    /** A waiting fan's standing from their signed ticket and the line's snapshot: no database. */
    QueueTicket waiting(TicketSigner.Claims claims, String signed, LineSnapshots.Snapshot line) {
        long position = Math.max(1, claims.seq() - line.admittedUpTo());
        boolean paused = line.settings().paused();
        Long eta = paused ? null : (long) Math.ceil(position / line.pace());
        long span = Math.max(1, claims.seq() - claims.joinedMark());
        int progress = (int) Math.min(99, Math.max(0, 100 * (line.admittedUpTo() - claims.joinedMark()) / span));
        return QueueTicket.waiting(
                claims.concertId(),
                signed,
                position,
                eta,
                pollAfter(position, eta),
                progress,
                paused,
                claims.drawCode(),
                line.message());
    }

    /**
     * A fan whose ticket has no place yet, from their signed ticket and the snapshot: no database.
     * In the pre-queue they ask again at the draw (or every {@code pollMax} until then), spread
     * over {@code drawPollSpread} so the whole pre-queue does not ask in the same millisecond;
     * after it (the place comes at the promoter's next tick) after {@code pollMin}, spread alike.
     */
    QueueTicket withoutPlace(TicketSigner.Claims claims, String signed, LineSnapshots.Snapshot line, Instant now) {
        boolean preQueue = line.beforeDrawAt(now);
        long spread = properties.drawPollSpread().toMillis();
        long pollAfter;
        if (preQueue) {
            long untilDraw = Duration.between(now, line.salesOpenAt()).toMillis();
            pollAfter = untilDraw > properties.pollMax().toMillis()
                    ? properties.pollMax().toMillis()
                    : untilDraw + ThreadLocalRandom.current().nextLong(spread + 1);
        } else {
            pollAfter =
                    properties.tick().toMillis() + ThreadLocalRandom.current().nextLong(spread + 1);
        }
        return QueueTicket.withoutPlace(
                claims.concertId(),
                signed,
                preQueue ? line.salesOpenAt() : null,
                pollAfter,
                line.settings().paused(),
                claims.drawCode(),
                line.message());
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

    private long slowest() {
        return properties.pollMax().toMillis();
    }
}
