package app.stagedoor.booking;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.concert.ConcertView;
import app.stagedoor.concert.PerformanceView;
import app.stagedoor.wallet.LedgerDescriptions;
import app.stagedoor.wallet.WalletTransaction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The wallet entries booking writes, and what they were for: a payment ({@code reservation:<id>})
 * or a refund ({@code refund:<id>}) of a reservation, named by its concert, date and seats.
 */
@Component
class BookingLedger implements LedgerDescriptions {

    private static final String PAYMENT = "reservation:";
    private static final String REFUND = "refund:";

    private final ReservationRepository reservations;
    private final Catalogue catalogue;

    BookingLedger(ReservationRepository reservations, Catalogue catalogue) {
        this.reservations = reservations;
        this.catalogue = catalogue;
    }

    static String payment(long reservationId) {
        return PAYMENT + reservationId;
    }

    static String refund(long reservationId) {
        return REFUND + reservationId;
    }

    @Override
    public Map<Long, Purpose> describe(List<WalletTransaction> entries) {
        // one read of the page's reservations, and each concert and date read once, not once a row
        var ids = entries.stream()
                .map(entry -> reservationOf(entry.reference()))
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        var byId = new HashMap<Long, Reservation>();
        reservations.findAllById(ids).forEach(reservation -> byId.put(reservation.id(), reservation));
        var concerts = new HashMap<Long, Optional<ConcertView>>();
        var dates = new HashMap<Long, Optional<PerformanceView>>();
        var purposes = new HashMap<Long, Purpose>();
        for (var entry : entries) {
            reservationOf(entry.reference())
                    .map(byId::get)
                    .flatMap(reservation -> purpose(
                            reservation,
                            concerts.computeIfAbsent(reservation.concertId(), catalogue::findConcert),
                            dates.computeIfAbsent(reservation.performanceId(), catalogue::findPerformance)))
                    .ifPresent(purpose -> purposes.put(entry.id(), purpose));
        }
        return purposes;
    }

    private static Optional<Purpose> purpose(
            Reservation reservation, Optional<ConcertView> concert, Optional<PerformanceView> date) {
        if (concert.isEmpty() || date.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Purpose(
                concert.get().title(),
                date.get().startsAt(),
                concert.get().zone(),
                reservation.seats().stream().map(ReservationSeat::place).toList()));
    }

    /** The reservation of a reference this module wrote; empty for anyone else's. */
    private static Optional<Long> reservationOf(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        for (var prefix : List.of(PAYMENT, REFUND)) {
            if (reference.startsWith(prefix)) {
                try {
                    return Optional.of(Long.parseLong(reference.substring(prefix.length())));
                } catch (NumberFormatException notOurs) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
