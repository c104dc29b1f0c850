package app.stagedoor.concert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.stagedoor.ApiClient;
import app.stagedoor.FormBrowser;
import app.stagedoor.IntegrationTest;
import app.stagedoor.TestConcerts;
import app.stagedoor.TestData;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The open seat map's refresh over real HTTP, with sessions in the database: a refresh with the
 * address the page gave is answered from its pass (the fan, this date's map, the admission's end)
 * and never reads or touches the session, its row's last access stays put, whether the map moved
 * or not; once the admission the page found has ended, the refresh goes through the session and
 * is sent to the waiting room, as before passes. A forged pass, another fan's, another date's, or
 * none goes through the session and gets the fan's own answer with a new pass; a browser without
 * the session cookie is signed out.
 */
@IntegrationTest
@Tag("database")
class SeatMapRefreshTest {

    private static final Pattern REFRESH = Pattern.compile("<div[^>]*id=\"seat-refresh\"[^>]*hx-get=\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("name=\"since\" value=\"([^\"]+)\"");
    private static final Pattern PASS = Pattern.compile("pass=([^&]+)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    long concert;
    List<Long> seats;
    long performance;
    long otherDate;
    String username;
    long member;
    FormBrowser fan;

    @BeforeEach
    void anAdmittedFanWithTheMapOpen() {
        api = new ApiClient(port);
        concert = TestConcerts.onSaleNow(jdbc);
        seats = TestConcerts.date(jdbc, concert, 4, 10_000);
        performance = TestConcerts.performanceOf(jdbc, seats.get(0));
        otherDate = TestConcerts.performanceOf(
                jdbc, TestConcerts.date(jdbc, concert, 2, 10_000).get(0));
        username = TestData.username("map");
        api.newFan(username);
        member = memberId(username);
        TestConcerts.admit(jdbc, concert, member);
        fan = signedIn(username);
    }

    long memberId(String name) {
        return jdbc.sql("SELECT id FROM members WHERE username = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    FormBrowser signedIn(String name) {
        var browser = new FormBrowser("http://localhost:" + port);
        assertThat(browser.signIn(name, TestData.PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    static String page(FormBrowser browser, long date) {
        var page = browser.get("/performances/" + date + "/seats");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    /** The address the page's refresh asks, as htmx reads it. */
    static String refreshOf(String html) {
        var refresh = REFRESH.matcher(html);
        assertThat(refresh.find()).as("the map refreshes: " + html).isTrue();
        return refresh.group(1).replace("&amp;", "&");
    }

    static String versionOf(String html) {
        var version = VERSION.matcher(html);
        assertThat(version.find()).as("the page's version").isTrue();
        return version.group(1);
    }

    static String passOf(String address) {
        var pass = PASS.matcher(address);
        assertThat(pass.find()).as("a pass in " + address).isTrue();
        return pass.group(1);
    }

    /** The refresh as htmx sends it: the address, with the form's version. */
    static HttpResponse<String> refresh(FormBrowser browser, String address, String since) {
        return browser.get(address + (address.contains("?") ? "&" : "?") + "since=" + since, "HX-Request", "true");
    }

    @Test
    void the_refresh_is_answered_without_the_session_whether_the_map_moved_or_not() throws InterruptedException {
        var html = page(fan, performance);
        var address = refreshOf(html);
        var version = versionOf(html);
        assertThat(address).contains("pass=");
        var before = fan.sessionLastAccess(jdbc);
        for (int i = 0; i < 3; i++) {
            Thread.sleep(20); // the last access is in milliseconds: a read of the session would move it
            var answer = refresh(fan, address, version);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
            assertThat(answer.body()).isEmpty();
            assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
        }

        var holder = api.newFan(TestData.username("holder"));
        TestConcerts.admit(jdbc, concert, memberId(subjectOfToken(holder)));
        assertThat(api.post(
                                "/api/v1/performances/" + performance + "/holds",
                                holder,
                                "{\"seatIds\":[" + seats.get(1) + "]}")
                        .status())
                .isEqualTo(201);
        var moved = await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> refresh(fan, address, version), answer -> answer.statusCode() == 200);
        assertThat(moved.body())
                .contains("id=\"seat-" + seats.get(1) + "\"", "data-status=\"RESERVED\"", "id=\"seat-version\"")
                .doesNotContain("id=\"seat-" + seats.get(0) + "\"", "id=\"seat-refresh\"");
        assertThat(moved.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(fan.sessionLastAccess(jdbc))
                .as("no refresh read or wrote the session")
                .isEqualTo(before);

        Thread.sleep(20);
        page(fan, performance);
        assertThat(fan.sessionLastAccess(jdbc))
                .as("a page still reads and keeps the session alive")
                .isGreaterThan(before);
    }

    /** The username an API token was issued to (its subject). */
    static String subjectOfToken(String token) {
        var claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        var subject = Pattern.compile("\"sub\":\"([^\"]+)\"").matcher(claims);
        assertThat(subject.find()).isTrue();
        return subject.group(1);
    }

    @Test
    void once_the_admission_the_page_found_ends_the_refresh_asks_the_waiting_room_as_before()
            throws InterruptedException {
        var until = Instant.now().plusSeconds(3);
        jdbc.sql("UPDATE queue_tokens SET active_until = ? WHERE concert_id = ? AND member_id = ?")
                .params(Timestamp.from(until), concert, member)
                .update();
        var html = page(fan, performance);
        var address = refreshOf(html);
        var version = versionOf(html);
        var before = fan.sessionLastAccess(jdbc);
        Thread.sleep(20);
        assertThat(refresh(fan, address, version).statusCode()).isEqualTo(204);
        assertThat(fan.sessionLastAccess(jdbc)).as("answered from the pass").isEqualTo(before);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), until).toMillis()) + 50);
        var after = refresh(fan, address, version);
        assertThat(after.headers().firstValue("HX-Redirect"))
                .as("the admission is over: to the waiting room, at the moment the session's note ends too")
                .hasValue("/concerts/" + concert + "/waiting-room");
        assertThat(fan.sessionLastAccess(jdbc))
                .as("that refresh went through the session")
                .isGreaterThan(before);
    }

    @Test
    void a_forged_foreign_or_other_dates_pass_goes_through_the_session_and_brings_a_new_one()
            throws InterruptedException {
        var html = page(fan, performance);
        var address = refreshOf(html);
        var version = versionOf(html);
        var pass = passOf(address);
        var forged = address.replace(pass, pass.substring(0, pass.length() - 4) + "AAAA");
        var otherDatesPass = passOf(refreshOf(page(fan, otherDate)));
        var other = signedIn(anotherAdmittedFan());
        var otherFansPass = passOf(refreshOf(page(other, performance)));

        for (var wrong : List.of(
                forged,
                address.replace(pass, otherDatesPass),
                address.replace(pass, otherFansPass),
                "/performances/" + performance + "/seats/map")) {
            var before = fan.sessionLastAccess(jdbc);
            Thread.sleep(20);
            var answer = refresh(fan, wrong, version);
            assertThat(answer.statusCode()).as(wrong + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.body())
                    .as("the map as the session's fan sees it: nothing moved")
                    .doesNotContain("data-seat-id")
                    .contains("id=\"seat-refresh\"", "hx-swap-oob=\"true\"");
            assertThat(fan.sessionLastAccess(jdbc))
                    .as(wrong + " read the session")
                    .isGreaterThan(before);
            var renewed = refreshOf(answer.body());
            assertThat(subjectOf(passOf(renewed)))
                    .as("a pass of the session's own fan, for this date")
                    .isEqualTo(username);

            var settled = fan.sessionLastAccess(jdbc);
            Thread.sleep(20);
            assertThat(refresh(fan, renewed, version).statusCode()).isEqualTo(204);
            assertThat(fan.sessionLastAccess(jdbc))
                    .as("the new pass spares the session again")
                    .isEqualTo(settled);
        }

        var stranger = fan.withSession(Base64.getEncoder().encodeToString("no-such-session".getBytes()));
        assertThat(refresh(stranger, address, version).headers().firstValue("HX-Refresh"))
                .as("the fan's pass with another browser's cookie signs nobody in")
                .hasValue("true");
        assertThat(refresh(fan.withSession(null), address, version).headers().firstValue("HX-Refresh"))
                .as("without the session cookie (signed out) the page reloads into the sign-in")
                .hasValue("true");
    }

    String anotherAdmittedFan() {
        var name = TestData.username("other");
        api.newFan(name);
        TestConcerts.admit(jdbc, concert, memberId(name));
        return name;
    }

    static String subjectOf(String pass) {
        return subjectOfToken(URLDecoder.decode(pass, StandardCharsets.UTF_8));
    }
}
