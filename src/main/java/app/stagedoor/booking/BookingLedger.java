package app.stagedoor.booking;

import app.stagedoor.concert.Catalogue;
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
        var purposes = new HashMap<Long, Purpose>();
        for (var entry : entries) {
            reservationOf(entry.reference())
                    .flatMap(reservations::findById)
                    .flatMap(this::purpose)
                    .ifPresent(purpose -> purposes.put(entry.id(), purpose));
        }
        return purposes;
    }

    private Optional<Purpose> purpose(Reservation reservation) {
        var concert = catalogue.findConcert(reservation.concertId());
        var date = catalogue.findPerformance(reservation.performanceId());
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
