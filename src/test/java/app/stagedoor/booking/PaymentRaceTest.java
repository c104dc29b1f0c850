package app.stagedoor.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ClockedTest;
import app.stagedoor.MutableClock;
import app.stagedoor.TestConcerts;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.wallet.Wallets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Payments racing each other and the expiry sweeper against the real database: money moves once or not at all. */
@ClockedTest
@Tag("database")
class PaymentRaceTest {

    @Autowired
    Holds holds;

    @Autowired
    Checkout checkout;

    @Autowired
    HoldSweeper sweeper;

    @Autowired
    Wallets wallets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    long concert;
    List<Long> seats;
    long performance;

    @BeforeEach
    void aDateOnSale() {
        concert = TestConcerts.published(jdbc, clock.instant().minus(Duration.ofHours(1)));
        seats = TestConcerts.date(jdbc, concert, 120, 10_000);
        performance = TestConcerts.performanceOf(jdbc, seats.get(0));
    }

    long fanWith(long points) {
        long fan = TestConcerts.fanWithWallet(jdbc);
        TestConcerts.admit(jdbc, clock, concert, fan);
        wallets.charge(fan, points);
        return fan;
    }

    @Test
    void fifty_concurrent_payments_of_one_reservation_confirm_it_once_and_charge_once() throws Exception {
        long fan = fanWith(100_000);
        var reservation = holds.hold(fan, performance, List.of(seats.get(0), seats.get(1)));
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 50; i++) {
            String key = i % 2 == 0 ? "same-key" : null; // a double click, a replay and a second tab
            tasks.add(() -> {
                try {
                    return !checkout.pay(fan, reservation.id(), key).replayed();
                } catch (DomainException refused) {
                    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_STATE);
                    return false;
                }
            });
        }
        assertThat(HoldRaceTests.race(tasks)).as("payments that charged").isEqualTo(1);
        assertThat(wallets.balanceOf(fan)).isEqualTo(80_000).isEqualTo(wallets.ledgerSum(fan));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM wallet_transactions WHERE member_id = ? AND type = 'PAYMENT'")
                        .param(fan)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM reservations WHERE id = ?")
                        .param(reservation.id())
                        .query(String.class)
                        .single())
                .isEqualTo("CONFIRM");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM seats WHERE reservation_id = ? AND status = 'BOOKED'")
                        .param(reservation.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void payments_racing_the_sweeper_end_paid_with_money_taken_or_cancelled_with_money_untouched() throws Exception {
        var fans = new ArrayList<Long>();
        var reservations = new ArrayList<Reservation>();
        for (int i = 0; i < 100; i++) {
            long fan = fanWith(50_000);
            fans.add(fan);
            reservations.add(holds.hold(fan, performance, List.of(seats.get(i))));
        }
        // the holds run out in a millisecond; the clock crosses their expiry while payments and sweeps run
        clock.advance(Duration.between(clock.instant(), reservations.get(0).expiresAt())
                .minusMillis(1));
        var crossed = new AtomicBoolean();
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 100; i++) {
            long fan = fans.get(i);
            long id = reservations.get(i).id();
            tasks.add(() -> {
                try {
                    checkout.pay(fan, id, null);
                    return true;
                } catch (DomainException refused) {
                    assertThat(refused.code()).isIn(ErrorCode.HOLD_EXPIRED, ErrorCode.INVALID_STATE);
                    return false;
                }
            });
            if (i == 40) {
                tasks.add(() -> {
                    if (crossed.compareAndSet(false, true)) {
                        clock.advance(Duration.ofMillis(2));
                    }
                    return false;
                });
            }
            if (i % 10 == 0) {
                tasks.add(() -> sweeper.sweep() < 0);
            }
        }
        int paid = HoldRaceTests.race(tasks);
        clock.advance(Duration.ofSeconds(1));
        sweeper.sweep();

        int confirmed = 0;
        for (int i = 0; i < 100; i++) {
            long fan = fans.get(i);
            long id = reservations.get(i).id();
            var status = jdbc.sql("SELECT status FROM reservations WHERE id = ?")
                    .param(id)
                    .query(String.class)
                    .single();
            var seat = jdbc.sql("SELECT status FROM seats WHERE id = ?")
                    .param(seats.get(i))
                    .query(String.class)
                    .single();
            long payments = jdbc.sql("SELECT COUNT(*) FROM payments WHERE reservation_id = ?")
                    .param(id)
                    .query(Long.class)
                    .single();
            if (status.equals("CONFIRM")) {
                confirmed++;
                assertThat(wallets.balanceOf(fan)).as("paid %d", id).isEqualTo(40_000);
                assertThat(seat).isEqualTo("BOOKED");
                assertThat(payments).isEqualTo(1);
            } else {
                assertThat(status).as("never neither").isEqualTo("CANCEL");
                assertThat(wallets.balanceOf(fan)).as("cancelled %d", id).isEqualTo(50_000);
                assertThat(seat).isEqualTo("AVAILABLE");
                assertThat(payments).isZero();
            }
            assertThat(wallets.balanceOf(fan)).isEqualTo(wallets.ledgerSum(fan));
        }
        assertThat(confirmed).isEqualTo(paid);
    }

    @Test
    void too_little_balance_refuses_the_payment_and_keeps_the_hold() {
        long fan = fanWith(5_000);
        var reservation = holds.hold(fan, performance, List.of(seats.get(0)));
        try {
            checkout.pay(fan, reservation.id(), null);
            throw new AssertionError("paid without the money");
        } catch (DomainException refused) {
            assertThat(refused.code()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
            assertThat(refused.arguments()).containsExactly(5_000L, 5_000L);
        }
        assertThat(jdbc.sql("SELECT status FROM reservations WHERE id = ?")
                        .param(reservation.id())
                        .query(String.class)
                        .single())
                .isEqualTo("REQUEST");
        assertThat(jdbc.sql("SELECT status FROM seats WHERE id = ?")
                        .param(seats.get(0))
                        .query(String.class)
                        .single())
                .isEqualTo("RESERVED");
        assertThat(wallets.balanceOf(fan)).isEqualTo(5_000);
        wallets.charge(fan, 5_000);
        assertThat(checkout.pay(fan, reservation.id(), null).balance()).isZero();
    }

    @Test
    void a_lapsed_hold_never_blocks_its_seat_and_is_swept_after_a_restart() {
        long first = fanWith(50_000);
        long second = fanWith(50_000);
        var lapsed = holds.hold(first, performance, List.of(seats.get(0)));
        clock.advance(Duration.between(clock.instant(), lapsed.expiresAt()));

        // before any sweep, another fan can hold the seat: the lapsed hold is released on the way
        var taken = holds.hold(second, performance, List.of(seats.get(0)));
        assertThat(jdbc.sql("SELECT status FROM reservations WHERE id = ?")
                        .param(lapsed.id())
                        .query(String.class)
                        .single())
                .isEqualTo("CANCEL");
        assertThat(jdbc.sql("SELECT reservation_id FROM seats WHERE id = ?")
                        .param(seats.get(0))
                        .query(Long.class)
                        .single())
                .isEqualTo(taken.id());

        // a sweeper that starts fresh finds what ran out while nothing was running
        var another = holds.hold(first, performance, List.of(seats.get(1)));
        clock.advance(Duration.between(clock.instant(), another.expiresAt()).plusSeconds(60));
        assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM seats WHERE id = ?")
                        .param(seats.get(1))
                        .query(String.class)
                        .single())
                .isEqualTo("AVAILABLE");
        assertThat(jdbc.sql("SELECT seats FROM fan_seat_counts WHERE member_id = ? AND performance_id = ?")
                        .params(first, performance)
                        .query(Integer.class)
                        .single())
                .as("the fan's count is given back")
                .isZero();
    }

    @Autowired
    app.stagedoor.queue.WaitingRoom waitingRoom;

    @Test
    void a_hold_made_with_seconds_of_admission_left_lasts_the_full_hold_and_can_be_paid_after_the_admission() {
        long fan = fanWith(50_000);
        jdbc.sql("UPDATE queue_tokens SET active_until = ? WHERE concert_id = ? AND member_id = ?")
                .params(java.sql.Timestamp.from(clock.instant().plusSeconds(30)), concert, fan)
                .update();
        var reservation = holds.hold(fan, performance, List.of(seats.get(0)));
        assertThat(java.time.Duration.between(reservation.createdAt(), reservation.expiresAt()))
                .as("the organiser's hold time, from the moment of the hold: the admission does not shorten it")
                .isEqualTo(java.time.Duration.ofSeconds(300));

        waitingRoom.leave(fan, concert);
        try {
            holds.hold(fan, performance, List.of(seats.get(1)));
            throw new AssertionError("held again without an admission");
        } catch (DomainException refused) {
            assertThat(refused.code())
                    .as("the admission decides who may make a new hold")
                    .isEqualTo(ErrorCode.NOT_ADMITTED);
        }
        checkout.pay(fan, reservation.id(), null);
        assertThat(jdbc.sql("SELECT status FROM reservations WHERE id = ?")
                        .param(reservation.id())
                        .query(String.class)
                        .single())
                .isEqualTo("CONFIRM");
    }
}
