package app.stagedoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What the application answered survives {@code kill -9} on the embedded default: a real app
 * process on its own H2 file (the shipped settings, in a fresh working directory) takes a payment,
 * is killed with SIGKILL the moment the answer arrives, starts again on the same file, and still
 * has the payment, its ledger entry, the top-ups and the booked seats.
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

    private ApiClient start(int port) throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var log = workingDirectory.resolve("app.log").toFile();
        app = new ProcessBuilder(
                        java,
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StagedoorApplication.class.getName(),
                        "--server.port=" + port,
                        "--stagedoor.queue.tick=200ms",
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
