package app.stagedoor.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.IntegrationTest;
import app.stagedoor.TestData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Tickets, refunds and check-in over real HTTP: every answer and every problem code. */
@IntegrationTest
class TicketApiTest {

    @LocalServerPort
    int port;

    ApiClient api;
    String admin;
    String fan;
    long date;
    long otherDate;
    long reservation;
    JsonNode tickets;

    @BeforeEach
    void aFanWithTwoPaidSeats() {
        api = new ApiClient(port);
        admin = api.token("admin", "admin-password-for-tests");
        var salesOpenAt = Instant.now().minus(1, ChronoUnit.HOURS);
        var created = api.post("/api/v1/admin/concerts", admin, """
                        {"title":"Tickets","artist":"A","venue":"V","salesOpenAt":"%s","maxSeatsPerMember":4,
                         "sections":[{"name":"VIP","rows":1,"seatsPerRow":6,"price":100000}],
                         "performances":[{"startsAt":"%s"},{"startsAt":"%s"}]}
                        """.formatted(
                        salesOpenAt, salesOpenAt.plus(20, ChronoUnit.DAYS), salesOpenAt.plus(21, ChronoUnit.DAYS)))
                .body();
        long concert = created.get("id").asLong();
        date = created.get("performanceIds").get(0).asLong();
        otherDate = created.get("performanceIds").get(1).asLong();
        fan = api.newFan(TestData.username("holder"));
        api.admitted(fan, concert);
        assertThat(api.post("/api/v1/wallet/charges", fan, "{\"amount\":300000}")
                        .status())
                .isEqualTo(200);
        var seats = api.get("/api/v1/performances/" + date + "/seats", fan).body();
        reservation = api.post(
                        "/api/v1/performances/" + date + "/holds",
                        fan,
                        "{\"seatIds\":[" + seats.get(0).get("id").asLong() + ","
                                + seats.get(1).get("id").asLong() + "]}")
                .body()
                .get("reservationId")
                .asLong();
        assertThat(api.post("/api/v1/reservations/" + reservation + "/payment", fan, null)
                        .status())
                .isEqualTo(200);
        tickets = api.get("/api/v1/reservations/" + reservation, fan).body().get("tickets");
    }

    ApiClient.Answer checkIn(long performance, String code) {
        return api.post(
                "/api/v1/admin/performances/" + performance + "/check-ins", admin, "{\"code\":\"" + code + "\"}");
    }

    @Test
    void a_paid_reservation_carries_its_tickets_for_its_owner_only() {
        assertThat(tickets).hasSize(2);
        assertThat(tickets.get(0).get("status").asString()).isEqualTo("VALID");
        assertThat(tickets.get(0).get("code").asString()).matches("[0-9A-Z]{12}");
        assertThat(tickets.get(0).get("seatId").asLong()).isPositive();
        var stranger = api.newFan(TestData.username("stranger"));
        var theirs = api.get("/api/v1/reservations/" + reservation, stranger);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.body().get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/v1/reservations", stranger).body()).isEmpty();
    }

    @Test
    void the_door_admits_a_ticket_once_and_says_why_not_otherwise() {
        var code = tickets.get(0).get("code").asString();
        var valid = checkIn(date, code);
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.body().get("seatId").asLong())
                .isEqualTo(tickets.get(0).get("seatId").asLong());
        assertThat(valid.body().get("label").asString()).isEqualTo("VIP 1-1");
        assertThat(valid.body().get("checkedInAt").asString()).isNotBlank();

        var again = checkIn(date, code);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("code").asString()).isEqualTo("ALREADY_CHECKED_IN");
        assertThat(again.body().get("checkedInAt").asString()).isNotBlank();

        var otherDay = checkIn(otherDate, tickets.get(1).get("code").asString());
        assertThat(otherDay.status()).isEqualTo(422);
        assertThat(otherDay.body().get("code").asString()).isEqualTo("WRONG_PERFORMANCE");

        var unknown = checkIn(date, "ZZZZZZZZZZZZ");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asString()).isEqualTo("NOT_FOUND");

        var blank = api.post("/api/v1/admin/performances/" + date + "/check-ins", admin, "{\"code\":\"\"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().get("code").asString()).isEqualTo("VALIDATION");

        var asFan = api.post("/api/v1/admin/performances/" + date + "/check-ins", fan, "{\"code\":\"" + code + "\"}");
        assertThat(asFan.status()).isEqualTo(403);
    }

    @Test
    void a_refund_gives_the_money_back_and_voids_the_tickets_once() {
        var refunded = api.post("/api/v1/reservations/" + reservation + "/refund", fan, null);
        assertThat(refunded.status()).isEqualTo(200);
        assertThat(refunded.body().get("reservationId").asLong()).isEqualTo(reservation);
        assertThat(refunded.body().get("status").asString()).isEqualTo("REFUNDED");
        assertThat(refunded.body().get("refunded").asLong()).isEqualTo(200_000);
        assertThat(refunded.body().get("fee").asLong()).isZero();
        assertThat(refunded.body().get("balance").asLong()).isEqualTo(300_000);

        var twice = api.post("/api/v1/reservations/" + reservation + "/refund", fan, null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("code").asString()).isEqualTo("INVALID_STATE");

        var read = api.get("/api/v1/reservations/" + reservation, fan).body();
        assertThat(read.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(read.get("refunded").asLong()).isEqualTo(200_000);
        assertThat(read.get("tickets").get(0).get("status").asString()).isEqualTo("VOID");

        var voided = checkIn(date, tickets.get(0).get("code").asString());
        assertThat(voided.status()).isEqualTo(409);
        assertThat(voided.body().get("code").asString()).isEqualTo("TICKET_VOID");
    }

    @Test
    void another_fans_refund_is_not_found() {
        var stranger = api.newFan(TestData.username("stranger"));
        var theirs = api.post("/api/v1/reservations/" + reservation + "/refund", stranger, null);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.body().get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/v1/reservations/" + reservation, fan)
                        .body()
                        .get("status")
                        .asString())
                .isEqualTo("CONFIRM");
    }
}
