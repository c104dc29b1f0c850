package app.stagedoor.queue;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.IntegrationTest;
import app.stagedoor.TestData;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The waiting room's API over real HTTP: join, poll, leave, the organiser's settings and counts. */
@IntegrationTest
class QueueApiTest {

    @LocalServerPort
    int port;

    ApiClient api;
    String admin;
    String fan;

    @BeforeEach
    void tokens() {
        api = new ApiClient(port);
        admin = api.token("admin", "admin-password-for-tests");
        fan = api.newFan(TestData.username("queue"));
    }

    long concert(Instant salesOpenAt) {
        var body = """
                {"title":"Queue","artist":"A","venue":"V","salesOpenAt":"%s","maxSeatsPerMember":4,
                 "sections":[{"name":"Floor","rows":1,"seatsPerRow":5,"price":10000}],
                 "performances":[{"startsAt":"%s"}]}
                """.formatted(salesOpenAt, salesOpenAt.plus(30, ChronoUnit.DAYS));
        return api.post("/api/v1/admin/concerts", admin, body).body().get("id").asLong();
    }

    long pausedConcert() {
        long id = concert(Instant.now().minus(1, ChronoUnit.HOURS));
        var paused = api.send(
                "PUT",
                "/api/v1/admin/concerts/" + id + "/queue-settings",
                admin,
                "{\"admitCount\":5,\"admitIntervalSeconds\":10,\"maxActive\":null,\"activeSeconds\":600,\"holdSeconds\":300,\"preQueueMinutes\":0,\"paused\":true}");
        assertThat(paused.status()).isEqualTo(200);
        return id;
    }

    ApiClient.Answer poll(long concert, String token, String ticket) {
        var request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/concerts/" + concert + "/queue"))
                .header("Authorization", "Bearer " + token)
                .GET();
        if (ticket != null) {
            request.header("Queue-Token", ticket);
        }
        return api.exchange(request);
    }

    /**
     * Polls as a client does, at the interval the answers suggest, until the line has given the
     * ticket its place (at the promoter's next tick after the join).
     */
    ApiClient.Answer placed(long concert, String token, ApiClient.Answer joined) {
        var answer = joined;
        long giveUp = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (answer.body().get("position").isNull() && System.nanoTime() < giveUp) {
            assertThat(answer.body().get("status").asString()).isEqualTo("WAIT");
            sleep(Math.min(500, answer.body().get("pollAfterMillis").asLong()));
            answer = poll(concert, token, answer.body().get("token").asString());
        }
        assertThat(answer.body().get("position").isNull())
                .as("placed within 20 s")
                .isFalse();
        return answer;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String ticketId(String signedTicket) {
        var claims = new String(Base64.getUrlDecoder().decode(signedTicket.split("\\.")[1]));
        return claims.replaceAll(".*\"tid\":(\\d+).*", "$1");
    }

    @Test
    void joining_twice_gives_the_same_ticket_and_polls_report_the_place() {
        long concert = pausedConcert();
        var first = api.post("/api/v1/concerts/" + concert + "/queue", fan, null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("status").asString()).isEqualTo("WAIT");
        assertThat(first.body().get("pollAfterMillis").asLong()).isPositive();
        assertThat(first.body().get("paused").asBoolean()).isTrue();
        assertThat(first.body().get("drawCode").asString()).matches("[0-9a-f]{16}");
        var again = api.post("/api/v1/concerts/" + concert + "/queue", fan, null);
        assertThat(ticketId(again.body().get("token").asString()))
                .isEqualTo(ticketId(first.body().get("token").asString()));

        var polled = placed(concert, fan, first);
        assertThat(polled.body().get("status").asString()).isEqualTo("WAIT");
        assertThat(polled.body().get("position").asLong()).isEqualTo(1);
        assertThat(poll(concert, fan, null).body().get("position").asLong()).isEqualTo(1);

        var second = api.newFan(TestData.username("second"));
        var behind = placed(concert, second, api.post("/api/v1/concerts/" + concert + "/queue", second, null));
        assertThat(behind.body().get("position").asLong()).isEqualTo(2);
        assertThat(behind.body().get("fansAhead").asLong()).isEqualTo(1);
    }

    @Test
    void an_altered_ticket_cannot_jump_the_line_even_after_the_real_one_was_read() {
        long concert = pausedConcert();
        var ahead = api.newFan(TestData.username("ahead"));
        placed(concert, ahead, api.post("/api/v1/concerts/" + concert + "/queue", ahead, null));
        var ticket = placed(concert, fan, api.post("/api/v1/concerts/" + concert + "/queue", fan, null))
                .body()
                .get("token")
                .asString();
        assertThat(poll(concert, fan, ticket).body().get("position").asLong()).isEqualTo(2);

        var parts = ticket.split("\\.");
        var claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        var seq = claims.replaceAll(".*\"seq\":(\\d+).*", "$1");
        var earlier = claims.replace("\"seq\":" + seq, "\"seq\":" + (Long.parseLong(seq) - 1));
        var forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(earlier.getBytes()) + "."
                + parts[2];

        var answer = poll(concert, fan, forged);
        assertThat(answer.body().get("position").asLong()).isEqualTo(2);
        assertThat(answer.body().get("token").asString()).isEqualTo(ticket);
    }

    @Test
    void without_a_ticket_the_status_is_NONE_and_another_fans_ticket_changes_nothing() {
        long concert = pausedConcert();
        var ticket = api.post("/api/v1/concerts/" + concert + "/queue", fan, null)
                .body()
                .get("token")
                .asString();
        var stranger = api.newFan(TestData.username("stranger"));
        var answer = poll(concert, stranger, ticket);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("status").asString()).isEqualTo("NONE");
        assertThat(answer.body().get("position").isNull()).isTrue();
    }

    @Test
    void leaving_ends_the_ticket_and_joining_again_goes_to_the_back() {
        long concert = pausedConcert();
        api.post("/api/v1/concerts/" + concert + "/queue", fan, null);
        var other = api.newFan(TestData.username("other"));
        api.post("/api/v1/concerts/" + concert + "/queue", other, null);

        assertThat(api.send("DELETE", "/api/v1/concerts/" + concert + "/queue", fan, null)
                        .status())
                .isEqualTo(204);
        var left = poll(concert, fan, null).body();
        assertThat(left.get("status").asString()).isEqualTo("EXPIRE");
        assertThat(left.get("expireReason").asString()).isEqualTo("LEFT");

        var back = placed(concert, fan, api.post("/api/v1/concerts/" + concert + "/queue", fan, null))
                .body();
        assertThat(back.get("status").asString()).isEqualTo("WAIT");
        assertThat(back.get("position").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void before_the_sales_open_it_is_SALES_NOT_OPEN_and_unknown_concerts_NOT_FOUND() {
        long later = concert(Instant.now().plus(2, ChronoUnit.DAYS));
        var refused = api.post("/api/v1/concerts/" + later + "/queue", fan, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SALES_NOT_OPEN");
        assertThat(refused.body().get("salesOpenAt").asString()).endsWith("Z");

        assertThat(api.post("/api/v1/concerts/999999/queue", fan, null).code()).isEqualTo("NOT_FOUND");
        assertThat(poll(999_999, fan, null).code()).isEqualTo("NOT_FOUND");
        assertThat(api.post("/api/v1/concerts/abc/queue", fan, null).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/concerts/1/queue", null, null).status()).isEqualTo(401);
    }

    @Test
    void the_gate_refuses_dates_and_seats_until_admitted_and_opens_after() {
        var salesOpenAt = Instant.now().minus(1, ChronoUnit.HOURS);
        var created = api.post("/api/v1/admin/concerts", admin, """
                {"title":"Gate","artist":"A","venue":"V","salesOpenAt":"%s","maxSeatsPerMember":4,
                 "sections":[{"name":"Floor","rows":1,"seatsPerRow":5,"price":10000}],
                 "performances":[{"startsAt":"%s"}]}
                """.formatted(
                                salesOpenAt, salesOpenAt.plus(30, ChronoUnit.DAYS)))
                .body();
        long concert = created.get("id").asLong();
        long date = created.get("performanceIds").get(0).asLong();

        for (var path :
                new String[] {"/api/v1/concerts/" + concert + "/performances", "/api/v1/performances/" + date + "/seats"
                }) {
            var refused = api.get(path, fan);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.code()).as(path).isEqualTo("NOT_ADMITTED");
        }
        api.admitted(fan, concert);
        assertThat(api.get("/api/v1/concerts/" + concert + "/performances", fan).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/performances/" + date + "/seats", fan).body())
                .hasSize(5);

        api.send("DELETE", "/api/v1/concerts/" + concert + "/queue", fan, null);
        assertThat(api.get("/api/v1/performances/" + date + "/seats", fan).code())
                .as("giving the admission up closes the gate again")
                .isEqualTo("NOT_ADMITTED");
    }

    @Test
    void the_organiser_reads_the_counts_and_changes_the_settings() {
        long concert = pausedConcert();
        api.post("/api/v1/concerts/" + concert + "/queue", fan, null);
        var stats = api.get("/api/v1/admin/concerts/" + concert + "/queue-stats", admin);
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.body().get("waiting").asLong()).isEqualTo(1);
        assertThat(stats.body().get("active").asLong()).isZero();

        var saved = api.send(
                "PUT",
                "/api/v1/admin/concerts/" + concert + "/queue-settings",
                admin,
                "{\"admitCount\":100,\"admitIntervalSeconds\":5,\"maxActive\":300,\"activeSeconds\":900,\"holdSeconds\":240,\"preQueueMinutes\":0,\"paused\":false}");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("admitCount").asInt()).isEqualTo(100);
        assertThat(saved.body().get("maxActive").asInt()).isEqualTo(300);
        assertThat(saved.body().get("paused").asBoolean()).isFalse();

        assertThat(api.get("/api/v1/admin/concerts/" + concert + "/queue-stats", fan)
                        .code())
                .isEqualTo("FORBIDDEN");
        assertThat(api.send("PUT", "/api/v1/admin/concerts/" + concert + "/queue-settings", fan, "{}")
                        .code())
                .isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/v1/admin/concerts/999999/queue-stats", admin).code())
                .isEqualTo("NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"admitCount\":0,\"admitIntervalSeconds\":10,\"activeSeconds\":600,\"holdSeconds\":300,\"preQueueMinutes\":0,\"paused\":false}",
                "{\"admitCount\":5,\"admitIntervalSeconds\":-1,\"activeSeconds\":600,\"holdSeconds\":300,\"preQueueMinutes\":0,\"paused\":false}",
                "{\"admitCount\":5,\"admitIntervalSeconds\":10,\"maxActive\":0,\"activeSeconds\":600,\"holdSeconds\":300,\"preQueueMinutes\":0,\"paused\":false}",
                "{\"admitCount\":5,\"admitIntervalSeconds\":10,\"activeSeconds\":5,\"holdSeconds\":300,\"preQueueMinutes\":0,\"paused\":false}",
                "{\"admitCount\":5,\"admitIntervalSeconds\":10,\"activeSeconds\":600,\"holdSeconds\":999999,\"preQueueMinutes\":0,\"paused\":false}",
                "{\"admitCount\":5,\"admitIntervalSeconds\":10,\"activeSeconds\":600,\"holdSeconds\":300}",
                "{\"admitCount\":\"many\",\"admitIntervalSeconds\":10,\"activeSeconds\":600,\"holdSeconds\":300,\"preQueueMinutes\":0,\"paused\":false}",
                "{\"admitCount\":5,\"admitIntervalSeconds\":10,\"activeSeconds\":600,\"holdSeconds\":300,\"preQueueMinutes\":0,\"paused\":\"maybe\"}",
                "{\"admitCount\":99999999999,\"admitIntervalSeconds\":10,\"activeSeconds\":600,\"holdSeconds\":300,\"preQueueMinutes\":0,\"paused\":false}"
            })
    void bad_settings_are_VALIDATION_naming_the_fields(String body) {
        long concert = pausedConcert();
        var refused = api.send("PUT", "/api/v1/admin/concerts/" + concert + "/queue-settings", admin, body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION");
        assertThat(refused.body().get("fields")).isNotEmpty();
    }
}
