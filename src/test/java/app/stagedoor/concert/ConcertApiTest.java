package app.stagedoor.concert;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.IntegrationTest;
import app.stagedoor.TestData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The catalogue's API over real HTTP: the admin creates, everyone reads the same data back. */
@IntegrationTest
class ConcertApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Catalogue catalogue;

    ApiClient api;
    String admin;
    String fan;

    @BeforeEach
    void tokens() {
        api = new ApiClient(port);
        admin = api.token("admin", "admin-password-for-tests");
        fan = api.newFan(TestData.username("browser"));
    }

    static String plan(String title, String sections, String dates) {
        var salesOpenAt = Instant.now().minus(1, ChronoUnit.HOURS);
        return """
                {"title":"%s","artist":"HAEUN","venue":"Olympic Hall","description":"Two nights",
                 "salesOpenAt":"%s","maxSeatsPerMember":4,"sections":%s,"performances":%s}
                """.formatted(title, salesOpenAt, sections, dates);
    }

    static String twoDates() {
        var now = Instant.now();
        return "[{\"startsAt\":\"%s\"},{\"startsAt\":\"%s\"}]"
                .formatted(now.plus(10, ChronoUnit.DAYS), now.plus(11, ChronoUnit.DAYS));
    }

    static final String TWO_SECTIONS =
            "[{\"name\":\"VIP\",\"rows\":2,\"seatsPerRow\":5,\"price\":150000},{\"name\":\"R\",\"rows\":3,\"seatsPerRow\":4,\"price\":99000}]";

    @Test
    void a_concert_created_by_the_admin_reads_back_the_same_everywhere() {
        var title = TestData.username("Live");
        var created = api.post("/api/v1/admin/concerts", admin, plan(title, TWO_SECTIONS, twoDates()));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("performanceIds")).hasSize(2);

        assertThat(api.get("/api/v1/concerts", null).status()).isEqualTo(200);
        assertThat(api.everyListedConcert()).contains(title);

        var one = api.get("/api/v1/concerts/" + id, null).body();
        assertThat(one.get("title").asString()).isEqualTo(title);
        assertThat(one.get("artist").asString()).isEqualTo("HAEUN");
        assertThat(one.get("venue").asString()).isEqualTo("Olympic Hall");
        assertThat(one.get("salesOpenAt").asString()).endsWith("Z");

        assertThat(api.get("/api/v1/concerts/" + id + "/performances", fan).code())
                .isEqualTo("NOT_ADMITTED");
        api.admitted(fan, id);
        var dates = api.get("/api/v1/concerts/" + id + "/performances", fan);
        assertThat(dates.status()).isEqualTo(200);
        assertThat(dates.body()).hasSize(2);
        assertThat(dates.body().get(0).get("totalSeats").asInt()).isEqualTo(22);
        assertThat(dates.body().get(0).get("availableSeats").asInt()).isEqualTo(22);

        long date = created.body().get("performanceIds").get(0).asLong();
        var seats = api.get("/api/v1/performances/" + date + "/seats", fan).body();
        assertThat(seats).hasSize(22);
        assertThat(seats.get(0).get("section").asString()).isEqualTo("VIP");
        assertThat(seats.get(0).get("row").asInt()).isEqualTo(1);
        assertThat(seats.get(0).get("number").asInt()).isEqualTo(1);
        assertThat(seats.get(0).get("price").asLong()).isEqualTo(150_000);
        assertThat(seats.get(0).get("status").asString()).isEqualTo("AVAILABLE");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[{\"name\":\"\",\"rows\":2,\"seatsPerRow\":5,\"price\":150000}]",
                "[{\"name\":\"A\",\"rows\":0,\"seatsPerRow\":5,\"price\":150000}]",
                "[{\"name\":\"A\",\"rows\":100000,\"seatsPerRow\":5,\"price\":150000}]",
                "[{\"name\":\"A\",\"rows\":2,\"seatsPerRow\":5,\"price\":-1}]",
                "[{\"name\":\"A\",\"rows\":2,\"seatsPerRow\":5,\"price\":1000},{\"name\":\"a\",\"rows\":2,\"seatsPerRow\":5,\"price\":1000}]",
                "[]",
                "[null]",
                "[{\"name\":\"A\",\"rows\":\"two\",\"seatsPerRow\":5,\"price\":1000}]",
                "[{\"name\":\"A\",\"rows\":2.5,\"seatsPerRow\":5,\"price\":1000}]"
            })
    void a_bad_seat_map_is_VALIDATION_and_creates_nothing(String sections) {
        int before = catalogue.allConcerts().size();
        var refused = api.post("/api/v1/admin/concerts", admin, plan("Bad", sections, twoDates()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION");
        assertThat(refused.body().get("fields").toString()).contains("sections");
        assertThat(catalogue.allConcerts()).hasSize(before);
    }

    @Test
    void a_date_before_the_sales_is_VALIDATION_naming_it_and_creates_nothing() {
        int before = catalogue.allConcerts().size();
        var early = "[{\"startsAt\":\"%s\"},{\"startsAt\":\"2020-01-01T00:00:00Z\"}]"
                .formatted(Instant.now().plus(3, ChronoUnit.DAYS));
        var refused = api.post("/api/v1/admin/concerts", admin, plan("Early", TWO_SECTIONS, early));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("fields").toString()).contains("performances[1].startsAt");
        assertThat(catalogue.allConcerts()).hasSize(before);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"title\":\"x\"}",
                "{\"title\":\"x\",\"artist\":\"a\",\"venue\":\"v\",\"salesOpenAt\":\"tomorrow\",\"maxSeatsPerMember\":4,\"sections\":[]}",
                "{\"title\":\"x\",\"artist\":\"a\",\"venue\":\"v\",\"salesOpenAt\":\"2026-01-01T00:00:00Z\",\"maxSeatsPerMember\":99999999999,\"sections\":[]}",
                "{\"title\":\"x\",\"artist\":\"a\",\"venue\":\"v\",\"salesOpenAt\":\"2026-01-01T00:00:00Z\",\"maxSeatsPerMember\":4,\"sections\":{}}",
                "{\"title\":[],\"artist\":\"a\"}"
            })
    void malformed_plans_are_answered_with_a_code_not_a_500(String body) {
        var refused = api.post("/api/v1/admin/concerts", admin, body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isIn("VALIDATION", "MALFORMED_REQUEST");
    }

    @Test
    void a_fan_is_FORBIDDEN_and_a_visitor_UNAUTHORIZED() {
        var forbidden = api.post("/api/v1/admin/concerts", fan, plan("Nope", TWO_SECTIONS, twoDates()));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.code()).isEqualTo("FORBIDDEN");
        var anonymous = api.post("/api/v1/admin/concerts", null, plan("Nope", TWO_SECTIONS, twoDates()));
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void unknown_and_unpublished_concerts_are_NOT_FOUND() {
        assertThat(api.get("/api/v1/concerts/999999", null).code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/v1/concerts/abc", null).status()).isEqualTo(400);
        var draft = plan("Draft", TWO_SECTIONS, twoDates())
                .replace("\"maxSeatsPerMember\":4", "\"maxSeatsPerMember\":4,\"published\":false");
        long id = api.post("/api/v1/admin/concerts", admin, draft)
                .body()
                .get("id")
                .asLong();
        assertThat(api.get("/api/v1/concerts/" + id, null).status()).isEqualTo(404);
        assertThat(api.everyListedConcert()).doesNotContain("\"id\":" + id + ",");
        assertThat(api.get("/api/v1/performances/999999/seats", fan).code()).isEqualTo("NOT_FOUND");
    }
}
