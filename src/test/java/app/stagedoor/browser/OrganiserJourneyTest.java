package app.stagedoor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.TestData;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** An organiser sets up a concert in the browser; a fan finds it and sees its seat map. */
class OrganiserJourneyTest extends BrowserTest {

    @Test
    void the_admin_creates_and_publishes_a_concert_and_a_fan_sees_its_seat_map() {
        var organiser = newBrowser();
        LoginPage.open(organiser, baseUrl()).logIn("admin", "admin-password-for-tests");

        var now = LocalDateTime.now(ZoneId.of("Asia/Seoul")).truncatedTo(ChronoUnit.MINUTES);
        var title = TestData.username("Spring Gala");
        var editor = ConcertEditorPage.openNew(organiser, baseUrl())
                .describe(
                        title,
                        "The Quartet",
                        "Lotte Concert Hall",
                        now.minusHours(1).toString())
                .section(0, "Floor", 3, 10, 120_000)
                .section(1, "Balcony", 2, 8, 80_000);
        assertThat(editor.previewSeats()).isEqualTo(46);

        editor = editor.save();
        assertThat(editor.showsSaved()).isTrue();
        editor = editor.addDate(now.plusDays(20).withHour(19).withMinute(30).toString());
        assertThat(editor.dates()).isEqualTo(1);
        editor = editor.publish();
        assertThat(editor.publishState()).isEqualTo("Published");

        var fan = newBrowser();
        var username = TestData.username("fan");
        var concert = SignupPage.open(fan, baseUrl())
                .signUp(username, "stage-door-pass-9")
                .logIn(username, "stage-door-pass-9")
                .openConcert(title);
        assertThat(concert.title()).isEqualTo(title);

        var dates = concert.joinWaitingRoom().admitted();
        assertThat(dates.remaining()).containsExactly("46 of 46 seats left");
        var map = dates.pickDate(0);
        assertThat(map.sections()).containsExactly("Floor", "Balcony");
        assertThat(map.seatsIn("Floor")).isEqualTo(30);
        assertThat(map.seatsIn("Balcony")).isEqualTo(16);
    }

    @Test
    void bad_organiser_input_is_explained_on_the_page() {
        var organiser = newBrowser();
        LoginPage.open(organiser, baseUrl()).logIn("admin", "admin-password-for-tests");
        var editor = ConcertEditorPage.openNew(organiser, baseUrl())
                .describe("", "Artist", "Hall", "2026-12-01T20:00")
                .section(0, "VIP", 0, 10, -5)
                .section(1, "vip", 2, 10, 50_000)
                .save();
        assertThat(editor.errors())
                .contains(
                        "Give the concert a title.",
                        "Use 1 to 50 rows.",
                        "Use a price from ₩1,000 to ₩10,000,000.",
                        "Each section needs its own name.");
    }
}
