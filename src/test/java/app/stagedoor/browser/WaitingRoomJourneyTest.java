package app.stagedoor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two fans in a real browser wait in line behind three others; once the organiser lets the line
 * move, one fan is let in every two seconds, and the page moves on by itself.
 */
class WaitingRoomJourneyTest extends BrowserTest {

    @Test
    void a_fan_waits_sees_the_line_move_and_is_let_in_without_touching_the_page() {
        var api = new ApiClient(port);
        var admin = api.token("admin", "admin-password-for-tests");
        var salesOpenAt = Instant.now().minus(1, ChronoUnit.HOURS);
        long concert = api.post("/api/v1/admin/concerts", admin, """
                        {"title":"%s","artist":"HAEUN","venue":"Hall","salesOpenAt":"%s","maxSeatsPerMember":4,
                         "sections":[{"name":"Floor","rows":2,"seatsPerRow":10,"price":50000}],
                         "performances":[{"startsAt":"%s"}]}
                        """.formatted(
                                TestData.username("Line"), salesOpenAt, salesOpenAt.plus(20, ChronoUnit.DAYS)))
                .body()
                .get("id")
                .asLong();
        settings(api, admin, concert, true);
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/concerts/" + concert + "/queue", api.newFan(TestData.username("ahead")), null);
        }

        var first = signedInFan();
        var second = signedInFan();
        first.get(baseUrl() + "/concerts/" + concert);
        var firstRoom = new ConcertPage(first, baseUrl()).joinWaitingRoom();
        second.get(baseUrl() + "/concerts/" + concert);
        var secondRoom = new ConcertPage(second, baseUrl()).joinWaitingRoom();

        // paused: everybody keeps their place, in join order
        assertThat(firstRoom.isWaiting()).isTrue();
        assertThat(firstRoom.position()).isEqualTo(4);
        assertThat(secondRoom.position()).isEqualTo(5);
        assertThat(firstRoom.progress()).isZero();

        // a fan who gives up leaves from the page once polls have redrawn the panel
        var third = signedInFan();
        third.get(baseUrl() + "/concerts/" + concert);
        var thirdRoom =
                new ConcertPage(third, baseUrl()).joinWaitingRoom().afterAPoll().leave();
        assertThat(thirdRoom.isWaiting()).isFalse();

        // the organiser lets the line move: the bar fills and the fan behind moves up, untouched
        settings(api, admin, concert, false);
        new WebDriverWait(first, Duration.ofSeconds(30)).until(d -> firstRoom.progress() > 0);
        new WebDriverWait(second, Duration.ofSeconds(30)).until(d -> secondRoom.position() < 5);

        var dates = firstRoom.admitted();
        assertThat(dates.remaining()).containsExactly("20 of 20 seats left");
        assertThat(first.findElement(Page.testId("admission")).getText()).contains("Your access lasts until");

        assertThat(secondRoom.admitted().remaining()).hasSize(1);
    }

    private static void settings(ApiClient api, String admin, long concert, boolean paused) {
        var body = """
                {"admitCount":1,"admitIntervalSeconds":2,"maxActive":null,"activeSeconds":600,"holdSeconds":300,"preQueueMinutes":0,"paused":%s}
                """.formatted(paused);
        assertThat(api.send("PUT", "/api/v1/admin/concerts/" + concert + "/queue-settings", admin, body)
                        .status())
                .isEqualTo(200);
    }

    private WebDriver signedInFan() {
        var browser = newBrowser();
        var username = TestData.username("waiter");
        SignupPage.open(browser, baseUrl())
                .signUp(username, "stage-door-pass-9")
                .logIn(username, "stage-door-pass-9");
        return browser;
    }
}
