package app.stagedoor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opening day in real browsers, in real time: a fan waits on the concert page until the countdown
 * reaches the pre-queue, joins it, and sees the draw give a place at opening; a fan who came later
 * waits behind; the organiser lowers the rate, pauses with a message and resumes from the live
 * console, and the waiting fan's estimate and message follow, until they are let in.
 */
class OpeningDayJourneyTest extends BrowserTest {

    static final String MESSAGE = "Sales resume at 8 PM";

    @Test
    void from_the_countdown_through_the_draw_to_the_organisers_console_and_in() {
        var api = new ApiClient(port);
        var admin = api.token("admin", "admin-password-for-tests");
        // the early fan's browser starts and signs in before the countdown does: on a busy machine
        // that alone can take longer than the countdown, and the page would open on PRE_QUEUE
        var early = signedInFan();
        // the pre-queue (one minute before the sale) opens 8 s from now
        var salesOpenAt = Instant.now().plusSeconds(68).truncatedTo(ChronoUnit.SECONDS);
        long concert = api.post("/api/v1/admin/concerts", admin, """
                        {"title":"%s","artist":"HAEUN","venue":"Hall","salesOpenAt":"%s","maxSeatsPerMember":4,
                         "sections":[{"name":"Floor","rows":2,"seatsPerRow":10,"price":50000}],
                         "performances":[{"startsAt":"%s"}]}
                        """.formatted(
                                TestData.username("Opening"), salesOpenAt, salesOpenAt.plus(20, ChronoUnit.DAYS)))
                .body()
                .get("id")
                .asLong();
        // paused at opening, as an organiser who wants to look first; one fan in at a time
        assertThat(api.send("PUT", "/api/v1/admin/concerts/" + concert + "/queue-settings", admin, """
                                {"admitCount":1,"admitIntervalSeconds":10,"maxActive":1,"activeSeconds":600,
                                 "holdSeconds":300,"preQueueMinutes":1,"paused":true}""")
                        .status())
                .isEqualTo(200);

        // the early fan waits on the concert page: a countdown, then the pre-queue, without a reload
        early.get(baseUrl() + "/concerts/" + concert);
        var door = early.findElement(Page.testId("door"));
        assertThat(door.getAttribute("data-phase")).isEqualTo("BEFORE");
        assertThat(door.getText()).contains("The pre-queue opens in");
        ((JavascriptExecutor) early).executeScript("window.stillThePage = true");
        new WebDriverWait(early, Duration.ofSeconds(30))
                // htmx may swap the door between finding it and reading it: that is the redraw awaited
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d ->
                        "PRE_QUEUE".equals(d.findElement(Page.testId("door")).getAttribute("data-phase")));
        assertThat(((JavascriptExecutor) early).executeScript("return window.stillThePage"))
                .as("the door redrew itself; the page was not reloaded")
                .isEqualTo(true);
        early.findElement(Page.testId("join")).click();
        var earlyRoom = new WaitingRoomPage(early, baseUrl());
        new WebDriverWait(early, Duration.ofSeconds(15))
                .until(d -> !d.findElements(Page.testId("pre-queue")).isEmpty());
        assertThat(early.findElement(Page.testId("waiting-panel")).getText())
                .contains("You are in the pre-queue: at opening everyone here gets a random place.")
                .contains("Places are drawn in");
        var commitment = early.findElement(Page.testId("draw-commitment")).getAttribute("textContent");
        assertThat(commitment).matches("[0-9a-f]{64}");
        var code = early.findElement(Page.testId("draw-code")).getText();

        for (int i = 0; i < 2; i++) {
            api.post("/api/v1/concerts/" + concert + "/queue", api.newFan(TestData.username("early")), null);
        }

        // at opening the draw gives the early fan a place, the one the published draw says
        new WebDriverWait(early, Duration.ofSeconds(90))
                .until(d -> !d.findElements(Page.testId("position")).isEmpty());
        var draw = api.get("/api/v1/concerts/" + concert + "/queue/draw", null).body();
        assertThat(draw.get("commitment").asString()).isEqualTo(commitment);
        long place = 0;
        for (var entrant : draw.get("entrants")) {
            if (entrant.get("ticket").asString().equals(code)) {
                place = entrant.get("place").asLong();
            }
        }
        assertThat(place).as("the fan's ticket is among the entrants").isBetween(1L, 3L);
        assertThat(earlyRoom.position()).isEqualTo(place);
        assertThat(early.getTitle()).isEqualTo("(#" + place + ") Waiting room · Stagedoor");

        // a fan who comes after opening waits behind the three drawn
        var late = signedInFan();
        late.get(baseUrl() + "/concerts/" + concert);
        var lateRoom = new ConcertPage(late, baseUrl()).joinWaitingRoom();
        assertThat(lateRoom.position()).isEqualTo(4);
        assertThat(eta(late)).isEqualTo("paused");

        // the organiser resumes from the console: one fan in (the cap is one), the rest move up
        var organiser = newBrowser();
        LoginPage.open(organiser, baseUrl()).logIn("admin", "admin-password-for-tests");
        organiser.get(baseUrl() + "/admin/concerts/" + concert + "/waiting-room");
        organiser.findElement(Page.testId("resume")).click();
        new WebDriverWait(late, Duration.ofSeconds(30)).until(d -> lateRoom.position() == 3);
        new WebDriverWait(late, Duration.ofSeconds(30)).until(d -> eta(d).equals("under a minute"));

        // the organiser lowers the rate: one every 30 s instead of every 10 s
        organiser.get(baseUrl() + "/admin/concerts/" + concert + "/waiting-room");
        var interval = organiser.findElement(By.id("admitIntervalSeconds"));
        interval.clear();
        interval.sendKeys("30");
        organiser.findElement(Page.testId("save-settings")).click();
        new WebDriverWait(organiser, Duration.ofSeconds(15))
                .until(d -> !d.findElements(Page.testId("settings-saved")).isEmpty());
        new WebDriverWait(late, Duration.ofSeconds(30)).until(d -> eta(d).equals("about 2 min"));

        // and pauses with a message to everyone waiting
        organiser.get(baseUrl() + "/admin/concerts/" + concert + "/waiting-room");
        organiser.findElement(By.id("fan-message")).sendKeys(MESSAGE);
        organiser.findElement(Page.testId("save-message")).click();
        organiser.findElement(Page.testId("pause")).click();
        new WebDriverWait(late, Duration.ofSeconds(30))
                .until(d -> !d.findElements(Page.testId("organiser-message")).isEmpty() && eta(d).equals("paused"));
        assertThat(late.findElement(Page.testId("organiser-message")).getText()).contains(MESSAGE);

        // resume, with everyone let in at once: the late fan's page moves on by itself
        organiser.get(baseUrl() + "/admin/concerts/" + concert + "/waiting-room");
        var cap = organiser.findElement(By.id("maxActive"));
        cap.clear();
        var count = organiser.findElement(By.id("admitCount"));
        count.clear();
        count.sendKeys("10");
        organiser.findElement(Page.testId("save-settings")).click();
        new WebDriverWait(organiser, Duration.ofSeconds(15))
                .until(d -> !d.findElements(Page.testId("settings-saved")).isEmpty());
        organiser.get(baseUrl() + "/admin/concerts/" + concert + "/waiting-room");
        organiser.findElement(Page.testId("resume")).click();
        lateRoom.admitted();
        assertThat(late.getTitle()).startsWith("Your turn");

        organiser.get(baseUrl() + "/admin/concerts/" + concert + "/waiting-room");
        assertThat(organiser.findElement(Page.testId("queue-audit")).getText())
                .as("every change is on record")
                .contains("admin")
                .contains(MESSAGE);
        for (var browser : java.util.List.of(early, late, organiser)) {
            assertThat(consoleErrors(browser)).isEmpty();
        }
    }

    private static String eta(WebDriver driver) {
        var found = driver.findElements(Page.testId("eta"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private WebDriver signedInFan() {
        var browser = newBrowser();
        var username = TestData.username("opener");
        SignupPage.open(browser, baseUrl())
                .signUp(username, "stage-door-pass-9")
                .logIn(username, "stage-door-pass-9");
        return browser;
    }
}
