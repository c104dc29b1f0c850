package app.stagedoor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.TestData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

/**
 * Every page, in English and Korean, on a phone (390 px) and a desktop (1280 px), passes axe-core
 * with no serious or critical violation: a visitor's, a fan's (waiting, admitted, holding) and an
 * organiser's.
 */
class AccessibilityTest extends BrowserTest {

    record Visit(WebDriver browser, String path) {}

    @Test
    void every_page_in_both_languages_at_both_widths_has_no_serious_accessibility_violation() {
        var api = new ApiClient(port);
        var adminToken = api.token("admin", "admin-password-for-tests");
        long open = concert(api, adminToken, "Open");
        long paused = concert(api, adminToken, "Paused");
        // opening day: one concert whose pre-queue is open (its draw in five minutes), one whose opens tomorrow
        long soon = concert(api, adminToken, "Soon", Instant.now().plus(5, ChronoUnit.MINUTES));
        long later = concert(api, adminToken, "Later", Instant.now().plus(1, ChronoUnit.DAYS));
        assertThat(api.send(
                                "PUT",
                                "/api/v1/admin/concerts/" + paused + "/queue-settings",
                                adminToken,
                                "{\"admitCount\":50,\"admitIntervalSeconds\":10,\"maxActive\":null,\"activeSeconds\":600,\"holdSeconds\":300,\"preQueueMinutes\":0,\"paused\":true}")
                        .status())
                .isEqualTo(200);

        var visitor = newBrowser();
        var admin = newBrowser();
        LoginPage.open(admin, baseUrl()).logIn("admin", "admin-password-for-tests");
        var fan = newBrowser();
        var username = TestData.username("a11y");
        SignupPage.open(fan, baseUrl()).signUp(username, TestData.PASSWORD).logIn(username, TestData.PASSWORD);
        var fanToken = api.token(username, TestData.PASSWORD);
        api.post("/api/v1/wallet/charges", fanToken, "{\"amount\":100000}");

        fan.get(baseUrl() + "/concerts/" + paused);
        new ConcertPage(fan, baseUrl()).joinWaitingRoom();
        fan.get(baseUrl() + "/concerts/" + soon);
        new ConcertPage(fan, baseUrl()).joinWaitingRoom();
        fan.get(baseUrl() + "/concerts/" + open);
        new ConcertPage(fan, baseUrl()).joinWaitingRoom().admitted();
        long performance = api.get("/api/v1/concerts/" + open + "/performances", fanToken)
                .body()
                .get(0)
                .get("id")
                .asLong();
        long reservation = api.post(
                        "/api/v1/performances/" + performance + "/holds",
                        fanToken,
                        "{\"best\":{\"count\":2,\"section\":\"R\"}}")
                .body()
                .get("reservationId")
                .asLong();

        var visits = List.of(
                new Visit(visitor, "/"),
                new Visit(visitor, "/concerts/" + open),
                new Visit(visitor, "/concerts/" + later),
                new Visit(fan, "/concerts/" + soon),
                new Visit(fan, "/concerts/" + soon + "/waiting-room"),
                new Visit(visitor, "/login"),
                new Visit(visitor, "/signup"),
                new Visit(fan, "/"),
                new Visit(fan, "/wallet"),
                new Visit(fan, "/concerts/" + paused + "/waiting-room"),
                new Visit(fan, "/concerts/" + open + "/performances"),
                new Visit(fan, "/performances/" + performance + "/seats"),
                new Visit(fan, "/reservations/" + reservation + "/checkout"),
                new Visit(fan, "/reservations"),
                new Visit(fan, "/no-such-page"),
                new Visit(admin, "/admin/concerts"),
                new Visit(admin, "/admin/concerts/new"),
                new Visit(admin, "/admin/concerts/" + open),
                new Visit(admin, "/admin/concerts/" + open + "/waiting-room"),
                new Visit(admin, "/admin/concerts/" + open + "/sales"),
                new Visit(admin, "/admin/organisers"));

        var problems = new ArrayList<String>();
        for (int width : new int[] {390, 1280}) {
            for (var language : List.of("en", "ko")) {
                for (var visit : visits) {
                    var browser = visit.browser();
                    browser.manage().window().setSize(new Dimension(width, width < 600 ? 844 : 1000));
                    var address = baseUrl() + visit.path();
                    browser.get(address + "?lang=" + language);
                    new Page(browser, baseUrl()) {}.visible(By.cssSelector("main h1"));
                    var where = width + " px " + language + " " + visit.path();
                    Axe.seriousViolations(browser).forEach(v -> problems.add(where + ": " + v));
                    screenshot(browser, width + "-" + language + visit.path());
                    if (visit.path().endsWith("/seats") && width < 600) {
                        var section = browser.findElement(By.cssSelector("[data-testid='section-button']"));
                        ((org.openqa.selenium.JavascriptExecutor) browser)
                                .executeScript("arguments[0].click();", section); // the phone journeys tap for real
                        screenshot(browser, width + "-" + language + visit.path() + "-section");
                        Axe.seriousViolations(browser).forEach(v -> problems.add(where + " (a section open): " + v));
                    }
                }
            }
        }
        assertThat(problems).as("serious or critical accessibility violations").isEmpty();
    }

    private long concert(ApiClient api, String adminToken, String name) {
        return concert(api, adminToken, name, Instant.now().minus(1, ChronoUnit.HOURS));
    }

    private long concert(ApiClient api, String adminToken, String name, Instant salesOpenAt) {
        return api.post("/api/v1/admin/concerts", adminToken, """
                        {"title":"%s","artist":"HAEUN","venue":"Olympic Hall","salesOpenAt":"%s","maxSeatsPerMember":4,
                         "sections":[{"name":"VIP","rows":2,"seatsPerRow":10,"price":120000},{"name":"R","rows":3,"seatsPerRow":24,"price":80000}],
                         "performances":[{"startsAt":"%s"}]}
                        """.formatted(
                                TestData.username(name), salesOpenAt, salesOpenAt.plus(20, ChronoUnit.DAYS)))
                .body()
                .get("id")
                .asLong();
    }
}
