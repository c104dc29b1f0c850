package app.stagedoor.booking;

import app.stagedoor.shared.DomainException;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/** A fan's reservations as they stand, with their tickets: a hold past its expiry already reads as cancelled. */
@Service
class Reservations {

    static final int MAX_LISTED = 100;

    private final ReservationRepository reservations;
    private final ETicketStore tickets;
    private final Clock clock;

    Reservations(ReservationRepository reservations, ETicketStore tickets, Clock clock) {
        this.reservations = reservations;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** One of the fan's reservations; another fan's is NOT_FOUND, as if it did not exist. */
    ReservationView one(long memberId, long reservationId) {
        return reservations
                .findById(reservationId)
                .filter(r -> r.belongsTo(memberId))
                .map(r -> ReservationView.of(r, clock.instant(), tickets.ofReservations(List.of(r.id()))))
                .orElseThrow(DomainException::notFound);
    }

    List<ReservationView> of(long memberId) {
        var now = clock.instant();
        var mine = reservations.findByMemberIdOrderByIdDesc(memberId, PageRequest.of(0, MAX_LISTED));
        var byReservation = tickets
                .ofReservations(mine.stream().map(Reservation::id).toList())
                .stream()
                .collect(Collectors.groupingBy(Ticket::reservationId));
        return mine.stream()
                .map(r -> ReservationView.of(r, now, byReservation.getOrDefault(r.id(), List.of())))
                .toList();
    }
}
