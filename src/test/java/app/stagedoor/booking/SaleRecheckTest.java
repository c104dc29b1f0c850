package app.stagedoor.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.IntegrationTest;
import app.stagedoor.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sale is checked again at the moment it matters: a fan who held seats cannot pay once the
 * organiser unpublished the concert or moved its sales into the future, nor hold then; and the
 * waiting room of an unpublished concert is as unknown as an id that does not exist.
 */
@IntegrationTest
class SaleRecheckTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String fan;
    long concert;
    long date;
    long reservation;
    long seat;

    @BeforeEach
    void aFanWithAHold() {
        api = new ApiClient(port);
        var admin = api.token("admin", "admin-password-for-tests");
        var now = Instant.now();
        var created = api.post("/api/v1/admin/concerts", admin, """
                        {"title":"%s","artist":"A","venue":"V","salesOpenAt":"%s","maxSeatsPerMember":4,
                         "sections":[{"name":"R","rows":1,"seatsPerRow":4,"price":10000}],
                         "performances":[{"startsAt":"%s"}]}
                        """.formatted(
                        TestData.username("Recheck"), now.minus(1, ChronoUnit.HOURS), now.plus(9, ChronoUnit.DAYS)))
                .body();
        concert = created.get("id").asLong();
        date = created.get("performanceIds").get(0).asLong();
        fan = api.newFan(TestData.username("recheck"));
        api.post("/api/v1/wallet/charges", fan, "{\"amount\":100000}");
        api.admitted(fan, concert);
        var seats = api.get("/api/v1/performances/" + date + "/seats", fan).body();
        seat = seats.get(1).get("id").asLong();
        var held = api.post(
                "/api/v1/performances/" + date + "/holds",
                fan,
                "{\"seatIds\":[" + seats.get(0).get("id").asLong() + "]}");
        assertThat(held.status()).as(held.raw()).isEqualTo(201);
        reservation = held.body().get("reservationId").asLong();
    }

    ApiClient.Answer pay() {
        return api.post("/api/v1/reservations/" + reservation + "/payment", fan, null);
    }

    long balance() {
        return api.get("/api/v1/wallet", fan).body().get("balance").asLong();
    }

    @Test
    void after_the_concert_is_unpublished_a_held_seat_cannot_be_paid_nor_a_new_one_held() {
        jdbc.sql("UPDATE concerts SET published = FALSE WHERE id = ?")
                .param(concert)
                .update();
        var refused = pay();
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SALES_CLOSED");
        assertThat(balance()).isEqualTo(100_000);
        assertThat(api.get("/api/v1/reservations/" + reservation, fan)
                        .body()
                        .get("status")
                        .asString())
                .isEqualTo("REQUEST");
        assertThat(api.post("/api/v1/performances/" + date + "/holds", fan, "{\"seatIds\":[" + seat + "]}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void after_the_sales_time_moves_into_the_future_nothing_is_paid_or_held() {
        jdbc.sql("UPDATE concerts SET sales_open_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().plus(2, ChronoUnit.DAYS)), concert)
                .update();
        var refused = pay();
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SALES_NOT_OPEN");
        assertThat(balance()).isEqualTo(100_000);
        var hold = api.post("/api/v1/performances/" + date + "/holds", fan, "{\"seatIds\":[" + seat + "]}");
        assertThat(hold.code()).isEqualTo("SALES_NOT_OPEN");
    }

    @Test
    void once_the_date_has_begun_a_held_seat_cannot_be_paid() {
        jdbc.sql("UPDATE performances SET starts_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)), date)
                .update();
        refusedAsClosedWithTheHoldKept();
    }

    @Test
    void once_the_date_is_marked_cancelled_a_held_seat_cannot_be_paid() {
        // the mark alone, as another instance's cancellation would be seen before it releases the holds
        jdbc.sql("INSERT INTO performance_cancellations (performance_id, cancelled_at, cancelled_by) VALUES (?, ?, ?)")
                .params(date, Timestamp.from(Instant.now()), "admin")
                .update();
        refusedAsClosedWithTheHoldKept();
    }

    @Test
    void while_the_sale_is_on_the_same_hold_pays_and_books_its_seat() {
        var paid = pay();
        assertThat(paid.status()).as(paid.raw()).isEqualTo(200);
        assertThat(balance()).isEqualTo(90_000);
        assertThat(seatStatus()).isEqualTo("BOOKED");
    }

    void refusedAsClosedWithTheHoldKept() {
        var refused = pay();
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SALES_CLOSED");
        assertThat(balance()).isEqualTo(100_000);
        assertThat(seatStatus()).as("the seat stays held, not sold").isEqualTo("RESERVED");
    }

    String seatStatus() {
        return jdbc.sql("SELECT s.status FROM seats s JOIN reservation_seats rs ON rs.seat_id = s.id"
                        + " WHERE rs.reservation_id = ?")
                .param(reservation)
                .query(String.class)
                .single();
    }

    @Test
    void the_waiting_room_of_an_unpublished_concert_answers_like_an_unknown_id() {
        jdbc.sql("UPDATE concerts SET published = FALSE WHERE id = ?")
                .param(concert)
                .update();
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() ->
                        api.get("/api/v1/concerts/" + concert + "/queue", fan).status() == 404);
        var unknown = api.get("/api/v1/concerts/999999999/queue", fan);
        var unpublished = api.get("/api/v1/concerts/" + concert + "/queue", fan);
        assertThat(unpublished.status()).isEqualTo(unknown.status()).isEqualTo(404);
        assertThat(unpublished.code()).isEqualTo(unknown.code());
        assertThat(api.post("/api/v1/concerts/" + concert + "/queue", fan, null).status())
                .isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/concerts/" + concert + "/queue", fan, null)
                        .status())
                .isEqualTo(404);
    }
}
