package app.stagedoor.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.stagedoor.ApiClient;
import app.stagedoor.FormBrowser;
import app.stagedoor.IntegrationTest;
import app.stagedoor.TestConcerts;
import app.stagedoor.TestData;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The waiting room's browser poll over real HTTP, with sessions in the database: a poll with the
 * address the panel gave is answered from its pass and ticket and never reads or touches the
 * session (its row's last access stays put); a forged ticket, another fan's ticket, a forged pass
 * or a pass with another browser's cookie get the answer they got before passes existed, the
 * fan's own place (through the session), and a browser without the session cookie is signed out.
 */
@IntegrationTest
@Tag("database")
class WaitingRoomPollTest {

    private static final Pattern POLL = Pattern.compile("hx-get=\"([^\"]+)\"");
    private static final Pattern POSITION = Pattern.compile("data-testid=\"position\">([0-9,]+)<");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WaitingRoom room;

    ApiClient api;
    long concert;
    FormBrowser fan;
    String otherFansTicket;

    @BeforeEach
    void twoFansInAPausedLine() {
        api = new ApiClient(port);
        concert = TestConcerts.onSaleNow(jdbc);
        room.updateSettings(concert, new QueueSettings(1, 3_600, null, 600, 300, 0, true), "test");
        var username = TestData.username("poll");
        var token = api.newFan(username);
        assertThat(api.post("/api/v1/concerts/" + concert + "/queue", token, null)
                        .status())
                .isEqualTo(200);
        var other = api.newFan(TestData.username("other"));
        otherFansTicket = api.post("/api/v1/concerts/" + concert + "/queue", other, null)
                .body()
                .get("token")
                .asString();
        fan = new FormBrowser("http://localhost:" + port);
        assertThat(fan.signIn(username, TestData.PASSWORD).statusCode()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> POSITION.matcher(page()).find());
    }

    String page() {
        return fan.get("/concerts/" + concert + "/waiting-room").body();
    }

    /** The address the panel polls, as htmx reads it from the page. */
    static String pollOf(String html) {
        var poll = POLL.matcher(html);
        assertThat(poll.find()).as("the panel polls").isTrue();
        return poll.group(1).replace("&amp;", "&");
    }

    static HttpResponse<String> poll(FormBrowser browser, String address) {
        return browser.get(address, "HX-Request", "true");
    }

    static String position(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var position = POSITION.matcher(answer.body());
        assertThat(position.find()).as("the waiting panel: " + answer.body()).isTrue();
        return position.group(1);
    }

    @Test
    void the_panels_poll_is_answered_without_the_session() throws InterruptedException {
        var address = pollOf(page());
        assertThat(address).contains("pass=");
        var before = fan.sessionLastAccess(jdbc);
        for (int i = 0; i < 3; i++) {
            Thread.sleep(20); // the last access is in milliseconds: a read of the session would move it
            var answer = poll(fan, address);
            assertThat(position(answer)).isEqualTo("1");
            assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(pollOf(answer.body()))
                    .as("the next poll keeps its pass")
                    .contains(address.substring(address.indexOf("pass=")));
        }
        assertThat(fan.sessionLastAccess(jdbc))
                .as("no poll read or wrote the session")
                .isEqualTo(before);

        Thread.sleep(20);
        page();
        assertThat(fan.sessionLastAccess(jdbc))
                .as("a page still reads and keeps the session alive")
                .isGreaterThan(before);
    }

    @Test
    void a_forged_or_another_fans_ticket_answers_the_fans_own_place_as_before() {
        var address = pollOf(page());
        var ticket = Pattern.compile("ticket=([^&]+)").matcher(address);
        assertThat(ticket.find()).isTrue();

        var othersTicket = address.replace(ticket.group(1), otherFansTicket);
        assertThat(position(poll(fan, othersTicket)))
                .as("another fan's ticket tells this fan their own place, not the other's")
                .isEqualTo("1");
        var forged = address.replace(
                ticket.group(1), ticket.group(1).substring(0, ticket.group(1).length() - 4) + "AAAA");
        assertThat(position(poll(fan, forged))).isEqualTo("1");
        assertThat(position(poll(fan, address.replaceAll("ticket=[^&]+", "ticket=garbage"))))
                .isEqualTo("1");
    }

    @Test
    void a_forged_pass_or_another_browsers_cookie_goes_through_the_session() throws InterruptedException {
        var address = pollOf(page());
        var pass = Pattern.compile("pass=([^&]+)").matcher(address);
        assertThat(pass.find()).isTrue();
        var forged = address.replace(
                pass.group(1), pass.group(1).substring(0, pass.group(1).length() - 4) + "AAAA");

        var before = fan.sessionLastAccess(jdbc);
        Thread.sleep(20);
        var answer = poll(fan, forged);
        assertThat(position(answer)).as("the session's fan, as before passes").isEqualTo("1");
        assertThat(fan.sessionLastAccess(jdbc)).as("that poll read the session").isGreaterThan(before);
        assertThat(pollOf(answer.body()))
                .as("and drew a pass of its own")
                .contains("pass=")
                .doesNotContain(forged.substring(forged.indexOf("pass=")));

        var stranger = fan.withSession(Base64.getEncoder().encodeToString("no-such-session".getBytes()));
        assertThat(poll(stranger, address).headers().firstValue("HX-Refresh"))
                .as("the fan's pass with another browser's cookie signs nobody in")
                .hasValue("true");
        assertThat(poll(fan.withSession(null), address).headers().firstValue("HX-Refresh"))
                .as("without the session cookie (signed out) the page reloads into the sign-in")
                .hasValue("true");
    }
}
