package app.stagedoor.booking;

import app.stagedoor.concert.Catalogue;
import app.stagedoor.concert.PerformanceCancellations;
import app.stagedoor.shared.DomainException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organiser cancels a date, in one transaction: its sale stops, every paid booking is refunded
 * in full with its tickets void, every unpaid hold is let go, and the cancellation is written down
 * with who did it. Fans see it on My tickets and in the API ({@code refundReason: DATE_CANCELLED}).
 */
@Service
class DateCancellations {

    private static final Logger log = LoggerFactory.getLogger(DateCancellations.class);

    // Serializable: shown after a redirect as a flash attribute, which the session keeps (in the database)
    record Cancelled(int refunded, int released) implements java.io.Serializable {}

    private final PerformanceCancellations cancellations;
    private final Catalogue catalogue;
    private final ReservationRepository reservations;
    private final Refunds refunds;
    private final Releases releases;
    private final Clock clock;

    DateCancellations(
            PerformanceCancellations cancellations,
            Catalogue catalogue,
            ReservationRepository reservations,
            Refunds refunds,
            Releases releases,
            Clock clock) {
        this.cancellations = cancellations;
        this.catalogue = catalogue;
        this.reservations = reservations;
        this.refunds = refunds;
        this.releases = releases;
        this.clock = clock;
    }

    /**
     * @throws DomainException {@code NOT_FOUND} for no such date, {@code PERFORMANCE_CANCELLED} when
     *     it already was
     */
    @Transactional
    Cancelled cancel(long performanceId, String organiser) {
        catalogue.findPerformance(performanceId).orElseThrow(DomainException::notFound);
        var now = clock.instant();
        // first, so no hold or payment of this date starts after the sweep below
        cancellations.cancel(performanceId, organiser, now);
        int refunded = 0;
        int released = 0;
        for (long id : reservations.findLiveOf(performanceId)) {
            var reservation = reservations.lockById(id).orElseThrow();
            switch (reservation.status()) {
                case CONFIRM -> {
                    refunds.refundInFull(reservation, now);
                    refunded++;
                }
                case REQUEST -> {
                    releases.cancel(
                            reservation,
                            reservation.isExpiredAt(now) ? CancelReason.EXPIRED : CancelReason.CANCELLED,
                            now);
                    released++;
                }
                default -> {} // refunded or let go meanwhile
            }
        }
        cancellations.recordRefunded(performanceId, refunded);
        log.info(
                "{} cancelled date {}: {} bookings refunded in full, {} holds released",
                organiser,
                performanceId,
                refunded,
                released);
        return new Cancelled(refunded, released);
    }
}
