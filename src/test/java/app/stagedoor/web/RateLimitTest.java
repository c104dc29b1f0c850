package app.stagedoor.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.TestConcerts;
import app.stagedoor.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The limits on what a flood could abuse, on in a context of their own (the rest of the suite
 * turns them off): 429 with Retry-After and RATE_LIMITED, per address and per fan, and a fan who
 * polls as told is never refused.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "stagedoor.web.rate-limits.enabled=true",
            "stagedoor.web.rate-limits.sign-up=3/1h",
            "stagedoor.web.rate-limits.join-per-fan=2/1h",
            "stagedoor.web.rate-limits.poll-burst=2",
            "stagedoor.queue.poll-min=400ms",
            "stagedoor.queue.poll-max=400ms"
        })
class RateLimitTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void sign_ups_from_one_address_are_limited_with_a_calm_answer() {
        // the shared context's other tests may have signed up already: fill the bucket, then look
        double refusedBefore = refused("sign_up");
        ApiClient.Answer last = null;
        for (int i = 0; i < 4; i++) {
            last = api.post(
                    "/api/v1/members",
                    null,
                    "{\"username\":\"" + TestData.username("flood") + "\",\"password\":\"stage-door-pass-9\"}");
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.code()).isEqualTo("RATE_LIMITED");
        assertThat(last.contentType()).startsWith("application/problem+json");
        var retry = api.exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/members"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"x1234\",\"password\":\"stage-door-pass-9\"}")));
        assertThat(retry.status()).isEqualTo(429);
        // an operator sees the refusals on /actuator/prometheus, by the limit that refused them
        assertThat(refused("sign_up") - refusedBefore).isGreaterThanOrEqualTo(2);

        var page = api.send(
                "POST",
                "/signup",
                null,
                "username=pagefan1&password=stage-door-pass-9",
                "application/x-www-form-urlencoded");
        // the page's form carries a CSRF token; without one Spring Security answers first (403),
        // with one the limit answers: either way no account and no 5xx
        assertThat(page.status()).isIn(403, 429);
    }

    private double refused(String limit) {
        var counter = meters.find("stagedoor.rate.limited").tag("limit", limit).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void a_fan_who_polls_as_told_is_never_limited_and_a_fast_poller_is() throws Exception {
        long concertId = TestConcerts.published(jdbc, Instant.now().minus(1, ChronoUnit.HOURS));
        var fan = tokenFor(TestData.username("poller"));
        var joined = api.post("/api/v1/concerts/" + concertId + "/queue", fan, null);
        assertThat(joined.status()).as(joined.raw()).isEqualTo(200);
        for (int poll = 0; poll < 8; poll++) {
            var answer = api.get("/api/v1/concerts/" + concertId + "/queue", fan);
            assertThat(answer.status()).as("poll %d: %s", poll, answer.raw()).isEqualTo(200);
            Thread.sleep(answer.body().get("pollAfterMillis").asLong());
        }
        int limited = 0;
        for (int poll = 0; poll < 10; poll++) {
            var answer = api.get("/api/v1/concerts/" + concertId + "/queue", fan);
            if (answer.status() == 429) {
                limited++;
                assertThat(answer.code()).isEqualTo("RATE_LIMITED");
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(7);
    }

    @Test
    void joins_are_limited_per_fan_and_another_fan_is_not_affected() {
        long concertId = TestConcerts.published(jdbc, Instant.now().minus(1, ChronoUnit.HOURS));
        var eager = tokenFor(TestData.username("eager"));
        var calm = tokenFor(TestData.username("calm"));
        assertThat(api.post("/api/v1/concerts/" + concertId + "/queue", eager, null)
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/concerts/" + concertId + "/queue", eager, null)
                        .status())
                .isEqualTo(200);
        var third = api.post("/api/v1/concerts/" + concertId + "/queue", eager, null);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.code()).isEqualTo("RATE_LIMITED");
        assertThat(api.post("/api/v1/concerts/" + concertId + "/queue", calm, null)
                        .status())
                .isEqualTo(200);
    }

    /** A fan made straight in the table, so the sign-up limit of this context is not spent. */
    private String tokenFor(String username) {
        jdbc.sql("INSERT INTO members (username, password_hash, role, created_at) VALUES (?, ?, 'FAN', ?)")
                .params(username, "{noop}password123", java.sql.Timestamp.from(Instant.now()))
                .update();
        return api.token(username, "password123");
    }
}
