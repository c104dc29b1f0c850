package app.stagedoor;

import app.stagedoor.web.MintedTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two real instances of the application in this JVM, sharing one MariaDB database the way two
 * instances behind a load balancer do: each its own Spring context, Tomcat on its own port,
 * scheduler, caches and connection pool, with the {@code mysql} profile and the test run's
 * database ({@code spring.datasource.url} of the MariaDB execution). Nothing but the database
 * is shared, except the clock: both read one {@link MutableClock} (as instances on NTP agree on
 * the time), which the test moves, so that admissions, holds and expiry follow the test's steps
 * and not the machine's load. Their schedulers run as in production (ShedLock, every tick).
 *
 * <p>The clock starts a day ahead of the real time, so an instance of another test class still
 * running in this JVM on the real clock never finds one of these tests' admissions, holds or
 * sales due. Each test makes its own concerts, dates and fans, as the other database tests do;
 * what it checks it reads for those alone.
 *
 * <p>Fans call over HTTP with bearer tokens minted under the key the instances keep in the
 * database (so a token is the instances' own, with no sign-in to pay for) and each from an
 * address of its own, passed as {@code X-Forwarded-For} as a load balancer would (the instances
 * trust it from loopback), so the limits per address count per fan unless a test says otherwise.
 * A later test of browser sessions can add a cookie-keeping client per fan the same way.
 */
public final class TwoInstances implements AutoCloseable {

    /** One running instance. */
    public static final class Instance {

        private final String name;
        private final ConfigurableApplicationContext context;
        private final String base;

        private Instance(String name, ConfigurableApplicationContext context) {
            this.name = name;
            this.context = context;
            this.base = "http://localhost:"
                    + ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        public String name() {
            return name;
        }

        public ConfigurableApplicationContext context() {
            return context;
        }

        public <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        public String base() {
            return base;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** An answer of the JSON API. */
    public record Answer(int status, JsonNode body, String raw, HttpResponse<String> response) {

        public String code() {
            return body == null || body.get("code") == null
                    ? null
                    : body.get("code").asString();
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    /** A caller of the API: a bearer token (or none) from one client address, to whichever instance it is sent. */
    public final class Client {

        private final String authorization;
        private final String address;

        private Client(String authorization, String address) {
            this.authorization = authorization;
            this.address = address;
        }

        public String address() {
            return address;
        }

        /** The same caller from another address. */
        public Client from(String otherAddress) {
            return new Client(authorization, otherAddress);
        }

        public Answer get(Instance to, String path) {
            return send(to, "GET", path, null);
        }

        public Answer post(Instance to, String path, String json) {
            return send(to, "POST", path, json);
        }

        public Answer put(Instance to, String path, String json) {
            return send(to, "PUT", path, json);
        }

        public Answer send(Instance to, String method, String path, String json) {
            var request = HttpRequest.newBuilder(URI.create(to.base() + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("X-Forwarded-For", address)
                    .method(
                            method,
                            json == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                var raw = response.body();
                JsonNode body = raw != null && (raw.startsWith("{") || raw.startsWith("[")) ? JSON.readTree(raw) : null;
                return new Answer(response.statusCode(), body, raw, response);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MutableClock clock;
    private final List<String> settings;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Instance a;
    private Instance b;
    private java.sql.Timestamp startedAt;
    private MintedTokens tokens;

    private TwoInstances(MutableClock clock, List<String> settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Starts instances {@code a} and {@code b} at once against the MariaDB of the test run.
     *
     * @param settings {@code name=value} settings both instances get, besides the harness's own
     */
    public static TwoInstances start(String... settings) {
        var clock = new MutableClock(Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS));
        var instances = new TwoInstances(clock, List.of(settings));
        instances.startBoth();
        return instances;
    }

    public Instance a() {
        return a;
    }

    public Instance b() {
        return b;
    }

    /** {@code a} for even numbers, {@code b} for odd ones: spreading callers over both. */
    public Instance either(int i) {
        return i % 2 == 0 ? a : b;
    }

    public List<Instance> both() {
        return List.of(a, b);
    }

    public MutableClock clock() {
        return clock;
    }

    /** The shared database, through instance {@code a}'s pool. */
    public JdbcClient jdbc() {
        return a.bean(JdbcClient.class);
    }

    /** A fan with an empty wallet, straight into the tables, calling with a token of the instances. */
    public Fan newFan() {
        long id = TestConcerts.fanWithWallet(jdbc());
        var username = jdbc().sql("SELECT username FROM members WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
        return new Fan(id, client(tokens.fan(id, username)));
    }

    /** A fan and the client they call with. */
    public record Fan(long id, Client api) {}

    /** A caller with this token, from an address of its own. */
    public Client client(String bearerToken) {
        return new Client(bearerToken == null ? null : "Bearer " + bearerToken, newAddress());
    }

    /** The organiser ({@code admin}), signed in through the token endpoint of {@code a}. */
    public Client organiser() {
        var credentials = java.util.Base64.getEncoder()
                .encodeToString("admin:admin-password-for-tests".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var answer = new Client("Basic " + credentials, newAddress()).post(a, "/api/v1/auth/token", null);
        if (answer.status() != 200) {
            throw new IllegalStateException("the organiser could not sign in: " + answer);
        }
        return client(answer.body().get("accessToken").asString());
    }

    /** A client address nobody else uses (for the limits per address). */
    public static String newAddress() {
        var random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** Stops both instances (as when every instance of a site is down). */
    public void stopBoth() {
        closeQuietly();
    }

    /** Starts both instances at once (again). */
    public void startBoth() {
        var url = System.getProperty("spring.datasource.url");
        if (url == null || !(url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:"))) {
            throw new IllegalStateException(
                    "two instances need the MariaDB of the test run (spring.datasource.url is " + url + ")");
        }
        startedAt = databaseTime(url);
        var startingA = CompletableFuture.supplyAsync(() -> startOne("a", url));
        var startingB = CompletableFuture.supplyAsync(() -> startOne("b", url));
        try {
            a = startingA.join();
            b = startingB.join();
        } catch (RuntimeException failed) {
            startingA.thenAccept(instance -> instance.context().close());
            startingB.thenAccept(instance -> instance.context().close());
            throw failed;
        }
        var key = jdbc().sql("SELECT secret FROM app_secrets WHERE name = 'api-token'")
                .query(String.class)
                .single();
        tokens = new MintedTokens(key, Duration.ofDays(30));
    }

    /** The database's time just before both instances last started. */
    public java.sql.Timestamp startedAt() {
        return startedAt;
    }

    private static java.sql.Timestamp databaseTime(String url) {
        try (var connection = java.sql.DriverManager.getConnection(
                        url,
                        System.getProperty("spring.datasource.username"),
                        System.getProperty("spring.datasource.password", ""));
                var now = connection.createStatement().executeQuery("SELECT NOW(3)")) {
            now.next();
            return now.getTimestamp(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the test run's database is not reachable at " + url, e);
        }
    }

    private Instance startOne(String name, String url) {
        var arguments = new ArrayList<String>(List.of(
                "--spring.datasource.url=" + url,
                "--server.port=0",
                "--spring.application.name=stagedoor-" + name,
                "--spring.task.scheduling.thread-name-prefix=" + name + "-scheduling-",
                "--server.tomcat.threads.max=64",
                // the load balancer in front passes the client's address; the instances trust it from loopback
                "--server.forward-headers-strategy=native"));
        settings.forEach(setting -> arguments.add("--" + setting));
        var context = new SpringApplicationBuilder(StagedoorApplication.class)
                .profiles("test", "mysql")
                .listeners(TwoInstances::oneAtATimeThroughTheLoggingSetup)
                .initializers(starting -> starting.getBeanFactory().registerSingleton("clock", (Clock) clock))
                .run(arguments.toArray(String[]::new));
        return new Instance(name, context);
    }

    /**
     * Spring Boot sets the JVM's logging up as each application starts, through system properties
     * it writes and reads: two starting at once can read the other's half-written ones (seen in CI:
     * {@code Unknown format 'CONSOLE_LOG_STRUCTURED_FORMAT_IS_UNDEFINED'}, and the instance did not
     * start). So the starts take turns from their first event until the logging is set up (the
     * context's initialisation comes after it); the rest of each start runs at once.
     */
    private static final ReentrantLock LOGGING_SETUP = new ReentrantLock();

    private static void oneAtATimeThroughTheLoggingSetup(ApplicationEvent event) {
        if (event instanceof ApplicationStartingEvent) {
            LOGGING_SETUP.lock();
        } else if ((event instanceof ApplicationContextInitializedEvent || event instanceof ApplicationFailedEvent)
                && LOGGING_SETUP.isHeldByCurrentThread()) {
            LOGGING_SETUP.unlock();
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        for (var instance : new Instance[] {a, b}) {
            if (instance != null) {
                try {
                    instance.context().close();
                } catch (RuntimeException ignored) {
                    // closing the other one matters more
                }
            }
        }
        a = null;
        b = null;
    }
}
