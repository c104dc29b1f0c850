package app.stagedoor.queue;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.IntegrationTest;
import app.stagedoor.TestData;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code bin/verify-draw}, run as a fan would run it, against the running application after a real
 * draw at a real on-sale time, and against a server that publishes a draw it did not make.
 */
@IntegrationTest
class VerifyDrawToolTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record Run(int exit, String output) {}

    static Run verifyDraw(String baseUrl, long concert) throws IOException, InterruptedException {
        var java = ProcessHandle.current().info().command().orElse("java");
        var process = new ProcessBuilder(java, Path.of("bin", "VerifyDraw.java").toString(), baseUrl, "" + concert)
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    @Test
    void a_real_draw_checks_out_and_a_forged_one_does_not() throws Exception {
        var api = new ApiClient(port);
        var admin = api.token("admin", "admin-password-for-tests");
        // far enough away that the sign-ups, the joins and the tool's first run (a JVM compiling a
        // source file) all happen before it however slow the machine; brought forward below
        var opensAt = Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        var created =
                api.post("/api/v1/admin/concerts", admin, """
                {"title":"Draw","artist":"A","venue":"V","salesOpenAt":"%s","maxSeatsPerMember":4,
                 "sections":[{"name":"Floor","rows":1,"seatsPerRow":5,"price":10000}],
                 "performances":[{"startsAt":"%s"}]}
                """.formatted(opensAt, opensAt.plus(30, ChronoUnit.DAYS)));
        long concert = created.body().get("id").asLong();
        assertThat(api.send(
                                "PUT",
                                "/api/v1/admin/concerts/" + concert + "/queue-settings",
                                admin,
                                "{\"admitCount\":2,\"admitIntervalSeconds\":10,\"maxActive\":null,\"activeSeconds\":600,"
                                        + "\"holdSeconds\":300,\"preQueueMinutes\":10,\"paused\":false}")
                        .status())
                .isEqualTo(200);
        for (int i = 0; i < 6; i++) {
            var joined =
                    api.post("/api/v1/concerts/" + concert + "/queue", api.newFan(TestData.username("early")), null);
            assertThat(joined.body().get("drawAt").asString()).isEqualTo(opensAt.toString());
        }
        assertThat(verifyDraw("http://localhost:" + port, concert).exit())
                .as("before the draw there is nothing to check yet")
                .isEqualTo(3);

        // the on-sale time moves to the next whole second, after every join: the promoter draws then
        jdbc.sql("UPDATE concerts SET sales_open_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS)), concert)
                .update();
        ApiClient.Answer draw = null;
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < giveUp) {
            draw = api.get("/api/v1/concerts/" + concert + "/queue/draw", null);
            if (!draw.body().get("seed").isNull()) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(draw.body().get("seed").isNull())
                .as("drawn at the on-sale time")
                .isFalse();

        var real = verifyDraw("http://localhost:" + port, concert);
        assertThat(real.output()).contains("ok: SHA-256(seed) equals the commitment", "ok: all 6 places follow");
        assertThat(real.exit()).isZero();

        // a server that swaps two fans' places
        var swapped = swapFirstTwoPlaces(draw.raw());
        var forged = serve(swapped);
        try {
            var run = verifyDraw("http://localhost:" + forged.getAddress().getPort(), concert);
            assertThat(run.output()).contains("places do not follow from the seed");
            assertThat(run.exit()).isEqualTo(1);
        } finally {
            forged.stop(0);
        }
    }

    static String swapFirstTwoPlaces(String json) {
        var places = Pattern.compile("\"place\":(\\d+)").matcher(json);
        places.find();
        var first = places.group(1);
        places.find();
        var second = places.group(1);
        return json.replaceFirst("\"place\":" + first + "\\b", "\"place\":X")
                .replaceFirst("\"place\":" + second + "\\b", "\"place\":" + first)
                .replace("\"place\":X", "\"place\":" + second);
    }

    static HttpServer serve(String body) throws IOException {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }
}
