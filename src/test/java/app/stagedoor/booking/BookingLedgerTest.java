package app.stagedoor.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ClockedTest;
import app.stagedoor.MutableClock;
import app.stagedoor.TestConcerts;
import app.stagedoor.wallet.Wallets;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The wallet's history names what each payment was for, and leaves other entries alone. */
@ClockedTest
@Tag("database")
class BookingLedgerTest {

    @Autowired
    Holds holds;

    @Autowired
    Checkout checkout;

    @Autowired
    Wallets wallets;

    @Autowired
    BookingLedger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void payments_of_one_page_are_named_by_concert_date_and_seats() {
        long concert = TestConcerts.published(jdbc, clock.instant().minus(Duration.ofHours(1)));
        var seats = TestConcerts.date(jdbc, concert, 10, 10_000);
        long performance = TestConcerts.performanceOf(jdbc, seats.get(0));
        long fan = TestConcerts.fanWithWallet(jdbc);
        TestConcerts.admit(jdbc, clock, concert, fan);
        wallets.charge(fan, 100_000);
        // both holds before either payment: a payment uses the admission up, after its commit, on another thread
        var first = holds.hold(fan, performance, java.util.List.of(seats.get(0), seats.get(1)));
        var second = holds.hold(fan, performance, java.util.List.of(seats.get(2)));
        checkout.pay(fan, first.id(), null);
        checkout.pay(fan, second.id(), null);

        var page = wallets.history(fan, 0, 10).getContent();
        var purposes = ledger.describe(page);

        assertThat(page).hasSize(3);
        assertThat(purposes).as("the two payments, not the top-up").hasSize(2);
        assertThat(purposes.values())
                .extracting(purpose -> purpose.seats().size())
                .containsExactlyInAnyOrder(2, 1);
        var title = jdbc.sql("SELECT title FROM concerts WHERE id = ?")
                .param(concert)
                .query(String.class)
                .single();
        assertThat(purposes.values())
                .allSatisfy(purpose -> assertThat(purpose.title()).isEqualTo(title));
    }
}
