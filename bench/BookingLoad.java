import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The load client of {@code bench/booking.sh}: seat holds and payments against a running Stagedoor.
 * One file, JDK only, run with {@code java bench/BookingLoad.java <command> --option value …}.
 *
 * <pre>
 * check-token --base URL --secret B64 --member ID               GET /api/v1/wallet with a minted token → 200
 * seats       --base URL --secret B64 --member ID --performances 1,2 --out seats.tsv
 * burst       --base URL --secret B64 --first-fan ID --count 1000 --performance P --seat S [--timeout-ms 30000]
 *             --result burst.json
 * holds       --base URL --secret B64 --seats seats.tsv --first-fan ID [--seats-per-hold 1] [--start-at N]
 *             --concurrency 64 --warmup 5s --duration 30s --label L --reservations out.tsv --result holds.json
 *             [--pids app=PID,mariadbd=PID] [--counters-cmd SH]
 * pay         --base URL --secret B64 --reservations in.tsv [--start-at N] --concurrency 64 --warmup 5s
 *             --duration 30s --result pay.json [--pids …] [--counters-cmd SH]
 * jfr-top     --jfr rec.jfr [--top 15]                           where the app spent its samples
 * </pre>
 *
 * Fans are not signed up here: booking.sh inserts them (username {@code bench<member id>}) and this
 * client mints their bearer tokens with the app's key, exactly as the app's own ApiTokens would.
 */
public class BookingLoad {

    /** booking.sh seeds every fan as bench&lt;member id&gt;; the token's subject must match. */
    static final String FAN_PREFIX = "bench";

    static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");
    static final Pattern RESERVATION_ID = Pattern.compile("\"reservationId\"\\s*:\\s*(\\d+)");
    static final Pattern SEAT = Pattern.compile("\\{\"id\":(\\d+),[^}]*\"status\":\"([A-Z]+)\"[^}]*}");

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        var options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "check-token" -> checkToken(options);
            case "seats" -> seats(options);
            case "burst" -> burst(options);
            case "holds" -> holds(options);
            case "pay" -> pay(options);
            case "jfr-top" -> jfrTop(options);
            default -> usage();
        }
    }

    static void usage() {
        System.err.println("usage: java bench/BookingLoad.java check-token|seats|burst|holds|pay|jfr-top --option value …"
                + " (see the comment at the top of the file)");
        System.exit(2);
    }

    // --- options ---------------------------------------------------------------------------------

    record Options(Map<String, String> values) {

        static Options parse(String[] args) {
            var values = new HashMap<String, String>();
            for (int i = 0; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
                }
                values.put(args[i].substring(2), args[i + 1]);
            }
            return new Options(values);
        }

        String get(String name) {
            var value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }

        String get(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }

        long number(String name) {
            return Long.parseLong(get(name));
        }

        long number(String name, long fallback) {
            return values.containsKey(name) ? number(name) : fallback;
        }

        /** 30s, 500ms, 2m, or plain seconds. */
        Duration duration(String name) {
            var text = get(name).trim();
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
            }
            if (text.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)) * 60);
            }
            return Duration.ofSeconds(Long.parseLong(text));
        }

        URI base() {
            return URI.create(get("base"));
        }

        Tokens tokens() {
            return new Tokens(Base64.getDecoder().decode(get("secret").trim()));
        }
    }

    // --- bearer tokens ---------------------------------------------------------------------------

    /**
     * HS256 JWTs as the app's ApiTokens issues them: {"alg":"HS256"}, issuer stagedoor, subject the
     * username, mid the member id, role FAN. Minting thousands costs microseconds each, where
     * signing the fans in through the API would cost a bcrypt hash each.
     */
    record Tokens(byte[] key) {

        private static final ThreadLocal<Mac> MACS = new ThreadLocal<>();
        private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

        String mint(long memberId) {
            long now = Instant.now().getEpochSecond();
            var header = B64URL.encodeToString("{\"alg\":\"HS256\"}".getBytes(UTF_8));
            var claims = B64URL.encodeToString(("{\"iss\":\"stagedoor\",\"sub\":\"" + FAN_PREFIX + memberId
                            + "\",\"mid\":" + memberId + ",\"role\":\"FAN\",\"iat\":" + (now - 5)
                            + ",\"exp\":" + (now + 4 * 3600) + "}")
                    .getBytes(UTF_8));
            var signingInput = header + "." + claims;
            return signingInput + "." + B64URL.encodeToString(mac().doFinal(signingInput.getBytes(UTF_8)));
        }

        private Mac mac() {
            try {
                var mac = MACS.get();
                if (mac == null) {
                    mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(key, "HmacSHA256"));
                    MACS.set(mac);
                }
                return mac;
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // --- HTTP ------------------------------------------------------------------------------------

    /** An answer: the HTTP status (-1 timeout, -2 I/O error) and its body. */
    record Answer(int status, String body) {

        String code() {
            Matcher m = CODE.matcher(body);
            return m.find() ? m.group(1) : null;
        }

        /** "201", "409 SEAT_UNAVAILABLE", "timeout", … for the status histogram. */
        String label() {
            if (status == -1) {
                return "timeout";
            }
            if (status == -2) {
                return "io-error " + body;
            }
            var code = status >= 300 ? code() : null;
            return code == null ? String.valueOf(status) : status + " " + code;
        }
    }

    static HttpClient httpClient() {
        // HTTP/1.1: no h2c upgrade dance; the client keeps one connection per concurrent request.
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static Answer send(HttpClient client, HttpRequest request) {
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (HttpTimeoutException timeout) {
            return new Answer(-1, "");
        } catch (IOException failure) {
            return new Answer(-2, failure.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Answer(-2, "interrupted");
        }
    }

    static HttpRequest.Builder request(URI base, String path, String token) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    // --- check-token, seats -----------------------------------------------------------------------

    /** One minted token must work before any load: GET /api/v1/wallet → 200. */
    static void checkToken(Options o) {
        long member = o.number("member");
        var answer = send(httpClient(), request(o.base(), "/api/v1/wallet", o.tokens().mint(member)).GET().build());
        if (answer.status() != 200) {
            System.err.println("minted token refused: GET /api/v1/wallet → " + answer.label() + " " + answer.body());
            System.exit(1);
        }
        System.out.println(answer.body());
    }

    /** The AVAILABLE seats of the given dates, in id order, as "performance<TAB>seat" lines. */
    static void seats(Options o) throws IOException {
        var client = httpClient();
        var token = o.tokens().mint(o.number("member"));
        var lines = new ArrayList<String>();
        for (var performance : o.get("performances").split(",")) {
            var answer = send(client, request(o.base(), "/api/v1/performances/" + performance + "/seats", token)
                    .GET()
                    .build());
            if (answer.status() != 200) {
                throw new IllegalStateException("seats of " + performance + ": " + answer.label() + " " + answer.body());
            }
            var ids = new ArrayList<Long>();
            Matcher m = SEAT.matcher(answer.body());
            while (m.find()) {
                if (m.group(2).equals("AVAILABLE")) {
                    ids.add(Long.parseLong(m.group(1)));
                }
            }
            ids.sort(Comparator.naturalOrder());
            ids.forEach(id -> lines.add(performance + "\t" + id));
        }
        Files.write(Path.of(o.get("out")), lines);
        System.out.println(lines.size());
    }

    // --- burst: many fans, one seat, one moment --------------------------------------------------

    /**
     * Every fan fires one hold at the same seat at the same moment. java.net.http cannot be told
     * to open its connections up front, so this uses plain sockets: all connections are opened
     * first (the TCP handshakes and Tomcat's accepts are done), one thread per fan waits on a
     * latch with its request ready in memory, and the latch releases them together. Time runs from
     * the release to the last answer read. "Connection: close" makes the end of a response the
     * end of its stream, so no HTTP parser is needed.
     */
    static void burst(Options o) throws Exception {
        var base = o.base();
        var tokens = o.tokens();
        long firstFan = o.number("first-fan");
        int count = (int) o.number("count");
        long performance = o.number("performance");
        long seat = o.number("seat");
        int timeoutMillis = (int) o.number("timeout-ms", 30_000);
        var body = "{\"seatIds\":[" + seat + "]}";

        var requests = new byte[count][];
        for (int i = 0; i < count; i++) {
            requests[i] = ("POST /api/v1/performances/" + performance + "/holds HTTP/1.1\r\n"
                            + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                            + "Authorization: Bearer " + tokens.mint(firstFan + i) + "\r\n"
                            + "Content-Type: application/json\r\n"
                            + "Accept: application/json\r\n"
                            + "Content-Length: " + body.getBytes(UTF_8).length + "\r\n"
                            + "Connection: close\r\n\r\n"
                            + body)
                    .getBytes(UTF_8);
        }

        long connectStart = System.nanoTime();
        var sockets = new Socket[count];
        for (int i = 0; i < count; i++) {
            sockets[i] = new Socket();
            sockets[i].setTcpNoDelay(true);
            sockets[i].setSoTimeout(timeoutMillis);
            sockets[i].connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        }
        double connectMillis = (System.nanoTime() - connectStart) / 1e6;

        var ready = new CountDownLatch(count);
        var go = new CountDownLatch(1);
        var ends = new long[count];
        var answers = new Answer[count];
        var threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            int fan = i;
            threads[i] = new Thread(null, () -> {
                ready.countDown();
                try {
                    go.await();
                    answers[fan] = exchange(sockets[fan], requests[fan]);
                } catch (InterruptedException e) {
                    answers[fan] = new Answer(-2, "interrupted");
                }
                ends[fan] = System.nanoTime();
            }, "fan-" + i, 256 * 1024);
            threads[i].start();
        }
        ready.await();
        Thread.sleep(200); // let the last threads that counted down reach go.await()
        long released = System.nanoTime();
        go.countDown();
        for (var thread : threads) {
            thread.join();
        }

        var statuses = new TreeMap<String, Long>();
        int winners = 0;
        int answered = 0;
        var millis = new double[count];
        for (int i = 0; i < count; i++) {
            statuses.merge(answers[i].label(), 1L, Long::sum);
            if (answers[i].status() == 201) {
                winners++;
            }
            if (answers[i].status() == 201 || answers[i].status() == 409) {
                answered++;
            }
            millis[i] = (ends[i] - released) / 1e6;
        }
        Arrays.sort(millis);
        var result = new LinkedHashMap<String, Object>();
        result.put("attempts", count);
        result.put("winners", winners);
        result.put("answered", answered);
        result.put("connectMillis", round(connectMillis));
        result.put("firstAnswerMillis", round(millis[0]));
        result.put("medianAnswerMillis", round(millis[count / 2]));
        result.put("lastAnswerMillis", round(millis[count - 1]));
        result.put("statuses", statuses);
        writeResult(o, result);
    }

    static Answer exchange(Socket socket, byte[] request) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            var raw = new String(in.readAllBytes(), UTF_8);
            if (!raw.startsWith("HTTP/1.1 ")) {
                return new Answer(-2, "no-http-answer");
            }
            int status = Integer.parseInt(raw.substring(9, 12));
            int bodyAt = raw.indexOf("\r\n\r\n");
            return new Answer(status, bodyAt < 0 ? "" : raw.substring(bodyAt + 4));
        } catch (SocketTimeoutException timeout) {
            return new Answer(-1, "");
        } catch (IOException failure) {
            return new Answer(-2, failure.getClass().getSimpleName());
        }
    }

    // --- holds and payments: closed loops on distinct seats --------------------------------------

    /** One hold of the pool: a fan of its own and its seat(s), all of one date. */
    record HoldJob(long fan, long performance, List<Long> seats) {}

    /** One reservation to pay, by the fan who holds it. */
    record PayJob(long fan, long reservation) {}

    /**
     * Holds on distinct seats: every request is a new fan taking seats nobody else asked for, so
     * nothing contends but the machine. Appends "label<TAB>fan<TAB>reservation" per 201 to the
     * reservations file, for the pay command.
     */
    static void holds(Options o) throws Exception {
        var base = o.base();
        var tokens = o.tokens();
        long firstFan = o.number("first-fan");
        int perHold = (int) o.number("seats-per-hold", 1);
        int startAt = (int) o.number("start-at", 0);

        // group consecutive seats of one date into holds; hold i belongs to fan firstFan + i
        var pool = new ArrayList<HoldJob>();
        var current = new ArrayList<Long>();
        long currentPerformance = -1;
        for (var line : Files.readAllLines(Path.of(o.get("seats")))) {
            var parts = line.split("\t");
            long performance = Long.parseLong(parts[0]);
            if (performance != currentPerformance) {
                current.clear();
                currentPerformance = performance;
            }
            current.add(Long.parseLong(parts[1]));
            if (current.size() == perHold) {
                pool.add(new HoldJob(firstFan + pool.size(), performance, List.copyOf(current)));
                current.clear();
            }
        }
        var reservations = new long[pool.size()];
        var cursor = new AtomicInteger(startAt);
        var client = httpClient();

        Job job = i -> {
            var hold = pool.get(i);
            var body = "{\"seatIds\":" + hold.seats() + "}";
            var answer = send(client, request(base, "/api/v1/performances/" + hold.performance() + "/holds",
                            tokens.mint(hold.fan()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            if (answer.status() == 201) {
                Matcher m = RESERVATION_ID.matcher(answer.body());
                if (m.find()) {
                    reservations[i] = Long.parseLong(m.group(1));
                }
            }
            return answer;
        };
        var result = measure(o, cursor, pool.size(), 201, job);
        result.put("startAt", startAt);
        result.put("nextStartAt", Math.min(cursor.get(), pool.size()));
        result.put("pool", pool.size());
        result.put("seatsPerHold", perHold);

        var label = o.get("label", "holds");
        var lines = new ArrayList<String>();
        for (int i = startAt; i < Math.min(cursor.get(), pool.size()); i++) {
            if (reservations[i] > 0) {
                lines.add(label + "\t" + pool.get(i).fan() + "\t" + reservations[i]);
            }
        }
        Files.write(Path.of(o.get("reservations")), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        writeResult(o, result);
    }

    /** Pays the reservations of the file in order from --start-at (warm-up first, then the measured window). */
    static void pay(Options o) throws Exception {
        var base = o.base();
        var tokens = o.tokens();
        var pool = new ArrayList<PayJob>();
        for (var line : Files.readAllLines(Path.of(o.get("reservations")))) {
            var parts = line.split("\t");
            pool.add(new PayJob(Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        }
        var client = httpClient();
        Job job = i -> {
            var payment = pool.get(i);
            return send(client, request(base, "/api/v1/reservations/" + payment.reservation() + "/payment",
                            tokens.mint(payment.fan()))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
        };
        int startAt = (int) o.number("start-at", 0);
        var cursor = new AtomicInteger(startAt);
        var result = measure(o, cursor, pool.size(), 200, job);
        result.put("startAt", startAt);
        result.put("nextStartAt", Math.min(cursor.get(), pool.size()));
        result.put("pool", pool.size());
        writeResult(o, result);
    }

    interface Job {
        Answer run(int index) throws Exception;
    }

    record Window(long requests, long ok, double seconds, long[] latencies, Map<String, Long> statuses, boolean exhausted) {}

    /**
     * A warm-up window, then the measured one, each a closed loop: {@code concurrency} workers each
     * send the next request as soon as their last one was answered, taking the next job of the
     * pool, until the window's time is up or the pool runs dry. Around the measured window: the
     * CPU time of the app (by kind of thread), the database and this client, and the database's
     * counters.
     */
    static Map<String, Object> measure(Options o, AtomicInteger cursor, int poolSize, int okStatus, Job job)
            throws Exception {
        int concurrency = (int) o.number("concurrency");
        var warmup = o.duration("warmup");
        var duration = o.duration("duration");
        var result = new LinkedHashMap<String, Object>();
        result.put("concurrency", concurrency);

        if (!warmup.isZero()) {
            var w = closedLoop(concurrency, warmup, cursor, poolSize, okStatus, job);
            result.put("warmup", Map.of("requests", w.requests(), "ok", w.ok(), "seconds", round(w.seconds())));
        }
        if (duration.isZero()) {
            return result;
        }
        var before = Snapshot.take(o);
        var window = closedLoop(concurrency, duration, cursor, poolSize, okStatus, job);
        var after = Snapshot.take(o);

        var sorted = window.latencies();
        Arrays.sort(sorted);
        result.put("requests", window.requests());
        result.put("ok", window.ok());
        result.put("seconds", round(window.seconds()));
        result.put("throughput", round(window.ok() / window.seconds()));
        result.put("p50Millis", round(percentile(sorted, 0.50)));
        result.put("p90Millis", round(percentile(sorted, 0.90)));
        result.put("p99Millis", round(percentile(sorted, 0.99)));
        result.put("maxMillis", round(sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6));
        result.put("notOk", window.requests() - window.ok());
        result.put("statuses", window.statuses());
        result.put("exhausted", window.exhausted());
        result.put("cpu", after.cpuSince(before));
        result.put("db", after.countersSince(before));
        return result;
    }

    static Window closedLoop(int concurrency, Duration length, AtomicInteger cursor, int poolSize, int okStatus, Job job)
            throws InterruptedException {
        var statuses = new ConcurrentHashMap<String, LongAdder>();
        var ok = new LongAdder();
        var exhausted = new AtomicBoolean();
        var latencies = new long[concurrency][];
        var counts = new int[concurrency];
        long start = System.nanoTime();
        long deadline = start + length.toNanos();
        var workers = new Thread[concurrency];
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            latencies[w] = new long[1024];
            workers[w] = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    int i = cursor.getAndIncrement();
                    if (i >= poolSize) {
                        exhausted.set(true);
                        return;
                    }
                    long t0 = System.nanoTime();
                    Answer answer;
                    try {
                        answer = job.run(i);
                    } catch (Exception e) {
                        answer = new Answer(-2, e.getClass().getSimpleName());
                    }
                    long took = System.nanoTime() - t0;
                    if (counts[worker] == latencies[worker].length) {
                        latencies[worker] = Arrays.copyOf(latencies[worker], counts[worker] * 2);
                    }
                    latencies[worker][counts[worker]++] = took;
                    statuses.computeIfAbsent(answer.label(), k -> new LongAdder()).increment();
                    if (answer.status() == okStatus) {
                        ok.increment();
                    }
                }
            }, "worker-" + w);
            workers[w].start();
        }
        for (var worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        var all = new long[total];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        var histogram = new TreeMap<String, Long>();
        statuses.forEach((k, v) -> histogram.put(k, v.sum()));
        return new Window(total, ok.sum(), seconds, all, histogram, exhausted.get());
    }

    static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    // --- evidence: CPU per process, database counters --------------------------------------------

    /**
     * CPU ticks of the app, the database and this client from /proc/PID/stat, of the whole
     * machine from /proc/stat, and the database's counters from {@code --counters-cmd} (lines of
     * "name<TAB>number"), at one moment.
     */
    record Snapshot(
            long nanos, Map<String, Long> processTicks, Map<String, Long> appThreads, long[] machine, Map<String, Long> counters) {

        static Snapshot take(Options o) throws IOException, InterruptedException {
            var pids = new LinkedHashMap<String, Long>();
            for (var pair : o.get("pids", "").split(",")) {
                if (pair.contains("=")) {
                    pids.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
                }
            }
            pids.put("client", ProcessHandle.current().pid());
            var ticks = new LinkedHashMap<String, Long>();
            pids.forEach((name, pid) -> ticks.put(name, processTicks(pid)));
            var counters = new TreeMap<String, Long>();
            var command = o.get("counters-cmd", "");
            if (!command.isBlank()) {
                for (var line : shell(command).split("\n")) {
                    var parts = line.trim().split("\\s+");
                    if (parts.length == 2 && parts[1].matches("-?\\d+")) {
                        counters.put(parts[0], Long.parseLong(parts[1]));
                    }
                }
            }
            var appThreads = pids.containsKey("app") ? threadTicks(pids.get("app")) : Map.<String, Long>of();
            return new Snapshot(System.nanoTime(), ticks, appThreads, machineTicks(), counters);
        }

        /** Percent of one core, as top shows it: 200 is both cores of a 2-core machine. */
        Map<String, Object> cpuSince(Snapshot before) {
            double seconds = (nanos - before.nanos) / 1e9;
            double hz = 100.0; // USER_HZ; Linux reports /proc times in 1/100 s on every common build
            var cpu = new LinkedHashMap<String, Object>();
            double ours = 0;
            for (var entry : processTicks.entrySet()) {
                double percent = (entry.getValue() - before.processTicks.get(entry.getKey())) / hz / seconds * 100;
                cpu.put(entry.getKey(), round(percent));
                ours += percent;
            }
            // /proc/stat: user nice system idle iowait irq softirq steal
            long[] d = new long[machine.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = machine[i] - before.machine[i];
            }
            double busy = (d[0] + d[1] + d[2] + d[5] + d[6]) / hz / seconds * 100;
            cpu.put("machineBusy", round(busy));
            cpu.put("others", round(Math.max(0, busy - ours)));
            cpu.put("iowait", round(d[4] / hz / seconds * 100));
            cpu.put("steal", round(d[7] / hz / seconds * 100));
            cpu.put("cores", Runtime.getRuntime().availableProcessors());
            // the app's CPU by kind of thread: is it serving requests, compiling (JIT), collecting?
            var threads = new LinkedHashMap<String, Object>();
            appThreads.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), (e.getValue() - before.appThreads.getOrDefault(e.getKey(), 0L)) / hz / seconds * 100))
                    .filter(e -> e.getValue() >= 0.5)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> threads.put(e.getKey(), round(e.getValue())));
            cpu.put("appThreads", threads);
            return cpu;
        }

        Map<String, Long> countersSince(Snapshot before) {
            var diff = new TreeMap<String, Long>();
            counters.forEach((name, value) -> diff.put(name, value - before.counters.getOrDefault(name, 0L)));
            return diff;
        }

        static long processTicks(long pid) {
            try {
                var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                // fields after "(comm)": state is field 3, utime 14, stime 15
                var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException e) {
                return 0;
            }
        }

        /** CPU ticks of each kind of thread of a process, from /proc/PID/task/TID/stat. */
        static Map<String, Long> threadTicks(long pid) throws IOException {
            var ticks = new HashMap<String, Long>();
            List<Path> tasks;
            try (var listing = Files.list(Path.of("/proc/" + pid + "/task"))) {
                tasks = listing.toList();
            }
            for (var task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException threadEnded) {
                    continue;
                }
                var name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.merge(threadKind(name), Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
            }
            return ticks;
        }

        /** Linux keeps 15 characters of a thread's name: "http-nio-18081-", "C2 CompilerThre", "GC Thread#0". */
        static String threadKind(String name) {
            if (name.startsWith("http-nio-")) {
                return "Tomcat (requests)";
            }
            if (name.startsWith("C2 Compiler") || name.startsWith("C1 Compiler")) {
                return "JIT " + name.substring(0, 2);
            }
            if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                return "GC and VM";
            }
            if (name.startsWith("task-")) {
                return "async listeners";
            }
            return name.replaceAll("[#\\d]+$", "");
        }

        static long[] machineTicks() throws IOException {
            var first = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            var ticks = new long[8];
            for (int i = 0; i < 8; i++) {
                ticks[i] = Long.parseLong(first[i + 1]);
            }
            return ticks;
        }
    }

    static String shell(String command) throws IOException, InterruptedException {
        var process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("'" + command + "' failed: " + output);
        }
        return output;
    }

    // --- jfr-top: where the app's time went ------------------------------------------------------

    /**
     * Summarises a recording of the app: CPU samples (jdk.ExecutionSample) by the library that was
     * running (the frame nearest the top of the stack that is not the JDK's own), the hottest leaf
     * methods and the app's own methods (inclusive); and for the request threads, what they waited
     * for (native samples: mostly socket reads from MariaDB; parks over the recording threshold:
     * mostly the connection pool).
     */
    static void jfrTop(Options o) throws IOException {
        int top = (int) o.number("top", 15);
        var byLibrary = new HashMap<String, Long>();
        var leaves = new HashMap<String, Long>();
        var appInclusive = new HashMap<String, Long>();
        var waitingSamples = new HashMap<String, Long>();
        var parkMillis = new HashMap<String, Double>();
        long samples = 0;
        long nativeSamples = 0;
        long requestThreadSamples = 0;
        double gcMillis = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(o.get("jfr")))) {
            var type = event.getEventType().getName();
            var stack = event.getStackTrace();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    var frames = stack.getFrames();
                    byLibrary.merge(library(frames), 1L, Long::sum);
                    leaves.merge(method(frames.get(0)), 1L, Long::sum);
                    Set<String> seen = new HashSet<>();
                    for (var frame : frames) {
                        var m = method(frame);
                        if (m.startsWith("app.stagedoor.") && seen.add(m)) {
                            appInclusive.merge(m, 1L, Long::sum);
                        }
                    }
                    if (threadName(event).startsWith("http-nio-")) {
                        requestThreadSamples++;
                    }
                }
                case "jdk.NativeMethodSample" -> {
                    if (stack != null && threadName(event).contains("-exec-")) {
                        nativeSamples++;
                        waitingSamples.merge(library(stack.getFrames()), 1L, Long::sum);
                    }
                }
                case "jdk.ThreadPark", "jdk.JavaMonitorEnter" -> {
                    if (stack != null && threadName(event).contains("-exec-")) {
                        parkMillis.merge(type.substring(4) + " in " + nearestNonJdk(stack.getFrames()),
                                event.getDuration().toNanos() / 1e6, Double::sum);
                    }
                }
                case "jdk.GarbageCollection" -> gcMillis += event.getDuration().toNanos() / 1e6;
                default -> {}
            }
        }
        System.out.printf("CPU samples: %d (request threads: %d); GC pauses: %.0f ms in total%n",
                samples, requestThreadSamples, gcMillis);
        printShares("CPU samples by library (nearest non-JDK frame to the top of the stack)", byLibrary, samples, top);
        printShares("Hottest leaf methods (self time)", leaves, samples, top);
        printShares("The app's own methods (inclusive)", appInclusive, samples, top);
        printShares("Request threads in native code (sampled every 20 ms): waiting in", waitingSamples, nativeSamples, top);
        System.out.println("Request threads parked or blocked longer than the recording threshold (ms in total):");
        parkMillis.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf("  %10.0f  %s%n", e.getValue(), e.getKey()));
    }

    static String threadName(RecordedEvent event) {
        var thread = event.hasField("sampledThread") ? event.getThread("sampledThread") : event.getThread();
        return thread == null || thread.getJavaName() == null ? "" : thread.getJavaName();
    }

    static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** The library the sample is "in": the first frame from the top that is not the JDK's. */
    static String library(List<RecordedFrame> frames) {
        for (var frame : frames) {
            var name = frame.getMethod().getType().getName();
            if (!isJdk(name)) {
                return libraryOf(name);
            }
        }
        return frames.isEmpty() ? "?" : "JDK: " + packageOf(frames.get(0).getMethod().getType().getName());
    }

    /** "Library: Class.method" of the first frame from the top that is not the JDK's. */
    static String nearestNonJdk(List<RecordedFrame> frames) {
        for (var frame : frames) {
            var name = frame.getMethod().getType().getName();
            if (!isJdk(name)) {
                return libraryOf(name) + ": " + name.substring(name.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
            }
        }
        return library(frames);
    }

    static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("javax.crypto") || className.startsWith("com.sun.");
    }

    static String libraryOf(String className) {
        String[][] known = {
            {"com.mysql.", "MySQL Connector/J (JDBC driver)"},
            {"org.mariadb.", "MariaDB JDBC driver"},
            {"com.zaxxer.hikari.", "HikariCP"},
            {"com.nimbusds.", "Nimbus JOSE (JWT)"},
            {"org.springframework.security.", "Spring Security"},
            {"tools.jackson.", "Jackson (JSON)"},
            {"com.fasterxml.jackson.", "Jackson (JSON)"},
            {"org.apache.tomcat.", "Tomcat"},
            {"org.apache.coyote.", "Tomcat"},
            {"org.apache.catalina.", "Tomcat"},
            {"org.springframework.jdbc.", "Spring JDBC"},
            {"org.springframework.data.", "Spring Data JDBC"},
            {"org.springframework.transaction.", "Spring transactions"},
            {"org.springframework.modulith.", "Spring Modulith (event registry)"},
            {"org.springframework.web.", "Spring MVC"},
            {"org.springframework.validation.", "Spring validation"},
            {"org.hibernate.validator.", "Hibernate Validator"},
            {"org.springframework.aop.", "Spring AOP / proxies"},
            {"org.springframework.", "Spring (other)"},
            {"ch.qos.logback.", "Logback"},
            {"org.slf4j.", "Logback"},
            {"io.micrometer.", "Micrometer"},
            {"app.stagedoor.", "Stagedoor (app code)"},
        };
        for (var entry : known) {
            if (className.startsWith(entry[0])) {
                return entry[1];
            }
        }
        return packageOf(className);
    }

    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(0, dot);
    }

    static void printShares(String title, Map<String, Long> counts, long total, int top) {
        System.out.println(title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
    }

    // --- output ----------------------------------------------------------------------------------

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static void writeResult(Options o, Map<String, Object> result) throws IOException {
        var json = json(result);
        Files.writeString(Path.of(o.get("result")), json + "\n");
        System.out.println(json);
    }

    static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            var parts = new ArrayList<String>();
            map.forEach((k, v) -> parts.add(json(String.valueOf(k)) + ":" + json(v)));
            return "{" + String.join(",", parts) + "}";
        }
        if (value instanceof String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return "null";
        }
        return String.valueOf(value);
    }
}
