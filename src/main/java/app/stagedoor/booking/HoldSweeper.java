package app.stagedoor.booking;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels every unpaid hold past its expiry and frees its seats, each in its own short
 * transaction. It runs once per tick across instances ({@link BookingJobs}), and since holds and
 * their expiry live in the database it catches up after a restart.
 */
@Component
class HoldSweeper {

    private static final Logger log = LoggerFactory.getLogger(HoldSweeper.class);

    private final ReservationRepository reservations;
    private final Releases releases;
    private final BookingProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    HoldSweeper(
            ReservationRepository reservations,
            Releases releases,
            BookingProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.reservations = reservations;
        this.releases = releases;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return how many holds this sweep released */
    int sweep() {
        int released = 0;
        for (long id : reservations.findExpired(clock.instant(), properties.sweepBatch())) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(status -> releases.releaseLapsed(id, clock.instant())))) {
                    released++;
                }
            } catch (RuntimeException failure) {
                log.warn("Could not release the lapsed hold {}: {}", id, failure.toString());
            }
        }
        return released;
    }
}
