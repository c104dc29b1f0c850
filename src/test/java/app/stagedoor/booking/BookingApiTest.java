package app.stagedoor.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.IntegrationTest;
import app.stagedoor.TestData;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Holds, reservations and payment over real HTTP: every answer and every error code. */
@IntegrationTest
class BookingApiTest {

    @LocalServerPort
    int port;

    ApiClient api;
    String admin;
    String fan;
    long concert;
    long date;
    long otherDate;
    JsonNode seats;

    @BeforeEach
    void anAdmittedFanBeforeASeatMap() {
        api = new ApiClient(port);
        admin = api.token("admin", "admin-password-for-tests");
        var salesOpenAt = Instant.now().minus(1, ChronoUnit.HOURS);
        var created = api.post("/api/v1/admin/concerts", admin, """
                        {"title":"Booking","artist":"A","venue":"V","salesOpenAt":"%s","maxSeatsPerMember":2,
                         "sections":[{"name":"VIP","rows":1,"seatsPerRow":4,"price":100000},{"name":"R","rows":1,"seatsPerRow":6,"price":50000}],
                         "performances":[{"startsAt":"%s"},{"startsAt":"%s"}]}
                        """.formatted(
                        salesOpenAt, salesOpenAt.plus(20, ChronoUnit.DAYS), salesOpenAt.plus(21, ChronoUnit.DAYS)))
                .body();
        concert = created.get("id").asLong();
        date = created.get("performanceIds").get(0).asLong();
        otherDate = created.get("performanceIds").get(1).asLong();
        fan = api.newFan(TestData.username("booker"));
        api.admitted(fan, concert);
        seats = api.get("/api/v1/performances/" + date + "/seats", fan).body();
    }

    long seat(int index) {
        return seats.get(index).get("id").asLong();
    }

    ApiClient.Answer hold(String token, long performance, String seatIds) {
        return api.post("/api/v1/performances/" + performance + "/holds", token, "{\"seatIds\":" + seatIds + "}");
    }

    ApiClient.Answer pay(String token, long reservation, String key) {
        var request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/reservations/" + reservation + "/payment"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return api.exchange(request);
    }

    @Test
    void hold_pay_and_read_back_the_ticket() {
        var held = hold(fan, date, "[" + seat(0) + "," + seat(5) + "]");
        assertThat(held.status()).isEqualTo(201);
        assertThat(held.body().get("status").asString()).isEqualTo("REQUEST");
        assertThat(held.body().get("amount").asLong()).isEqualTo(150_000);
        assertThat(held.body().get("seatIds")).hasSize(2);
        assertThat(Instant.parse(held.body().get("expiresAt").asString()))
                .isBetween(Instant.now().plusSeconds(200), Instant.now().plusSeconds(301));
        long id = held.body().get("reservationId").asLong();

        var seatStatus = api.get("/api/v1/performances/" + date + "/seats", fan)
                .body()
                .get(0)
                .get("status")
                .asString();
        assertThat(seatStatus).isEqualTo("RESERVED");

        var short1 = pay(fan, id, "k1");
        assertThat(short1.status()).isEqualTo(409);
        assertThat(short1.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(api.get("/api/v1/reservations/" + id, fan)
                        .body()
                        .get("status")
                        .asString())
                .as("the hold stays")
                .isEqualTo("REQUEST");

        api.post("/api/v1/wallet/charges", fan, "{\"amount\":200000}");
        var paid = pay(fan, id, "k2");
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.body().get("status").asString()).isEqualTo("CONFIRM");
        assertThat(paid.body().get("amount").asLong()).isEqualTo(150_000);
        assertThat(paid.body().get("balance").asLong()).isEqualTo(50_000);

        var replay = pay(fan, id, "k2");
        assertThat(replay.status()).as("a replay answers as the payment did").isEqualTo(200);
        assertThat(replay.body().get("balance").asLong()).isEqualTo(50_000);
        assertThat(pay(fan, id, null).code())
                .as("a second payment without the key")
                .isEqualTo("INVALID_STATE");
        assertThat(api.get("/api/v1/wallet", fan).body().get("balance").asLong())
                .isEqualTo(50_000);

        var mine = api.get("/api/v1/reservations", fan).body();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("status").asString()).isEqualTo("CONFIRM");
        assertThat(api.send("DELETE", "/api/v1/reservations/" + id, fan, null).code())
                .isEqualTo("INVALID_STATE");

        // paying used the admission up: the gate is closed again
        Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> "NOT_ADMITTED"
                        .equals(api.get("/api/v1/concerts/" + concert + "/performances", fan)
                                .code()));
    }

    @Test
    void a_seat_someone_else_holds_is_SEAT_UNAVAILABLE_naming_it_and_nothing_is_held() {
        var other = api.newFan(TestData.username("other"));
        api.admitted(other, concert);
        assertThat(hold(other, date, "[" + seat(1) + "]").status()).isEqualTo(201);

        var refused = hold(fan, date, "[" + seat(0) + "," + seat(1) + "]");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SEAT_UNAVAILABLE");
        assertThat(refused.body().get("seatIds").toString()).isEqualTo("[" + seat(1) + "]");
        assertThat(refused.body().get("detail").asString()).contains("VIP 1-2");
        assertThat(api.get("/api/v1/reservations", fan).body()).isEmpty();
        assertThat(api.get("/api/v1/performances/" + date + "/seats", fan)
                        .body()
                        .get(0)
                        .get("status")
                        .asString())
                .as("all or nothing")
                .isEqualTo("AVAILABLE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[SAME,SAME]", "[OTHER_DATE]", "[999999999]", "[-1]", "[null]"})
    void bad_seat_lists_are_INVALID_SEATS(String seatIds) {
        long otherSeat = api.get("/api/v1/performances/" + otherDate + "/seats", fan)
                .body()
                .get(0)
                .get("id")
                .asLong();
        var body = seatIds.replace("SAME", Long.toString(seat(0))).replace("OTHER_DATE", Long.toString(otherSeat));
        var refused = hold(fan, date, body);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("INVALID_SEATS");
        assertThat(api.get("/api/v1/reservations", fan).body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"seatIds\":\"3\"}", "{\"seatIds\":[\"a\"]}", "{\"seatIds\":[1.5]}", "[1,2]", "{"})
    void malformed_hold_bodies_are_answered_with_a_code(String body) {
        var refused = api.post("/api/v1/performances/" + date + "/holds", fan, body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isIn("VALIDATION", "MALFORMED_REQUEST");
    }

    @Test
    void more_than_the_limit_is_TOO_MANY_SEATS_counting_what_the_fan_already_holds() {
        assertThat(hold(fan, date, "[" + seat(0) + "," + seat(1) + "," + seat(2) + "]")
                        .code())
                .isEqualTo("TOO_MANY_SEATS");
        assertThat(hold(fan, date, "[" + seat(0) + "]").status()).isEqualTo(201);
        var refused = hold(fan, date, "[" + seat(1) + "," + seat(2) + "]");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("TOO_MANY_SEATS");
        assertThat(refused.body().get("detail").asString()).contains("2");
        assertThat(hold(fan, date, "[" + seat(1) + "]").status()).isEqualTo(201);
    }

    @Test
    void another_fans_reservation_is_NOT_FOUND_everywhere() {
        long id =
                hold(fan, date, "[" + seat(3) + "]").body().get("reservationId").asLong();
        var stranger = api.newFan(TestData.username("stranger"));
        assertThat(api.get("/api/v1/reservations/" + id, stranger).code()).isEqualTo("NOT_FOUND");
        assertThat(pay(stranger, id, null).code()).isEqualTo("NOT_FOUND");
        assertThat(api.send("DELETE", "/api/v1/reservations/" + id, stranger, null)
                        .code())
                .isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/v1/reservations", stranger).body()).isEmpty();
        assertThat(api.get("/api/v1/reservations/999999999", fan).code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/v1/reservations/abc", fan).status()).isEqualTo(400);
    }

    @Test
    void a_cancelled_hold_frees_its_seats_and_cannot_be_paid() {
        long id =
                hold(fan, date, "[" + seat(4) + "]").body().get("reservationId").asLong();
        assertThat(api.send("DELETE", "/api/v1/reservations/" + id, fan, null).status())
                .isEqualTo(204);
        var cancelled = api.get("/api/v1/reservations/" + id, fan).body();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCEL");
        assertThat(cancelled.get("cancelReason").asString()).isEqualTo("CANCELLED");
        assertThat(api.get("/api/v1/performances/" + date + "/seats", fan)
                        .body()
                        .get(4)
                        .get("status")
                        .asString())
                .isEqualTo("AVAILABLE");
        api.post("/api/v1/wallet/charges", fan, "{\"amount\":200000}");
        assertThat(pay(fan, id, null).code()).isEqualTo("INVALID_STATE");
        assertThat(api.get("/api/v1/wallet", fan).body().get("balance").asLong())
                .isEqualTo(200_000);
    }

    @Test
    void without_an_admission_holding_is_NOT_ADMITTED_and_unknown_dates_NOT_FOUND() {
        var outsider = api.newFan(TestData.username("outsider"));
        var refused = hold(outsider, date, "[" + seat(0) + "]");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("NOT_ADMITTED");
        assertThat(hold(fan, 999_999_999, "[1]").code()).isEqualTo("NOT_FOUND");
        assertThat(hold(null, date, "[1]").status()).isEqualTo(401);
    }

    @Test
    void a_hold_that_ran_out_is_HOLD_EXPIRED_and_its_seat_comes_back() {
        api.send(
                "PUT",
                "/api/v1/admin/concerts/" + concert + "/queue-settings",
                admin,
                "{\"admitCount\":50,\"admitIntervalSeconds\":10,\"maxActive\":null,\"activeSeconds\":600,\"holdSeconds\":10,\"preQueueMinutes\":0,\"paused\":false}");
        long id =
                hold(fan, date, "[" + seat(9) + "]").body().get("reservationId").asLong();
        api.post("/api/v1/wallet/charges", fan, "{\"amount\":100000}");
        Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> "AVAILABLE"
                        .equals(api.get("/api/v1/performances/" + date + "/seats", fan)
                                .body()
                                .get(9)
                                .get("status")
                                .asString()));
        var refused = pay(fan, id, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("HOLD_EXPIRED");
        assertThat(api.get("/api/v1/reservations/" + id, fan)
                        .body()
                        .get("cancelReason")
                        .asString())
                .isEqualTo("EXPIRED");
        assertThat(api.get("/api/v1/wallet", fan).body().get("balance").asLong())
                .isEqualTo(100_000);
    }

    @Test
    void a_date_that_has_begun_is_no_longer_listed_or_sold() {
        var salesOpenAt = Instant.now().minus(2, ChronoUnit.DAYS);
        var created = api.post("/api/v1/admin/concerts", admin, """
                        {"title":"Yesterday","artist":"A","venue":"V","salesOpenAt":"%s","maxSeatsPerMember":2,
                         "sections":[{"name":"Floor","rows":1,"seatsPerRow":3,"price":10000}],
                         "performances":[{"startsAt":"%s"},{"startsAt":"%s"}]}
                        """.formatted(
                                salesOpenAt,
                                Instant.now().minus(1, ChronoUnit.HOURS),
                                Instant.now().plus(5, ChronoUnit.DAYS)))
                .body();
        long past = created.get("performanceIds").get(0).asLong();
        long upcoming = created.get("performanceIds").get(1).asLong();
        api.admitted(fan, created.get("id").asLong());

        var dates = api.get("/api/v1/concerts/" + created.get("id").asLong() + "/performances", fan)
                .body();
        assertThat(dates).hasSize(1);
        assertThat(dates.get(0).get("id").asLong()).isEqualTo(upcoming);

        long pastSeat = api.get("/api/v1/performances/" + past + "/seats", fan)
                .body()
                .get(0)
                .get("id")
                .asLong();
        var refused = hold(fan, past, "[" + pastSeat + "]");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SALES_CLOSED");
    }
}
