package app.stagedoor.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stagedoor.MutableClock;
import app.stagedoor.Race;
import app.stagedoor.TestConcerts;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many fans racing for seats at once against the real database, for one seat guard: nothing is
 * ever held by two live reservations, and a hold is all or nothing.
 */
abstract class HoldRaceTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    long concert;
    List<Long> seats;

    abstract Holds holds();

    @BeforeEach
    void aConcertWithADateOnSale() {
        concert = TestConcerts.published(jdbc, clock.instant().minus(Duration.ofHours(1)));
        jdbc.sql("UPDATE concerts SET max_seats_per_member = 4 WHERE id = ?")
                .param(concert)
                .update();
        seats = TestConcerts.date(jdbc, concert, 201, 10_000);
    }

    long admittedFan() {
        long fan = TestConcerts.fanWithWallet(jdbc);
        TestConcerts.admit(jdbc, clock, concert, fan);
        return fan;
    }

    long performance() {
        return TestConcerts.performanceOf(jdbc, seats.get(0));
    }

    /** Runs the tasks all at once on many threads; returns how many succeeded. */
    static int race(List<Callable<Boolean>> tasks) throws Exception {
        return Race.countSucceeded(tasks);
    }

    @Test
    void two_hundred_fans_holding_the_same_seat_make_exactly_one_reservation() throws Exception {
        long seat = seats.get(0);
        long performance = performance();
        var refusals = new AtomicInteger();
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 200; i++) {
            long fan = admittedFan();
            tasks.add(() -> {
                try {
                    holds().hold(fan, performance, List.of(seat));
                    return true;
                } catch (DomainException refused) {
                    assertThat(refused.code()).isEqualTo(ErrorCode.SEAT_UNAVAILABLE);
                    refusals.incrementAndGet();
                    return false;
                }
            });
        }
        assertThat(race(tasks)).isEqualTo(1);
        assertThat(refusals).hasValue(199);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reservation_seats WHERE live_seat_id = ?")
                        .param(seat)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reservations WHERE performance_id = ?")
                        .param(performance)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM seats WHERE id = ?")
                        .param(seat)
                        .query(String.class)
                        .single())
                .isEqualTo("RESERVED");
    }

    @Test
    void two_hundred_fans_holding_overlapping_pairs_never_share_a_seat_and_never_get_half() throws Exception {
        long performance = performance();
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 200; i++) {
            long fan = admittedFan();
            var pair = List.of(seats.get(i), seats.get(i + 1));
            tasks.add(() -> {
                try {
                    holds().hold(fan, performance, pair);
                    return true;
                } catch (DomainException refused) {
                    assertThat(refused.code()).isEqualTo(ErrorCode.SEAT_UNAVAILABLE);
                    return false;
                }
            });
        }
        int held = race(tasks);
        assertThat(held).isBetween(67, 101);

        // every reservation has both of its seats, and each of them is reserved for it alone
        var reservations = jdbc.sql(
                        "SELECT r.id, COUNT(s.seat_id) AS seats FROM reservations r"
                                + " JOIN reservation_seats s ON s.reservation_id = r.id WHERE r.performance_id = ? GROUP BY r.id")
                .param(performance)
                .query((rs, n) -> rs.getInt("seats"))
                .list();
        assertThat(reservations).hasSize(held).containsOnly(2);
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM seats s JOIN reservation_seats rs ON rs.live_seat_id = s.id"
                                        + " WHERE s.performance_id = ? AND (s.status <> 'RESERVED' OR s.reservation_id <> rs.reservation_id)")
                        .param(performance)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM seats WHERE performance_id = ? AND status = 'RESERVED'")
                        .param(performance)
                        .query(Long.class)
                        .single())
                .isEqualTo(2L * held);
    }

    @Test
    void holds_sharing_several_seats_never_fail_on_a_deadlock() throws Exception {
        jdbc.sql("UPDATE concerts SET max_seats_per_member = 4 WHERE id = ?")
                .param(concert)
                .update();
        long performance = performance();
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 120; i++) {
            long fan = admittedFan();
            // windows of four seats overlapping their neighbours by three, picked in any order
            var window = new ArrayList<>(List.of(seats.get(i + 3), seats.get(i + 1), seats.get(i), seats.get(i + 2)));
            java.util.Collections.shuffle(window, new java.util.Random(i));
            tasks.add(() -> {
                try {
                    holds().hold(fan, performance, window);
                    return true;
                } catch (DomainException refused) {
                    assertThat(refused.code()).as("never BUSY from a deadlock").isEqualTo(ErrorCode.SEAT_UNAVAILABLE);
                    return false;
                }
            });
        }
        int held = race(tasks);
        assertThat(held).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM seats WHERE performance_id = ? AND status = 'RESERVED'")
                        .param(performance)
                        .query(Long.class)
                        .single())
                .isEqualTo(4L * held);
    }

    @Test
    void fifty_fans_asking_for_the_best_two_at_once_get_adjacent_pairs_never_a_seat_twice() throws Exception {
        var section = TestConcerts.date(jdbc, concert, "R", 5, 20, 80_000);
        long performance = performance(section.get(0));
        var refusals = new AtomicInteger();
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 50; i++) {
            long fan = admittedFan();
            tasks.add(() -> {
                try {
                    var held = holds().holdBest(fan, performance, 2, "R");
                    assertThat(held.seats()).hasSize(2);
                    return true;
                } catch (DomainException refused) {
                    assertThat(refused.code()).isEqualTo(ErrorCode.SEAT_UNAVAILABLE);
                    refusals.incrementAndGet();
                    return false;
                }
            });
        }
        int held = race(tasks);
        assertThat(held + refusals.get())
                .as("every fan got a hold or a clear refusal")
                .isEqualTo(50);
        assertThat(held).as("100 seats in rows of 20 take all 50 pairs").isEqualTo(50);

        var pairs = jdbc.sql("""
                        SELECT s.reservation_id, MIN(s.seat_row), MAX(s.seat_row), MIN(s.seat_number), MAX(s.seat_number), COUNT(*)
                          FROM seats s WHERE s.performance_id = ? AND s.status = 'RESERVED' GROUP BY s.reservation_id
                        """)
                .param(performance)
                .query((rs, n) -> new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)})
                .list();
        assertThat(pairs).hasSize(50).allSatisfy(pair -> {
            assertThat(pair[0]).as("one row").isEqualTo(pair[1]);
            assertThat(pair[3] - pair[2]).as("side by side").isEqualTo(1);
            assertThat(pair[4]).isEqualTo(2);
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reservation_seats rs JOIN seats s ON s.id = rs.live_seat_id"
                                + " WHERE s.performance_id = ?")
                        .param(performance)
                        .query(Long.class)
                        .single())
                .as("no seat in two live reservations")
                .isEqualTo(100);
        assertThatThrownBy(() -> holds().holdBest(admittedFan(), performance, 2, "R"))
                .as("nothing left: one clear refusal")
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.SEAT_UNAVAILABLE));
    }

    long performance(long seat) {
        return TestConcerts.performanceOf(jdbc, seat);
    }
}
