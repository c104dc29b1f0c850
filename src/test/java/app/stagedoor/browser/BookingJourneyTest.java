package app.stagedoor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

/** The whole product in a real browser, from top-up to ticket, and a hold that runs out. */
class BookingJourneyTest extends BrowserTest {

    ApiClient api;
    String admin;
    long concert;

    @BeforeEach
    void aConcertOnSale() {
        api = new ApiClient(port);
        admin = api.token("admin", "admin-password-for-tests");
        var salesOpenAt = Instant.now().minus(1, ChronoUnit.HOURS);
        concert = api.post("/api/v1/admin/concerts", admin, """
                        {"title":"%s","artist":"HAEUN","venue":"Olympic Hall","salesOpenAt":"%s","maxSeatsPerMember":4,
                         "sections":[{"name":"VIP","rows":2,"seatsPerRow":6,"price":120000},{"name":"R","rows":2,"seatsPerRow":8,"price":80000}],
                         "performances":[{"startsAt":"%s"}]}
                        """.formatted(
                                TestData.username("Finale"), salesOpenAt, salesOpenAt.plus(20, ChronoUnit.DAYS)))
                .body()
                .get("id")
                .asLong();
    }

    @Test
    void top_up_join_get_in_pick_two_seats_hold_pay_and_find_the_ticket() {
        var browser = newBrowser();
        var username = TestData.username("buyer");
        SignupPage.open(browser, baseUrl())
                .signUp(username, "stage-door-pass-9")
                .logIn(username, "stage-door-pass-9");
        var wallet = WalletPage.open(browser, baseUrl()).topUp(300_000);
        assertThat(wallet.balance()).isEqualTo("₩300,000");

        browser.get(baseUrl() + "/concerts/" + concert);
        var map =
                new ConcertPage(browser, baseUrl()).joinWaitingRoom().admitted().pickDate(0);
        var free = map.availableSeatIds();
        map.pick(free.get(0), free.get(1));
        assertThat(map.selectedSeats()).hasSize(2);
        assertThat(map.total()).isEqualTo("₩240,000");

        var checkout = map.hold();
        assertThat(checkout.seats()).containsExactly("VIP · row 1 · seat 1", "VIP · row 1 · seat 2");
        assertThat(checkout.total()).isEqualTo("₩240,000");
        assertThat(checkout.secondsLeft()).isBetween(200, 300);
        int before = checkout.secondsLeft();
        checkout.waitFor(d -> checkout.secondsLeft() < before);

        var tickets = checkout.pay();
        assertThat(tickets.saysPaid()).isTrue();
        assertThat(tickets.tickets()).containsExactly("Paid: VIP · row 1 · seat 1, VIP · row 1 · seat 2");
        assertThat(tickets.headerBalance()).isEqualTo("₩60,000");
        assertThat(WalletPage.open(browser, baseUrl()).historyAmounts()).containsExactly("−₩240,000", "+₩300,000");

        var other = signedInFan();
        other.get(baseUrl() + "/concerts/" + concert);
        var theirMap =
                new ConcertPage(other, baseUrl()).joinWaitingRoom().admitted().pickDate(0);
        assertThat(theirMap.statusOf(free.get(0))).isEqualTo("BOOKED");
        assertThat(theirMap.statusOf(free.get(1))).isEqualTo("BOOKED");
        assertThat(theirMap.statusOf(free.get(2))).isEqualTo("AVAILABLE");
    }

    @Test
    void a_hold_left_unpaid_runs_out_and_its_seats_come_back() {
        var shortHolds =
                "{\"admitCount\":50,\"admitIntervalSeconds\":10,\"maxActive\":null,\"activeSeconds\":600,\"holdSeconds\":10,\"preQueueMinutes\":0,\"paused\":false}";
        assertThat(api.send("PUT", "/api/v1/admin/concerts/" + concert + "/queue-settings", admin, shortHolds)
                        .status())
                .isEqualTo(200);
        var browser = signedInFan();
        browser.get(baseUrl() + "/concerts/" + concert);
        var map =
                new ConcertPage(browser, baseUrl()).joinWaitingRoom().admitted().pickDate(0);
        long seat = map.availableSeatIds().get(3);
        var checkout = map.pick(seat).hold();
        assertThat(checkout.secondsLeft()).isBetween(1, 10);

        checkout.waitUntilExpired(Duration.ofSeconds(40));
        assertThat(checkout.expiredMessage()).isEqualTo("This hold has expired and its seats were released.");
        var again = checkout.backToMap();
        again.waitFor(d -> "AVAILABLE".equals(again.statusOf(seat)));
        assertThat(again.statusOf(seat)).isEqualTo("AVAILABLE");
        assertThat(List.of(again.availableSeatIds().contains(seat))).containsExactly(true);
    }

    private WebDriver signedInFan() {
        var browser = newBrowser();
        var username = TestData.username("fan");
        SignupPage.open(browser, baseUrl())
                .signUp(username, "stage-door-pass-9")
                .logIn(username, "stage-door-pass-9");
        return browser;
    }
}
