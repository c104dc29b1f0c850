package app.stagedoor.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.Race;
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
            // every answer tells a fan to poll again in 1.0 to 1.1 s; the leeway is then 0.5 s
            "stagedoor.queue.poll-min=1s",
            "stagedoor.queue.poll-max=1s"
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
    void a_fan_who_polls_as_told_is_never_limited_and_one_who_polls_sooner_waits_what_is_left() throws Exception {
        long concertId = TestConcerts.published(jdbc, Instant.now().minus(1, ChronoUnit.HOURS));
        var fan = tokenFor(TestData.username("poller"));
        var poll = "/api/v1/concerts/" + concertId + "/queue";
        var joined = api.post(poll, fan, null);
        assertThat(joined.status()).as(joined.raw()).isEqualTo(200);
        long told = 0;
        for (int i = 0; i < 5; i++) {
            Thread.sleep(told);
            var answer = api.get(poll, fan);
            assertThat(answer.status()).as("poll %d: %s", i, answer.raw()).isEqualTo(200);
            told = answer.body().get("pollAfterMillis").asLong();
        }

        // at once after an answer: too soon, and told how long is left (at most the interval)
        long started = System.nanoTime();
        var early = api.get(poll, fan);
        assertThat(early.status()).as(early.raw()).isEqualTo(429);
        assertThat(early.code()).isEqualTo("RATE_LIMITED");
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(early.retryAfter()).isEqualTo("1");
        int letThrough = 0;
        for (int i = 0; i < 10; i++) {
            if (api.get(poll, fan).status() == 200) {
                letThrough++;
            }
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(letThrough)
                .as("polls answered in %d ms of polling as fast as possible", elapsedMillis)
                .isLessThanOrEqualTo((int) (elapsedMillis / 500) + 1);
        assertThat(refused("poll")).isGreaterThanOrEqualTo(1);

        // the same fan's poll of another line keeps its own pace
        long other = TestConcerts.published(jdbc, Instant.now().minus(1, ChronoUnit.HOURS));
        assertThat(api.post("/api/v1/concerts/" + other + "/queue", fan, null).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/concerts/" + other + "/queue", fan).status())
                .isEqualTo(200);
    }

    @Test
    void a_burst_of_polls_sent_at_once_gets_one_answer() throws Exception {
        long concertId = TestConcerts.published(jdbc, Instant.now().minus(1, ChronoUnit.HOURS));
        var fan = tokenFor(TestData.username("burst"));
        var poll = "/api/v1/concerts/" + concertId + "/queue";
        assertThat(api.post(poll, fan, null).status()).isEqualTo(200);
        var answers = Race.run(java.util.Collections.nCopies(
                10, (java.util.concurrent.Callable<ApiClient.Answer>) () -> api.get(poll, fan)));
        assertThat(answers).extracting(ApiClient.Answer::status).containsOnly(200, 429);
        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
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
