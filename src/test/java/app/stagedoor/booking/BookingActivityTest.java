package app.stagedoor.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.IntegrationTest;
import app.stagedoor.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an operator reads of a sale: a meter on {@code /actuator/prometheus} for every hold,
 * payment, expiry, cancellation, refund and check-in and for every refusal by its code, and one log
 * line for each that says who did it to which reservation, and never a ticket code, a token or a
 * password.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class BookingActivityTest {

    private static final String LOGGER = BookingActivity.class.getName();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    HoldSweeper sweeper;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LoggingSystem logging;

    ApiClient api;
    LogLevel configured;
    String admin;
    long date;
    long[] seats;

    @BeforeEach
    void aDateOnSale() {
        // the suite keeps this logger quiet (its race tests hold thousands of seats); this test reads it
        configured = logging.getLoggerConfiguration(LOGGER).getConfiguredLevel();
        logging.setLogLevel(LOGGER, LogLevel.INFO);
        api = new ApiClient(port);
        admin = api.token("admin", "admin-password-for-tests");
        var salesOpenAt = Instant.now().minus(1, ChronoUnit.HOURS);
        var created = api.post("/api/v1/admin/concerts", admin, """
                        {"title":"Meters","artist":"A","venue":"V","salesOpenAt":"%s","maxSeatsPerMember":4,
                         "sections":[{"name":"R","rows":1,"seatsPerRow":8,"price":50000}],
                         "performances":[{"startsAt":"%s"}]}
                        """.formatted(
                                salesOpenAt, salesOpenAt.plus(30, ChronoUnit.DAYS)))
                .body();
        date = created.get("performanceIds").get(0).asLong();
        var fan = api.newFan(TestData.username("meters"));
        api.admitted(fan, created.get("id").asLong());
        seats = api.get("/api/v1/performances/" + date + "/seats", fan)
                .body()
                .valueStream()
                .mapToLong(seat -> seat.get("id").asLong())
                .toArray();
        this.concert = created.get("id").asLong();
    }

    long concert;

    @AfterEach
    void quietAgain() {
        logging.setLogLevel(LOGGER, configured);
    }

    @Test
    void every_booking_step_and_refusal_is_counted_and_logged_without_secrets(CapturedOutput output) {
        var before = new Figures();
        var fan = api.newFan(TestData.username("buyer"));
        api.admitted(fan, concert);
        var rival = api.newFan(TestData.username("rival"));
        api.admitted(rival, concert);

        long paid = hold(fan, seats[0], seats[1]);
        assertThat(api.post("/api/v1/performances/" + date + "/holds", rival, "{\"seatIds\":[" + seats[0] + "]}")
                        .code())
                .isEqualTo("SEAT_UNAVAILABLE");
        assertThat(api.post("/api/v1/reservations/" + paid + "/payment", fan, null)
                        .code())
                .isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(api.post("/api/v1/wallet/charges", fan, "{\"amount\":300000}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/reservations/" + paid + "/payment", fan, null)
                        .status())
                .isEqualTo(200);

        long cancelled = hold(rival, seats[2]);
        assertThat(api.send("DELETE", "/api/v1/reservations/" + cancelled, rival, null)
                        .status())
                .isEqualTo(204);
        long lapsed = hold(rival, seats[3]);
        jdbc.sql("UPDATE reservations SET expires_at = ? WHERE id = ?")
                .params(Instant.now().minusSeconds(60), lapsed)
                .update();
        sweeper.sweep(); // or the instance's own sweep got there first
        assertThat(jdbc.sql("SELECT status FROM reservations WHERE id = ?")
                        .param(lapsed)
                        .query(String.class)
                        .single())
                .isEqualTo("CANCEL");

        var code = api.get("/api/v1/reservations/" + paid, fan)
                .body()
                .get("tickets")
                .get(0)
                .get("code")
                .asString();
        assertThat(checkIn(code).status()).isEqualTo(200);
        assertThat(checkIn(code).code()).isEqualTo("ALREADY_CHECKED_IN");

        api.admitted(fan, concert); // a payment uses the admission up
        long refunded = hold(fan, seats[4]);
        assertThat(api.post("/api/v1/reservations/" + refunded + "/payment", fan, null)
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/reservations/" + refunded + "/refund", fan, null)
                        .status())
                .isEqualTo(200);

        var after = new Figures();
        assertThat(after.holds("done") - before.holds("done")).isEqualTo(4);
        assertThat(after.holds("SEAT_UNAVAILABLE") - before.holds("SEAT_UNAVAILABLE"))
                .isEqualTo(1);
        assertThat(after.seatsHeld() - before.seatsHeld()).isEqualTo(5);
        assertThat(after.payments("done") - before.payments("done")).isEqualTo(2);
        assertThat(after.payments("INSUFFICIENT_BALANCE") - before.payments("INSUFFICIENT_BALANCE"))
                .isEqualTo(1);
        assertThat(after.releases("expired") - before.releases("expired")).isGreaterThanOrEqualTo(1);
        assertThat(after.releases("cancelled") - before.releases("cancelled")).isEqualTo(1);
        assertThat(after.refunds("fan") - before.refunds("fan")).isEqualTo(1);
        assertThat(after.checkIns("done") - before.checkIns("done")).isEqualTo(1);
        assertThat(after.checkIns("ALREADY_CHECKED_IN") - before.checkIns("ALREADY_CHECKED_IN"))
                .isEqualTo(1);

        var logged = output.getAll();
        assertThat(logged)
                .contains("hold member=")
                .contains("reservation=" + paid + " performance=" + date + " seats=2 amount=100000")
                .contains("payment refused member=")
                .contains("reservation=" + paid + " code=INSUFFICIENT_BALANCE")
                .contains("hold cancelled member=")
                .contains("reservation=" + cancelled)
                .contains("hold expired member=")
                .contains("reservation=" + lapsed)
                .contains("refund member=")
                .contains("reservation=" + refunded + " performance=" + date + " reason=fan")
                .contains("check-in organiser=")
                .contains("check-in refused organiser=");
        assertThat(logged).doesNotContain(code).doesNotContain(fan).doesNotContain("admin-password-for-tests");
    }

    @Test
    void a_hold_that_rolls_back_is_not_counted() {
        var before = new Figures();
        var fan = api.newFan(TestData.username("toomany"));
        api.admitted(fan, concert);
        // five seats against a limit of four: refused before anything is written
        var refused = api.post(
                "/api/v1/performances/" + date + "/holds",
                fan,
                "{\"seatIds\":[%d,%d,%d,%d,%d]}".formatted(seats[3], seats[4], seats[5], seats[6], seats[7]));
        assertThat(refused.code()).isEqualTo("TOO_MANY_SEATS");
        var after = new Figures();
        assertThat(after.holds("done")).isEqualTo(before.holds("done"));
        assertThat(after.holds("TOO_MANY_SEATS") - before.holds("TOO_MANY_SEATS"))
                .isEqualTo(1);
        assertThat(after.seatsHeld()).isEqualTo(before.seatsHeld());
    }

    private long hold(String fan, long... seatIds) {
        var answer = api.post(
                "/api/v1/performances/" + date + "/holds",
                fan,
                "{\"seatIds\":" + java.util.Arrays.toString(seatIds) + "}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.body().get("reservationId").asLong();
    }

    private ApiClient.Answer checkIn(String code) {
        return api.post("/api/v1/admin/performances/" + date + "/check-ins", admin, "{\"code\":\"" + code + "\"}");
    }

    /** The meters' values now; a meter not yet registered reads 0. */
    private final class Figures {

        private final java.util.Map<String, Double> values = new java.util.HashMap<>();

        Figures() {
            meters.getMeters().forEach(meter -> {
                var id = meter.getId();
                if (id.getName().startsWith("stagedoor.booking.")) {
                    double count = meter.measure().iterator().next().getValue();
                    values.put(id.getName() + id.getTags(), count);
                }
            });
        }

        private double value(String name, String tag, String value) {
            return values.getOrDefault(name + "[tag(" + tag + "=" + value + ")]", 0.0);
        }

        double holds(String outcome) {
            return value("stagedoor.booking.holds", "outcome", outcome);
        }

        double seatsHeld() {
            return values.getOrDefault("stagedoor.booking.seats.held[]", 0.0);
        }

        double payments(String outcome) {
            return value("stagedoor.booking.payments", "outcome", outcome);
        }

        double releases(String reason) {
            return value("stagedoor.booking.releases", "reason", reason);
        }

        double refunds(String reason) {
            return value("stagedoor.booking.refunds", "reason", reason);
        }

        double checkIns(String outcome) {
            return value("stagedoor.booking.checkins", "outcome", outcome);
        }
    }
}
