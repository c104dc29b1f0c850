package app.stagedoor.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ClockedTest;
import app.stagedoor.concert.AdmissionGate;
import app.stagedoor.concert.Catalogue;
import app.stagedoor.concert.SeatInventory;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The same races behind the named-lock guard; MariaDB only (H2 has no GET_LOCK). */
@ClockedTest
@Tag("mariadb")
class NamedLockHoldRaceTest extends HoldRaceTests {

    @Autowired
    Catalogue catalogue;

    @Autowired
    SeatInventory inventory;

    @Autowired
    AdmissionGate gate;

    @Autowired
    ReservationRepository reservations;

    @Autowired
    FanSeatCounts fanSeats;

    @Autowired
    Releases releases;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    BookingActivity activity;

    @Autowired
    JdbcTemplate jdbcTemplate;

    Holds holds;

    @BeforeEach
    void behindNamedLocks() {
        holds = new Holds(
                catalogue,
                inventory,
                gate,
                new NamedLockGuard(jdbcTemplate, Duration.ofSeconds(1)),
                reservations,
                fanSeats,
                releases,
                transaction,
                activity,
                clock);
    }

    @Override
    Holds holds() {
        return holds;
    }

    @Test
    void the_locks_are_released_after_each_hold() {
        long fan = admittedFan();
        holds.hold(fan, performance(), java.util.List.of(seats.get(5)));
        assertThat(jdbcTemplate.queryForObject(
                        "SELECT IS_FREE_LOCK(?)", Integer.class, NamedLockGuard.PREFIX + seats.get(5)))
                .isEqualTo(1);
    }
}
