package app.stagedoor.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stagedoor.ClockedTest;
import app.stagedoor.MutableClock;
import app.stagedoor.TestConcerts;
import app.stagedoor.shared.DomainException;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.wallet.Wallets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The organiser cancels a date: everyone paid gets everything back, holds go, the sale stops. */
@ClockedTest
@Tag("database")
class DateCancellationTest {

    @Autowired
    Holds holds;

    @Autowired
    Checkout checkout;

    @Autowired
    DateCancellations cancellations;

    @Autowired
    Reservations reservations;

    @Autowired
    CheckIns checkIns;

    @Autowired
    RefundSchedules schedules;

    @Autowired
    Wallets wallets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    long fan(long concert) {
        long fan = TestConcerts.fanWithWallet(jdbc);
        TestConcerts.admit(jdbc, clock, concert, fan);
        wallets.charge(fan, 100_000);
        return fan;
    }

    @Test
    void cancelling_a_date_refunds_every_booking_in_full_voids_its_tickets_and_stops_the_sale() {
        long concert = TestConcerts.published(jdbc, clock.instant().minus(Duration.ofHours(1)));
        var seats = TestConcerts.date(jdbc, concert, 10, 30_000);
        long performance = TestConcerts.performanceOf(jdbc, seats.get(0));
        long paying = fan(concert);
        long checkedIn = fan(concert);
        long holding = fan(concert);
        var paid = holds.hold(paying, performance, List.of(seats.get(0), seats.get(1)));
        checkout.pay(paying, paid.id(), null);
        var used = holds.hold(checkedIn, performance, List.of(seats.get(2)));
        checkout.pay(checkedIn, used.id(), null);
        String code = jdbc.sql("SELECT code FROM tickets WHERE reservation_id = ?")
                .param(used.id())
                .query(String.class)
                .single();
        checkIns.checkIn(performance, code, 1);
        var held = holds.hold(holding, performance, List.of(seats.get(3)));
        schedules.change(concert, 50, 50, 50, 50); // a fan's own refund would cost half

        var cancelled = cancellations.cancel(performance, "admin");

        assertThat(cancelled.refunded()).isEqualTo(2);
        assertThat(cancelled.released()).isEqualTo(1);
        for (long fan : List.of(paying, checkedIn, holding)) {
            assertThat(wallets.balanceOf(fan)).isEqualTo(100_000).isEqualTo(wallets.ledgerSum(fan));
        }
        var view = reservations.one(paying, paid.id());
        assertThat(view.status()).isEqualTo(ReservationStatus.REFUNDED);
        assertThat(view.refundReason()).isEqualTo(RefundReason.DATE_CANCELLED);
        assertThat(view.refundFee()).isZero();
        assertThat(view.tickets()).extracting(Ticket::status).containsOnly(TicketStatus.VOID);
        assertThat(reservations.one(holding, held.id()).status()).isEqualTo(ReservationStatus.CANCEL);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM seats WHERE performance_id = ? AND status <> 'AVAILABLE'")
                        .param(performance)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT cancelled_by FROM performance_cancellations WHERE performance_id = ?")
                        .param(performance)
                        .query(String.class)
                        .single())
                .as("the audit line")
                .isEqualTo("admin");

        assertThatThrownBy(() -> holds.hold(fan(concert), performance, List.of(seats.get(5))))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SALES_CLOSED));
        assertThatThrownBy(() -> cancellations.cancel(performance, "admin"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PERFORMANCE_CANCELLED));
    }
}
