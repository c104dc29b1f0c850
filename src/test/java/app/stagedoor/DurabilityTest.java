package app.stagedoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The embedded default across a crash and a restart, with a real app process on its own H2 file
 * (the shipped settings, in a fresh working directory). What the application answered survives
 * {@code kill -9}: a payment, its ledger entry, the top-ups and the booked seats. And what was due
 * while it was stopped happens as soon as it is back: a hold that ran out is released, the draw of
 * an opening that passed runs before anyone is admitted, and the line admits again.
 */
class DurabilityTest {

    @TempDir
    Path workingDirectory;

    Process app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void a_payment_that_was_answered_survives_kill_minus_9() throws Exception {
        int port = freePort();
        var api = start(port);
        var username = "fan" + UUID.randomUUID().toString().substring(0, 8);
        var token = api.newFan(username);
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/wallet/charges", token, "{\"amount\":100000}")
                            .status())
                    .isEqualTo(200);
        }
        long concertId =
                api.get("/api/v1/concerts", null).body().get(0).get("id").asLong();
        api.admitted(token, concertId);
        long performanceId = api.get("/api/v1/concerts/" + concertId + "/performances", token)
                .body()
                .get(0)
                .get("id")
                .asLong();
        var seats = api.get("/api/v1/performances/" + performanceId + "/seats", token)
                .body();
        var chosen =
                List.of(seats.get(0).get("id").asLong(), seats.get(1).get("id").asLong());
        var held = api.post("/api/v1/performances/" + performanceId + "/holds", token, "{\"seatIds\":" + chosen + "}");
        assertThat(held.status()).as(held.raw()).isEqualTo(201);
        long reservationId = held.body().get("reservationId").asLong();

        var paid = api.send("POST", "/api/v1/reservations/" + reservationId + "/payment", token, null);
        app.toHandle().destroyForcibly(); // SIGKILL, the moment the answer is in
        app.waitFor();
        assertThat(paid.status()).as(paid.raw()).isEqualTo(200);
        long balance = paid.body().get("balance").asLong();

        api = start(port);
        token = api.token(username, "stage-door-pass-9");
        assertThat(api.get("/api/v1/wallet", token).body().get("balance").asLong())
                .isEqualTo(balance);
        var ledger =
                api.get("/api/v1/wallet/transactions?size=20", token).body().get("items");
        var types = new ArrayList<String>();
        ledger.forEach(entry -> types.add(entry.get("type").asString()));
        assertThat(types).containsExactlyInAnyOrder("PAYMENT", "CHARGE", "CHARGE", "CHARGE", "CHARGE", "CHARGE");
        var reservation =
                api.get("/api/v1/reservations/" + reservationId, token).body();
        assertThat(reservation.get("status").asString()).isEqualTo("CONFIRM");
        api.admitted(token, concertId);
        var after = api.get("/api/v1/performances/" + performanceId + "/seats", token);
        assertThat(after.status()).as(after.raw()).isEqualTo(200);
        var sold = new ArrayList<Long>();
        for (JsonNode seat : after.body()) {
            if ("BOOKED".equals(seat.get("status").asString())) {
                sold.add(seat.get("id").asLong());
            }
        }
        assertThat(sold).containsExactlyInAnyOrderElementsOf(chosen);
    }

    @Test
    void what_fell_due_while_the_app_was_stopped_happens_when_it_is_back() throws Exception {
        int port = freePort();
        var api = start(port);
        var admin = api.token("admin", ADMIN_PASSWORD);
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // a date on sale now, whose holds last ten seconds
        long onSale = concert(api, admin, now.minus(1, ChronoUnit.HOURS));
        var holder = api.newFan("holder" + UUID.randomUUID().toString().substring(0, 8));
        api.admitted(holder, onSale);
        var dates =
                api.get("/api/v1/concerts/" + onSale + "/performances", holder).body();
        // the app runs in a zone of its own (UTC) on a machine in Korea's: the dates read back as given
        assertThat(dates).hasSize(2);
        assertThat(dates.get(0).get("startsAt").asString())
                .isEqualTo(
                        now.minus(1, ChronoUnit.HOURS).plus(30, ChronoUnit.DAYS).toString());
        assertThat(dates.get(1).get("startsAt").asString()).isEqualTo("2100-12-31T23:59:59Z");
        long date = dates.get(0).get("id").asLong();
        long seat = api.get("/api/v1/performances/" + date + "/seats", holder)
                .body()
                .get(0)
                .get("id")
                .asLong();
        var held = api.post("/api/v1/performances/" + date + "/holds", holder, "{\"seatIds\":[" + seat + "]}");
        assertThat(held.status()).as(held.raw()).isEqualTo(201);
        long hold = held.body().get("reservationId").asLong();
        // a concert that opens while the app is stopped, with three fans in its pre-queue
        var opensAt = now.plusSeconds(25);
        long opening = concert(api, admin, opensAt);
        var fans = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            var fan = api.newFan("early" + i + UUID.randomUUID().toString().substring(0, 6));
            var joined = api.post("/api/v1/concerts/" + opening + "/queue", fan, null);
            assertThat(joined.status()).as(joined.raw()).isEqualTo(200);
            assertThat(joined.body().get("position").isNull()).isTrue();
            fans.add(fan);
        }

        app.destroy(); // a clean stop (SIGTERM), as an operator's restart
        app.waitFor();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> Instant.now().isAfter(opensAt.plusSeconds(2)));
        api = start(port);
        var back = api;

        // the hold ran out while the app was down: released as soon as it is back, the seat on sale
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var reservation = back.get("/api/v1/reservations/" + hold, holder).body();
            assertThat(reservation.get("status").asString()).isEqualTo("CANCEL");
            assertThat(reservation.get("cancelReason").asString()).isEqualTo("EXPIRED");
        });
        // the draw ran once, after the opening, and every fan of the pre-queue has a place of 1..3
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var draw = back.get("/api/v1/concerts/" + opening + "/queue/draw", null)
                    .body();
            assertThat(draw.get("seed").isNull()).as(draw.toString()).isFalse();
            assertThat(Instant.parse(draw.get("drawnAt").asString())).isAfterOrEqualTo(opensAt);
            assertThat(draw.get("entrants")).hasSize(3);
        });
        // and the line admits them: all three in at the first ticks after the draw
        for (var fan : fans) {
            back.pollUntil(fan, opening, "ACTIVE", Duration.ofSeconds(20));
        }
    }

    /** A published concert opening at {@code salesOpenAt}, one date of four seats, holds of ten seconds. */
    private static long concert(ApiClient api, String admin, Instant salesOpenAt) {
        var created = api.post(
                "/api/v1/admin/concerts", admin, """
                        {"title":"Restart","artist":"A","venue":"V","salesOpenAt":"%s","maxSeatsPerMember":2,
                         "sections":[{"name":"R","rows":1,"seatsPerRow":4,"price":10000}],
                         "performances":[{"startsAt":"%s"},{"startsAt":"2100-12-31T23:59:59Z"}]}
                        """.formatted(salesOpenAt, salesOpenAt.plus(30, ChronoUnit.DAYS)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        var settings = api.send("PUT", "/api/v1/admin/concerts/" + id + "/queue-settings", admin, """
                {"admitCount":10,"admitIntervalSeconds":1,"maxActive":100,"activeSeconds":600,"holdSeconds":10,
                 "preQueueMinutes":10,"paused":false}
                """);
        assertThat(settings.status()).as(settings.raw()).isEqualTo(200);
        return id;
    }

    private static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private ApiClient start(int port) throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var log = workingDirectory.resolve("app.log").toFile();
        app = new ProcessBuilder(
                        java,
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1",
                        // a server in Korea, as many an organiser's will be
                        "-Duser.timezone=Asia/Seoul",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StagedoorApplication.class.getName(),
                        "--server.port=" + port,
                        "--stagedoor.queue.tick=200ms",
                        "--stagedoor.member.admin.password=" + ADMIN_PASSWORD,
                        "--logging.level.root=warn")
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        var api = new ApiClient(port);
        Awaitility.await()
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .failFast(
                        "the app stopped",
                        () -> assertThat(app.isAlive()).as(() -> tail(log)).isTrue())
                .until(() -> api.get("/actuator/health", null).status() == 200);
        return api;
    }

    private static String tail(java.io.File log) {
        try {
            return java.nio.file.Files.readAllLines(log.toPath()).stream()
                    .filter(line -> !line.startsWith("\tat ") && !line.startsWith("\t..."))
                    .limit(40)
                    .collect(java.util.stream.Collectors.joining("\n"));
        } catch (IOException unreadable) {
            return unreadable.toString();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
