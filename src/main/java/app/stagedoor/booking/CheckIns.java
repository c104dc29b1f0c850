package app.stagedoor.booking;

import app.stagedoor.shared.Codes;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checking tickets in at the door. Each ticket admits once: the check-in is one conditional update,
 * so of several doors scanning one code at the same moment exactly one hears "valid"; the others,
 * and a ticket refunded in the meantime, are told why not.
 */
@Service
class CheckIns {

    record Admitted(Ticket ticket, Instant checkedInAt) {}

    private final ETicketStore tickets;
    private final BookingActivity activity;
    private final Clock clock;

    CheckIns(ETicketStore tickets, BookingActivity activity, Clock clock) {
        this.tickets = tickets;
        this.activity = activity;
        this.clock = clock;
    }

    /**
     * @param typed the code as typed or sent by a scanner (case, spaces and dashes do not matter)
     * @throws DomainException {@code NOT_FOUND} for an unknown code, {@code WRONG_PERFORMANCE} for
     *     another date's ticket, {@code TICKET_VOID} for a refunded or cancelled one, {@code
     *     ALREADY_CHECKED_IN} (with {@code checkedInAt}) for one let in before
     */
    @Transactional
    Admitted checkIn(long performanceId, String typed, long organiserId) {
        try {
            var admitted = admit(performanceId, typed, organiserId);
            activity.checkedIn(admitted.ticket(), organiserId);
            return admitted;
        } catch (DomainException refused) {
            activity.checkInRefused(organiserId, performanceId, refused.code());
            throw refused;
        }
    }

    private Admitted admit(long performanceId, String typed, long organiserId) {
        var code = Codes.normalise(typed);
        if (code.isEmpty() || code.length() > ETicketStore.CODE_LENGTH) {
            throw DomainException.notFound();
        }
        var now = clock.instant();
        if (tickets.checkIn(performanceId, code, organiserId, now) == 1) {
            return new Admitted(tickets.byCode(code).orElseThrow(), now);
        }
        var ticket = tickets.byCode(code).orElseThrow(DomainException::notFound);
        if (ticket.performanceId() != performanceId) {
            throw new DomainException(ErrorCode.WRONG_PERFORMANCE);
        }
        throw switch (ticket.status()) {
            case VOID -> new DomainException(ErrorCode.TICKET_VOID);
            case CHECKED_IN ->
                new DomainException(
                        ErrorCode.ALREADY_CHECKED_IN,
                        Map.of("checkedInAt", ticket.checkedInAt(), "seatId", ticket.seatId()),
                        ticket.checkedInAt());
            case VALID -> new IllegalStateException("ticket " + ticket.id() + " is valid but was not checked in");
        };
    }

    ETicketStore.Counts counts(long performanceId) {
        return tickets.counts(performanceId);
    }
}
