package app.stagedoor.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.CuttableProxy;
import app.stagedoor.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * MariaDB goes away under load and comes back: the app reaches it through a {@link CuttableProxy}
 * that closes every connection and refuses new ones, as a stopped server does. While it is gone,
 * every answer is a calm one: the API a {@code 503} problem with code {@code BUSY} and {@code
 * Retry-After}, a page the "very busy" page with {@code 503}, never a 500 or a stack trace; readiness
 * says 503, liveness 200. When it is back the app recovers by itself: readiness 200 again, every
 * request answered, and a top-up made afterwards is in the wallet and its ledger.
 */
@Tag("mariadb")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "stagedoor.web.rate-limits.enabled=false",
            // a request waits this long for a connection before it is told the service is busy
            "spring.datasource.hikari.connection-timeout=1500",
            "spring.datasource.hikari.validation-timeout=1000"
        })
class DatabaseOutageTest {

    static final CuttableProxy proxy;

    static {
        try {
            proxy = new CuttableProxy("127.0.0.1", 3306);
        } catch (java.io.IOException failure) {
            throw new IllegalStateException(failure);
        }
    }

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry properties) {
        var url = System.getProperty("spring.datasource.url");
        properties.add("spring.datasource.url", () -> url.replace("127.0.0.1:3306", "127.0.0.1:" + proxy.port()));
    }

    @AfterAll
    static void closeProxy() throws Exception {
        proxy.close();
    }

    @LocalServerPort
    int port;

    record Seen(String what, int status, String retryAfter, String body) {}

    @Test
    void while_the_database_is_gone_every_answer_is_calm_and_the_app_recovers_by_itself() throws Exception {
        var api = new ApiClient(port);
        var fan = api.newFan(TestData.username("outage"));
        assertThat(api.post("/api/v1/wallet/charges", fan, "{\"amount\":10000}").status())
                .isEqualTo(200);
        var requests = Map.of(
                "wallet API", request("/api/v1/wallet", fan, "application/json"),
                "catalogue API", request("/api/v1/concerts", null, "application/json"),
                "home page", request("/", null, "text/html"),
                "wallet page", request("/wallet", null, "text/html"));
        assertThat(get(request("/actuator/health/readiness", null, "application/json"))
                        .status())
                .isEqualTo(200);

        // under load from four clients, the database goes away for six seconds
        var seen = new CopyOnWriteArrayList<Seen>();
        var running = new AtomicBoolean(true);
        var clients = new ArrayList<Thread>();
        for (int i = 0; i < 4; i++) {
            var client = new Thread(() -> {
                while (running.get()) {
                    requests.forEach((what, request) -> seen.add(get(request).named(what)));
                }
            });
            client.start();
            clients.add(client);
        }
        Thread.sleep(500);
        proxy.cut();
        var cutAt = seen.size();
        var readiness = new ConcurrentHashMap<Integer, Integer>();
        long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        while (System.nanoTime() < until) {
            readiness.merge(
                    get(request("/actuator/health/readiness", null, "application/json"))
                            .status(),
                    1,
                    Integer::sum);
            assertThat(get(request("/actuator/health/liveness", null, "application/json"))
                            .status())
                    .isEqualTo(200);
        }
        var duringOutage = List.copyOf(seen.subList(cutAt, seen.size()));
        proxy.restore();

        // back: the app takes the database again by itself, without a restart
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> get(request("/actuator/health/readiness", null, "application/json"))
                                .status()
                        == 200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> requests.forEach((what, request) ->
                        assertThat(get(request).status()).as(what).isIn(200, 302)));
        running.set(false);
        for (var client : clients) {
            client.join();
        }

        assertThat(readiness).containsKey(503);
        assertThat(duringOutage).as("answers while the database was gone").isNotEmpty();
        assertThat(duringOutage.stream().filter(s -> s.status() == 503)).isNotEmpty();
        for (var answer : duringOutage) {
            assertThat(answer.status()).as(answer.toString()).isIn(200, 302, 503);
            assertThat(answer.body())
                    .as(answer.what())
                    .doesNotContain("Exception")
                    .doesNotContain("at app.stagedoor");
            if (answer.status() == 503) {
                assertThat(answer.retryAfter()).as(answer.toString()).isNotNull();
                if (answer.what().endsWith("API")) {
                    assertThat(answer.body()).as(answer.what()).contains("\"code\":\"BUSY\"");
                } else {
                    assertThat(answer.body()).as(answer.what()).contains("Please try again in a moment");
                }
            }
        }
        assertThat(seen)
                .as("every answer, before, during and after")
                .noneMatch(s -> s.status() >= 500 && s.status() != 503);

        // and what is written now is kept
        assertThat(api.post("/api/v1/wallet/charges", fan, "{\"amount\":5000}").status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/wallet", fan).body().get("balance").asLong())
                .isEqualTo(15000);
        assertThat(api.get("/api/v1/wallet/transactions?size=10", fan).body().get("items"))
                .hasSize(2);
    }

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private HttpRequest request(String path, String token, String accept) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", accept);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.GET().build();
    }

    private Answer get(HttpRequest request) {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.body());
        } catch (Exception failure) {
            return new Answer(-1, null, failure.toString());
        }
    }

    record Answer(int status, String retryAfter, String body) {
        Seen named(String what) {
            return new Seen(what, status, retryAfter, body);
        }
    }
}
