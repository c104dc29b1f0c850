import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seat-map refresh under a rush, for seat-map.sh: FANS admitted fans' browser sessions (form
 * login, session cookie) each ask {@code GET /performances/{id}/seats/map?since=<version>} every
 * INTERVAL, as the page does, while HOLDERS fans hold two seats at HOLD_RATE a second through the
 * API (and let them go a few seconds later, so the map keeps moving). Three windows of DURATION:
 * refreshes alone (nothing changes), holds alone, both at once; the app's CPU time over each window
 * comes from /proc. Prints one JSON object.
 *
 * <pre>
 * java SeatMapLoad.java --base URL --secret B64 --performance P --first-fan ID --fans 1000
 *      --first-holder ID --holders 40 --hold-rate 10 --interval 4s --duration 60s --app-pid PID [--db-pid PID]
 * </pre>
 */
public class SeatMapLoad {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern VERSION = Pattern.compile("id=\"seat-version\" name=\"since\" value=\"([^\"]+)\"");
    static final Pattern SEAT_ID = Pattern.compile("\"id\":(\\d+)");
    static final Pattern REFRESH = Pattern.compile("<div[^>]*id=\"seat-refresh\"[^>]*hx-get=\"([^\"]+)\"");

    final String base;
    final byte[] secret;
    final long performance;
    final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(32))
            .build();

    SeatMapLoad(String base, byte[] secret, long performance) {
        this.base = base;
        this.secret = secret;
        this.performance = performance;
    }

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1); // the HTTP client's threads would keep a failed run alive
        }
    }

    static void run(String[] args) throws Exception {
        var a = new java.util.HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].substring(2), args[i + 1]);
        }
        var load = new SeatMapLoad(
                a.get("base"), Base64.getDecoder().decode(a.get("secret")), Long.parseLong(a.get("performance")));
        long appPid = Long.parseLong(a.get("app-pid"));
        long dbPid = Long.parseLong(a.getOrDefault("db-pid", "0"));
        var interval = seconds(a.getOrDefault("interval", "4s"));
        var duration = seconds(a.getOrDefault("duration", "60s"));
        int fans = Integer.parseInt(a.getOrDefault("fans", "1000"));
        int holders = Integer.parseInt(a.getOrDefault("holders", "40"));
        double holdRate = Double.parseDouble(a.getOrDefault("hold-rate", "10"));
        long firstFan = Long.parseLong(a.get("first-fan"));
        long firstHolder = Long.parseLong(a.get("first-holder"));

        var sessions = load.logIn(firstFan, fans);
        var page = load.fullPage(sessions.get(0));
        int primed = load.prime(sessions, page.version);
        var full = load.fullMapRefreshes(sessions.get(0), 10);
        var seatIds = load.seatIds(firstHolder);
        var out = new StringBuilder("{");
        out.append("\"fans\":").append(fans).append(",\"seats\":").append(seatIds.size());
        out.append(",\"passes\":").append(primed);
        out.append(",\"fullPage\":").append(page.json());
        out.append(",\"fullMapRefresh\":").append(full);
        for (var window : List.of("refreshes", "holds", "both")) {
            boolean refreshing = !window.equals("holds");
            boolean holding = !window.equals("refreshes");
            var result = load.window(
                    sessions, refreshing, holding, seatIds, firstHolder, holders, holdRate, interval, duration,
                    appPid, dbPid, page.version);
            out.append(",\"").append(window).append("\":").append(result);
        }
        System.out.println(out.append("}"));
    }

    static Duration seconds(String text) {
        return text.endsWith("ms")
                ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
                : Duration.ofMillis(Math.round(Double.parseDouble(text.replace("s", "")) * 1000));
    }

    // --- fans' sessions --------------------------------------------------------------------------

    /** A signed-in browser: its session cookie, and the map version its page shows. */
    static final class Session {
        final String cookie;
        volatile String version;
        /** The address its refresh asks: with the pass an answer through the session gave, once primed. */
        volatile String refresh;

        Session(String cookie) {
            this.cookie = cookie;
        }
    }

    /** Signs the fans in through the login form, as browsers do (bench&lt;id&gt;, password "bench-pass"). */
    List<Session> logIn(long firstFan, int count) throws Exception {
        var sessions = Collections.synchronizedList(new ArrayList<Session>());
        var pool = Executors.newFixedThreadPool(8);
        var failures = new AtomicLong();
        for (int i = 0; i < count; i++) {
            long fan = firstFan + i;
            pool.submit(() -> {
                try {
                    var form = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/login"))
                                    .timeout(Duration.ofSeconds(60))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    var cookie = cookie(form);
                    var csrf = CSRF.matcher(form.body());
                    if (!csrf.find()) throw new IllegalStateException("no CSRF token on /login");
                    var body = "username=bench" + fan + "&password=bench-pass&_csrf="
                            + URLEncoder.encode(csrf.group(1), UTF_8);
                    var login = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/login"))
                                    .timeout(Duration.ofSeconds(60))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header("Cookie", cookie)
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    var location = login.headers().firstValue("Location").orElse("");
                    if (login.statusCode() != 302 || location.contains("error") || location.contains("throttled")) {
                        throw new IllegalStateException("login of bench" + fan + " answered " + login.statusCode() + " " + location);
                    }
                    sessions.add(new Session(cookie(login).isEmpty() ? cookie : cookie(login)));
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.err.println(e);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) throw new IllegalStateException("signing in took too long");
        if (failures.get() > 0) throw new IllegalStateException(failures + " fans could not sign in");
        return new ArrayList<>(sessions);
    }

    /**
     * One unmeasured refresh per session, as a page's first would be without its pass: the answer
     * (through the session) carries the refresh's address with a pass, which every later refresh
     * uses, as the page's htmx does. An app without passes answers 204 and keeps the plain address.
     * Returns how many sessions got a pass.
     */
    int prime(List<Session> sessions, String version) throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        var passes = new AtomicLong();
        var failures = new AtomicLong();
        for (var session : sessions) {
            session.refresh = "/performances/" + performance + "/seats/map";
            pool.submit(() -> {
                try {
                    var answer = http.send(
                            get(session.refresh + "?since=" + URLEncoder.encode(version, UTF_8), session)
                                    .header("HX-Request", "true")
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (answer.statusCode() == 200 && renew(session, body(answer))) {
                        passes.incrementAndGet();
                    } else if (answer.statusCode() != 204) {
                        throw new IllegalStateException("the first refresh answered " + answer.statusCode() + " "
                                + answer.headers().map() + " " + body(answer));
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.err.println(e);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) throw new IllegalStateException("priming took too long");
        if (failures.get() > 0) throw new IllegalStateException(failures + " first refreshes failed");
        return (int) passes.get();
    }

    /** Takes the refresh's new address (a new pass) from an answer that sends one. */
    static boolean renew(Session session, String html) {
        var refresh = REFRESH.matcher(html);
        if (!refresh.find()) return false;
        session.refresh = refresh.group(1).replace("&amp;", "&");
        return true;
    }

    static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElse("");
    }

    record Page(String version, long bytes, long gzipBytes, long millis) {
        String json() {
            return "{\"bytes\":" + bytes + ",\"gzipBytes\":" + gzipBytes + ",\"millis\":" + millis + "}";
        }
    }

    /** The whole page once: where the fans' versions start, and what a page load costs. */
    Page fullPage(Session session) throws Exception {
        long start = System.nanoTime();
        var answer = http.send(
                get("/performances/" + performance + "/seats", session).build(), HttpResponse.BodyHandlers.ofByteArray());
        long millis = (System.nanoTime() - start) / 1_000_000;
        var html = body(answer);
        var version = VERSION.matcher(html);
        if (answer.statusCode() != 200 || !version.find()) {
            throw new IllegalStateException("the seat page answered " + answer.statusCode() + " "
                    + answer.headers().firstValue("Location").orElse("") + " without a version");
        }
        return new Page(version.group(1), html.getBytes(UTF_8).length, answer.body().length, millis);
    }

    /** What every refresh cost before: the whole map, asked for without a version (median of n). */
    String fullMapRefreshes(Session session, int n) throws Exception {
        var millis = new ArrayList<Long>();
        long bytes = 0;
        long gzip = 0;
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            var answer = http.send(
                    get("/performances/" + performance + "/seats/map", session)
                            .header("HX-Request", "true")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            millis.add((System.nanoTime() - start) / 1_000_000);
            gzip = answer.body().length + headerBytes(answer);
            bytes = body(answer).getBytes(UTF_8).length;
        }
        Collections.sort(millis);
        return "{\"bytes\":" + bytes + ",\"wireBytes\":" + gzip + ",\"medianMillis\":" + millis.get(n / 2) + "}";
    }

    HttpRequest.Builder get(String path, Session session) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept-Encoding", "gzip")
                .header("Cookie", session.cookie)
                .GET();
    }

    static String body(HttpResponse<byte[]> answer) throws IOException {
        var raw = answer.body();
        if (answer.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            try (var in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                return new String(in.readAllBytes(), UTF_8);
            }
        }
        return new String(raw, UTF_8);
    }

    /** The status line and headers as they crossed the wire (HTTP/1.1). */
    static long headerBytes(HttpResponse<?> answer) {
        long bytes = "HTTP/1.1 200 \r\n\r\n".length();
        for (var header : answer.headers().map().entrySet()) {
            if (header.getKey().startsWith(":")) continue;
            for (var value : header.getValue()) {
                bytes += header.getKey().length() + 2 + value.length() + 2;
            }
        }
        return bytes;
    }

    // --- holders ----------------------------------------------------------------------------------

    String token(long memberId) {
        try {
            var b64 = Base64.getUrlEncoder().withoutPadding();
            long now = Instant.now().getEpochSecond();
            var header = b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(UTF_8));
            var claims = b64.encodeToString(("{\"iss\":\"stagedoor\",\"sub\":\"bench" + memberId + "\",\"mid\":"
                            + memberId + ",\"role\":\"FAN\",\"iat\":" + (now - 5) + ",\"exp\":" + (now + 4 * 3600) + "}")
                    .getBytes(UTF_8));
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            var input = header + "." + claims;
            return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Long> seatIds(long member) throws Exception {
        var answer = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/performances/" + performance + "/seats"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token(member))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var ids = new ArrayList<Long>();
        var m = SEAT_ID.matcher(answer.body());
        while (m.find()) ids.add(Long.parseLong(m.group(1)));
        if (ids.isEmpty()) throw new IllegalStateException("no seats: " + answer.statusCode() + " " + answer.body());
        return ids;
    }

    // --- one measured window ----------------------------------------------------------------------

    String window(
            List<Session> sessions,
            boolean refreshing,
            boolean holding,
            List<Long> seatIds,
            long firstHolder,
            int holders,
            double holdRate,
            Duration interval,
            Duration duration,
            long appPid,
            long dbPid,
            String startVersion)
            throws Exception {
        sessions.forEach(s -> s.version = startVersion);
        var scheduler = Executors.newScheduledThreadPool(4);
        var refreshes = new ConcurrentLinkedQueue<long[]>(); // status, wire bytes, moved seats, micros
        var holds = new ConcurrentLinkedQueue<long[]>(); // status, micros
        var errors = new AtomicLong();
        long startNanos = System.nanoTime() + 200_000_000L;
        long endNanos = startNanos + duration.toNanos();
        if (refreshing) {
            long step = interval.toNanos() / sessions.size();
            for (int i = 0; i < sessions.size(); i++) {
                var session = sessions.get(i);
                scheduler.scheduleAtFixedRate(
                        () -> refresh(session, refreshes, errors, endNanos),
                        startNanos - System.nanoTime() + i * step,
                        interval.toNanos(),
                        TimeUnit.NANOSECONDS);
            }
        }
        if (holding) {
            var random = new Random(42);
            var tokens = new ArrayList<String>();
            for (int i = 0; i < holders; i++) tokens.add(token(firstHolder + i));
            var next = new AtomicLong();
            scheduler.scheduleAtFixedRate(
                    () -> {
                        if (System.nanoTime() > endNanos) return;
                        var token = tokens.get((int) (next.getAndIncrement() % tokens.size()));
                        int at;
                        synchronized (random) {
                            at = random.nextInt(seatIds.size() - 1);
                        }
                        hold(token, seatIds.get(at), seatIds.get(at + 1), holds, errors, scheduler);
                    },
                    startNanos - System.nanoTime(),
                    Math.round(1e9 / holdRate),
                    TimeUnit.NANOSECONDS);
        }
        var cpuBefore = cpuMillis(appPid);
        var requestsBefore = requestThreadsCpuMillis(appPid);
        var dbBefore = cpuMillis(dbPid);
        Thread.sleep(Math.max(0, (endNanos - System.nanoTime()) / 1_000_000));
        var cpuAfter = cpuMillis(appPid);
        var requestsAfter = requestThreadsCpuMillis(appPid);
        var dbAfter = cpuMillis(dbPid);
        Thread.sleep(5_000); // answers still in flight; their holds' releases
        scheduler.shutdownNow();

        var json = new StringBuilder("{");
        json.append("\"seconds\":").append(duration.toSeconds());
        json.append(",\"appCpuMillis\":").append(cpuAfter - cpuBefore);
        json.append(",\"requestThreadsCpuMillis\":").append(requestsAfter - requestsBefore);
        json.append(",\"dbCpuMillis\":").append(dbAfter - dbBefore);
        json.append(",\"errors\":").append(errors.get());
        var r = new ArrayList<>(refreshes);
        json.append(",\"refreshes\":").append(r.size());
        json.append(",\"unchanged\":").append(r.stream().filter(x -> x[0] == 204).count());
        json.append(",\"changed\":").append(r.stream().filter(x -> x[0] == 200).count());
        json.append(",\"otherStatus\":").append(r.stream().filter(x -> x[0] != 200 && x[0] != 204).count());
        json.append(",\"unchangedWireBytes\":").append(avg(r.stream().filter(x -> x[0] == 204).mapToLong(x -> x[1])));
        json.append(",\"changedWireBytes\":").append(avg(r.stream().filter(x -> x[0] == 200).mapToLong(x -> x[1])));
        json.append(",\"changedMovedSeats\":").append(avg(r.stream().filter(x -> x[0] == 200).mapToLong(x -> x[2])));
        json.append(",\"refreshWireBytes\":").append(avg(r.stream().mapToLong(x -> x[1])));
        json.append(",\"refreshP50Micros\":").append(percentile(r.stream().map(x -> x[3]).toList(), 50));
        json.append(",\"refreshP99Micros\":").append(percentile(r.stream().map(x -> x[3]).toList(), 99));
        var h = new ArrayList<>(holds);
        json.append(",\"holds\":").append(h.size());
        json.append(",\"held\":").append(h.stream().filter(x -> x[0] == 201).count());
        json.append(",\"seatsTaken\":").append(h.stream().filter(x -> x[0] == 409).count());
        json.append(",\"holdP50Micros\":").append(percentile(h.stream().map(x -> x[1]).toList(), 50));
        json.append(",\"holdP99Micros\":").append(percentile(h.stream().map(x -> x[1]).toList(), 99));
        return json.append("}").toString();
    }

    void refresh(Session session, ConcurrentLinkedQueue<long[]> out, AtomicLong errors, long endNanos) {
        if (System.nanoTime() > endNanos) return;
        long start = System.nanoTime();
        var address = session.refresh;
        var request = get(
                        address + (address.contains("?") ? "&" : "?") + "since="
                                + URLEncoder.encode(session.version, UTF_8),
                        session)
                .header("HX-Request", "true")
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((answer, failure) -> {
            if (failure != null) {
                errors.incrementAndGet();
                return;
            }
            long micros = (System.nanoTime() - start) / 1000;
            long moved = 0;
            if (answer.statusCode() == 200) {
                try {
                    var html = body(answer);
                    var version = VERSION.matcher(html);
                    if (version.find()) session.version = version.group(1);
                    renew(session, html);
                    moved = html.split("data-seat-id=", -1).length - 1;
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
            }
            out.add(new long[] {answer.statusCode(), answer.body().length + headerBytes(answer), moved, micros});
        });
    }

    void hold(
            String token,
            long seatA,
            long seatB,
            ConcurrentLinkedQueue<long[]> out,
            AtomicLong errors,
            ScheduledExecutorService scheduler) {
        long start = System.nanoTime();
        var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/performances/" + performance + "/holds"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"seatIds\":[" + seatA + "," + seatB + "]}"))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((answer, failure) -> {
            if (failure != null) {
                errors.incrementAndGet();
                return;
            }
            out.add(new long[] {answer.statusCode(), (System.nanoTime() - start) / 1000});
            var id = Pattern.compile("\"reservationId\":(\\d+)").matcher(answer.body());
            if (answer.statusCode() == 201 && id.find()) {
                // let the seats go again a few seconds later, as a fan who changed their mind
                long reservation = Long.parseLong(id.group(1));
                scheduler.schedule(
                        () -> http.sendAsync(
                                HttpRequest.newBuilder(URI.create(base + "/api/v1/reservations/" + reservation))
                                        .header("Authorization", "Bearer " + token)
                                        .DELETE()
                                        .build(),
                                HttpResponse.BodyHandlers.discarding()),
                        3,
                        TimeUnit.SECONDS);
            } else if (answer.statusCode() != 409) {
                errors.incrementAndGet();
                System.err.println("hold answered " + answer.statusCode() + ": " + answer.body());
            }
        });
    }

    static long cpuMillis(long pid) {
        if (pid <= 0) return 0;
        try {
            var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // USER_HZ = 100
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The CPU of the app's request threads alone (Tomcat's http-nio-…-exec-N): the server time spent
     * answering, without the collector, the JIT or the scheduler, which the process's figure adds.
     */
    static long requestThreadsCpuMillis(long pid) {
        if (pid <= 0) return 0;
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (var task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (!Files.readString(task.resolve("comm")).startsWith("http-nio")) continue;
                    var stat = Files.readString(task.resolve("stat"));
                    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException ended) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 10; // USER_HZ = 100
    }

    static String avg(java.util.stream.LongStream values) {
        var stats = values.summaryStatistics();
        return stats.getCount() == 0 ? "null" : String.format(Locale.ROOT, "%.1f", stats.getAverage());
    }

    static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) return -1;
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
