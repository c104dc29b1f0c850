package app.stagedoor.queue;

import app.stagedoor.concert.AdmissionGate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The waiting room as the catalogue and the holds see it: who is admitted, and how long a hold lasts. */
@Component
class QueueGate implements AdmissionGate {

    private final TicketStore tickets;
    private final LineSnapshots lines;
    private final Clock clock;

    QueueGate(TicketStore tickets, LineSnapshots lines, Clock clock) {
        this.tickets = tickets;
        this.lines = lines;
        this.clock = clock;
    }

    @Override
    public Optional<Instant> admittedUntil(long memberId, long concertId) {
        var now = clock.instant();
        return tickets.live(concertId, memberId)
                .filter(ticket -> ticket.isAdmittedAt(now))
                .map(Ticket::activeUntil);
    }

    @Override
    public Duration holdDuration(long concertId) {
        // from the line's cached snapshot: a hold reads no settings of its own
        return Duration.ofSeconds(lines.get(concertId).settings().holdSeconds());
    }

    @Override
    public Instant joinOpensAt(long concertId) {
        return lines.get(concertId).joinOpensAt();
    }
}
