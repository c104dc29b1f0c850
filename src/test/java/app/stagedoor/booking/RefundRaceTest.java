package app.stagedoor.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stagedoor.ClockedTest;
import app.stagedoor.MutableClock;
import app.stagedoor.Race;
import app.stagedoor.TestConcerts;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.wallet.Wallets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refunds and doors racing for the same tickets against the real database: one refund or one
 * check-in, never both, never twice; the wallet always equals its ledger.
 */
@ClockedTest
@Tag("database")
class RefundRaceTest {

    static final long DOOR = 1;

    @Autowired
    Holds holds;

    @Autowired
    Checkout checkout;

    @Autowired
    Refunds refunds;

    @Autowired
    CheckIns checkIns;

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
        seats = TestConcerts.date(jdbc, concert, 60, 10_000);
        performance = TestConcerts.performanceOf(jdbc, seats.get(0));
    }

    /** A fan who paid two seats: ₩20,000 of their ₩100,000. */
    record Paid(long fan, long reservationId, List<String> codes) {}

    Paid paidTwoSeats(int first) {
        long fan = TestConcerts.fanWithWallet(jdbc);
        TestConcerts.admit(jdbc, clock, concert, fan);
        wallets.charge(fan, 100_000);
        var held = holds.hold(fan, performance, List.of(seats.get(first), seats.get(first + 1)));
        checkout.pay(fan, held.id(), null);
        var codes = jdbc.sql("SELECT code FROM tickets WHERE reservation_id = ? ORDER BY seat_id")
                .param(held.id())
                .query(String.class)
                .list();
        return new Paid(fan, held.id(), codes);
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    String status(long reservationId) {
        return jdbc.sql("SELECT status FROM reservations WHERE id = ?")
                .param(reservationId)
                .query(String.class)
                .single();
    }

    @Test
    void paying_issues_one_ticket_per_seat_with_a_code_that_is_not_an_id() {
        var paid = paidTwoSeats(0);
        assertThat(paid.codes()).hasSize(2).doesNotHaveDuplicates().allMatch(code -> code.matches("[0-9A-Z]{12}"));
        assertThat(jdbc.sql("SELECT booking_number FROM reservations WHERE id = ?")
                        .param(paid.reservationId())
                        .query(String.class)
                        .single())
                .matches("[0-9A-Z]{10}");
    }

    @Test
    void fifty_concurrent_refunds_of_one_reservation_refund_it_once() throws Exception {
        var paid = paidTwoSeats(0);
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 50; i++) {
            tasks.add(() -> {
                try {
                    refunds.refund(paid.fan(), paid.reservationId());
                    return true;
                } catch (DomainException refused) {
                    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_STATE);
                    return false;
                }
            });
        }
        assertThat(Race.countSucceeded(tasks)).as("refunds that went through").isEqualTo(1);
        assertThat(status(paid.reservationId())).isEqualTo("REFUNDED");
        assertThat(count(
                        "SELECT COUNT(*) FROM wallet_transactions WHERE member_id = ? AND type = 'REFUND'", paid.fan()))
                .isEqualTo(1);
        // booked today: the schedule's booking-day fee (0 % by default), so everything came back
        assertThat(wallets.balanceOf(paid.fan())).isEqualTo(100_000).isEqualTo(wallets.ledgerSum(paid.fan()));
        assertThat(count(
                        "SELECT COUNT(*) FROM seats WHERE id IN (?, ?) AND status = 'AVAILABLE'",
                        seats.get(0),
                        seats.get(1)))
                .as("the seats are on sale again")
                .isEqualTo(2);
        assertThat(count(
                        "SELECT COUNT(*) FROM tickets WHERE reservation_id = ? AND status = 'VOID'",
                        paid.reservationId()))
                .isEqualTo(2);
    }

    @Test
    void twenty_doors_checking_one_code_at_once_admit_it_once() throws Exception {
        var paid = paidTwoSeats(2);
        var code = paid.codes().get(0);
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> {
                try {
                    checkIns.checkIn(performance, code, DOOR);
                    return true;
                } catch (DomainException refused) {
                    assertThat(refused.code()).isEqualTo(ErrorCode.ALREADY_CHECKED_IN);
                    assertThat(refused.properties()).containsKey("checkedInAt");
                    return false;
                }
            });
        }
        assertThat(Race.countSucceeded(tasks)).as("doors that said valid").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM tickets WHERE code = ? AND status = 'CHECKED_IN'", code))
                .isEqualTo(1);
    }

    @Test
    void a_refund_racing_a_door_gives_one_refund_or_one_check_in_never_both() throws Exception {
        var races = new ArrayList<Paid>();
        for (int i = 0; i < 10; i++) {
            races.add(paidTwoSeats(10 + 2 * i));
        }
        int refundsWon = 0;
        for (var paid : races) {
            var tasks = new ArrayList<Callable<Boolean>>();
            tasks.add(() -> {
                try {
                    refunds.refund(paid.fan(), paid.reservationId());
                    return true;
                } catch (DomainException refused) {
                    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_STATE);
                    return false;
                }
            });
            tasks.add(() -> {
                try {
                    checkIns.checkIn(performance, paid.codes().get(1), DOOR);
                    return true;
                } catch (DomainException refused) {
                    assertThat(refused.code()).isEqualTo(ErrorCode.TICKET_VOID);
                    return false;
                }
            });
            assertThat(Race.countSucceeded(tasks)).as("one of the two").isEqualTo(1);
            long refundEntries = count(
                    "SELECT COUNT(*) FROM wallet_transactions WHERE member_id = ? AND type = 'REFUND'", paid.fan());
            long checkedIn = count(
                    "SELECT COUNT(*) FROM tickets WHERE reservation_id = ? AND status = 'CHECKED_IN'",
                    paid.reservationId());
            if (status(paid.reservationId()).equals("REFUNDED")) {
                refundsWon++;
                assertThat(refundEntries).isEqualTo(1);
                assertThat(checkedIn).isZero();
                assertThat(wallets.balanceOf(paid.fan())).isEqualTo(100_000);
            } else {
                assertThat(status(paid.reservationId())).isEqualTo("CONFIRM");
                assertThat(refundEntries).isZero();
                assertThat(checkedIn).isEqualTo(1);
                assertThat(count(
                                "SELECT COUNT(*) FROM tickets WHERE reservation_id = ? AND status = 'VALID'",
                                paid.reservationId()))
                        .as("the refund that lost voided nothing")
                        .isEqualTo(1);
                assertThat(wallets.balanceOf(paid.fan())).isEqualTo(80_000);
            }
            assertThat(wallets.balanceOf(paid.fan())).isEqualTo(wallets.ledgerSum(paid.fan()));
        }
        assertThat(refundsWon).isBetween(0, races.size());
    }

    @Test
    void another_fans_refund_is_not_found_and_changes_nothing() {
        var paid = paidTwoSeats(40);
        long stranger = TestConcerts.fanWithWallet(jdbc);
        assertThatThrownBy(() -> refunds.refund(stranger, paid.reservationId()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(status(paid.reservationId())).isEqualTo("CONFIRM");
    }

    @Test
    void a_checked_in_ticket_cannot_be_refunded_and_a_refunded_one_cannot_check_in() {
        var used = paidTwoSeats(42);
        checkIns.checkIn(performance, used.codes().get(0), DOOR);
        assertThatThrownBy(() -> refunds.refund(used.fan(), used.reservationId()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE));
        assertThat(wallets.balanceOf(used.fan())).isEqualTo(80_000);

        var refunded = paidTwoSeats(44);
        refunds.refund(refunded.fan(), refunded.reservationId());
        assertThatThrownBy(() -> checkIns.checkIn(performance, refunded.codes().get(0), DOOR))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TICKET_VOID));
    }

    @Test
    void the_door_tells_another_dates_ticket_and_an_unknown_code_apart() {
        var paid = paidTwoSeats(46);
        var otherDate = TestConcerts.performanceOf(
                jdbc, TestConcerts.date(jdbc, concert, 1, 10_000).get(0));
        assertThatThrownBy(() -> checkIns.checkIn(otherDate, paid.codes().get(0), DOOR))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.WRONG_PERFORMANCE));
        assertThatThrownBy(() -> checkIns.checkIn(performance, "ZZZZZZZZZZZZ", DOOR))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        // typed by hand: lower case, dashes, an O for a 0
        var typed = paid.codes().get(1).toLowerCase().replaceAll("(.{4})(?!$)", "$1-");
        assertThat(checkIns.checkIn(performance, typed, DOOR).ticket().seatId()).isEqualTo(seats.get(47));
    }
}
