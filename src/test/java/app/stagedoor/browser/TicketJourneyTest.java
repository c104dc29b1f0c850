package app.stagedoor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After the sale, in a real browser: the fan's e-tickets and their QR codes, the organiser's door,
 * and a cancellation that gives the money back less the concert's fee.
 */
class TicketJourneyTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void buy_two_seats_show_the_qr_codes_check_one_in_once_and_refund_a_booking_less_the_fee() throws Exception {
        var api = new ApiClient(port);
        var admin = api.token("admin", "admin-password-for-tests");
        var salesOpenAt = Instant.now().minus(1, ChronoUnit.HOURS);
        var title = TestData.username("Encore");
        long concert = api.post("/api/v1/admin/concerts", admin, """
                        {"title":"%s","artist":"HAEUN","venue":"Olympic Hall","salesOpenAt":"%s","maxSeatsPerMember":4,
                         "timeZone":"Asia/Seoul",
                         "sections":[{"name":"VIP","rows":2,"seatsPerRow":6,"price":120000}],
                         "performances":[{"startsAt":"%s"}]}
                        """.formatted(
                                title, salesOpenAt, salesOpenAt.plus(20, ChronoUnit.DAYS)))
                .body()
                .get("id")
                .asLong();

        // the organiser keeps 10 % even on the day of booking
        var organiser = newBrowser();
        LoginPage.open(organiser, baseUrl()).logIn("admin", "admin-password-for-tests");
        RefundSchedulePage.open(organiser, baseUrl(), concert).setBookingDayPercent(10);

        var fan = newBrowser();
        var username = TestData.username("ticket");
        SignupPage.open(fan, baseUrl()).signUp(username, TestData.PASSWORD).logIn(username, TestData.PASSWORD);
        WalletPage.open(fan, baseUrl()).topUp(500_000);

        fan.get(baseUrl() + "/concerts/" + concert);
        var map = new ConcertPage(fan, baseUrl()).joinWaitingRoom().admitted().pickDate(0);
        long performance = map.performanceId();
        var free = map.availableSeatIds();
        var mine = map.pick(free.get(0), free.get(1)).hold().pay();
        long first = mine.newestReservationId();

        var tickets = mine.showTickets(first);
        assertThat(tickets.seats()).containsExactly("VIP 1 1", "VIP 1 2");
        assertThat(tickets.when()).contains("KST");
        var codes = tickets.printedCodes();
        assertThat(codes).hasSize(2).doesNotHaveDuplicates();
        assertThat(tickets.scannedCodes()).as("the QR codes read back").isEqualTo(codes);

        var door = CheckInPage.open(organiser, baseUrl(), performance);
        door.scan(codes.get(0));
        assertThat(door.verdict()).isEqualTo("VALID");
        assertThat(door.verdictText()).isEqualTo("Valid");
        assertThat(door.seat()).isEqualTo("VIP · row 1 · seat 1");
        assertThat(door.readyForTheNext()).isTrue();
        assertThat(door.count()).isEqualTo("1 of 2 checked in");
        door.scan(codes.get(0).toLowerCase());
        assertThat(door.verdict()).isEqualTo("ALREADY_CHECKED_IN");
        assertThat(door.verdictText()).isEqualTo("Already checked in");
        door.scan("NOPE-NOPE-NOPE");
        assertThat(door.verdict()).isEqualTo("UNKNOWN");

        // a ticket that was let in is not refunded
        fan.get(baseUrl() + "/reservations");
        mine = new ReservationsPage(fan, baseUrl());
        assertThat(mine.offersCancelling(first)).isFalse();

        // a second booking, cancelled: ₩120,000 less the 10 % fee comes back. The first payment
        // used the admission up with its own commit, so the fan joins the line again (waiting
        // until the confirmation page's payment is visible here)
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM queue_tokens t JOIN members m ON m.id = t.member_id"
                                        + " WHERE t.concert_id = ? AND m.username = ? AND t.status = 'EXPIRE'"
                                        + " AND t.expire_reason = 'PAID'")
                                .params(concert, username)
                                .query(Long.class)
                                .single()
                        == 1);
        fan.get(baseUrl() + "/concerts/" + concert);
        map = new ConcertPage(fan, baseUrl()).joinWaitingRoom().admitted().pickDate(0);
        long seat = free.get(5);
        mine = map.pick(seat).hold().pay();
        long second = mine.newestReservationId();
        assertThat(mine.headerBalance()).isEqualTo("₩140,000");
        var refund = mine.cancelBooking(second);
        assertThat(refund.fee()).isEqualTo("₩12,000");
        assertThat(refund.amountBack()).isEqualTo("₩108,000");
        mine = refund.confirm();
        assertThat(mine.refundedNote()).isEqualTo("Cancelled. ₩108,000 is back in your wallet (fee ₩12,000).");
        assertThat(mine.statusOf(second)).isEqualTo("REFUNDED");
        assertThat(mine.refundSummary(second)).isEqualTo("Cancelled: ₩108,000 refunded, fee ₩12,000.");
        assertThat(mine.headerBalance()).isEqualTo("₩248,000");
        var wallet = WalletPage.open(fan, baseUrl());
        assertThat(wallet.historyAmounts()).startsWith("+₩108,000", "−₩120,000", "−₩240,000", "+₩500,000");
        assertThat(wallet.historyPurposes().get(0))
                .as("the refund names what it was for")
                .startsWith(title + " · ")
                .endsWith("KST · VIP · row 1 · seat 6");

        // the seat is on sale again at once
        var other = newBrowser();
        var otherName = TestData.username("next");
        SignupPage.open(other, baseUrl()).signUp(otherName, TestData.PASSWORD).logIn(otherName, TestData.PASSWORD);
        other.get(baseUrl() + "/concerts/" + concert);
        var theirMap =
                new ConcertPage(other, baseUrl()).joinWaitingRoom().admitted().pickDate(0);
        assertThat(theirMap.statusOf(seat)).isEqualTo("AVAILABLE");
        assertThat(theirMap.statusOf(free.get(0))).isEqualTo("BOOKED");
    }
}
