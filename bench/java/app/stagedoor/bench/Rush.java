package app.stagedoor.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;

/**
 * A whole on-sale, fan by fan, as the JSON API's clients go through it: every fan joins the
 * concert's pre-queue at a random moment of the join window before the opening, polls after the
 * {@code pollAfterMillis} each answer gives, and once {@code ACTIVE} holds seats and pays. A share
 * of the fans ({@code --best-share}) asks for the best {@code --seats} seats; the others look at the
 * seat map ({@code GET …/seats}) and pick a random block of adjacent available seats in one row,
 * and after a lost race ask for the best ones; a fan gives up after three refused holds or when no
 * block is left (a busy or unreachable answer is tried again a second later, up to ten times). The first "no block left" is the sell-out: the rush ends once every fan admitted
 * by then has finished, and the fans still in line are counted as such. Every fan's next step waits in one delay queue; {@code --concurrency} threads send
 * the steps that are due, so a step that is sent late (the client or the server could not keep up)
 * shows as lateness, not as a lower rate. Meanwhile the organiser's queue stats are read every
 * half second for the most fans ever active at once.
 *
 * <pre>Rush --base URL --tokens tokens.tsv --admin-token T --concert ID --performance ID
 *      --first-fan ID --fans N --seats 2 --best-share 0.3 --opens-at EPOCH_MS --join-window 20s
 *      --concurrency 64 --deadline 600s --result rush.json</pre>
 */
public final class Rush {

    enum Kind {
        JOIN,
        POLL,
        MAP,
        HOLD,
        PAY
    }

    /** A fan's next request, due at {@code due} (System.nanoTime). */
    record Step(int fan, Kind kind, long due) implements Delayed {

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(due, ((Step) other).due);
        }
    }

    /** One fan's state; only the thread sending its current step touches it. */
    static final class Fan {
        final long member;
        final String token;
        String ticket;
        long reservation;
        List<Long> pick = List.of();
        int refusedHolds;
        int failedHolds;
        boolean best;
        boolean admitted;

        Fan(long member, String token) {
            this.member = member;
            this.token = token;
        }
    }

    record StepFigures(long requests, Map<String, Long> answers, double p50Ms, double p99Ms, double maxMs) {}

    record Result(
            int fans,
            long joined,
            long drawnAtMs,
            long firstAdmittedMs,
            long bought,
            long seatsBought,
            long leftWithoutSeats,
            long admitted,
            long stillInLine,
            long unfinishedAdmitted,
            long soldOutMs,
            long lastHoldMs,
            long lastPaymentMs,
            double pollLatenessP99Ms,
            long maxActiveSeen,
            Map<String, StepFigures> steps,
            double seconds) {}

    private final Api api;
    private final long concert;
    private final long performance;
    private final int seats;
    private final double bestShare;
    private final long opensAtMs;
    private final List<Fan> fans = new ArrayList<>();
    private final DelayQueue<Step> due = new DelayQueue<>();
    private final Map<Kind, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<Kind, Map<String, LongAdder>> answers = new ConcurrentHashMap<>();
    private final List<Long> pollLateness = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger finished = new AtomicInteger();
    private final LongAdder joined = new LongAdder();
    private final LongAdder admitted = new LongAdder();
    private final LongAdder finishedAdmitted = new LongAdder();
    private volatile boolean soldOut;
    private volatile long soldOutAtMs = -1;
    private final LongAdder bought = new LongAdder();
    private final LongAdder seatsBought = new LongAdder();
    private final LongAdder leftWithoutSeats = new LongAdder();
    private final AtomicLong firstPositionMs = new AtomicLong(-1);
    private final AtomicLong firstAdmittedMs = new AtomicLong(-1);
    private final AtomicLong lastHoldMs = new AtomicLong(-1);
    private final AtomicLong lastPaymentMs = new AtomicLong(-1);

    private Rush(Options options) {
        this.api = options.api();
        this.concert = options.number("concert");
        this.performance = options.number("performance");
        this.seats = (int) options.number("seats");
        this.bestShare = Double.parseDouble(options.get("best-share"));
        this.opensAtMs = options.number("opens-at");
        for (Kind kind : Kind.values()) {
            latencies.put(kind, Collections.synchronizedList(new ArrayList<>()));
            answers.put(kind, new ConcurrentHashMap<>());
        }
    }

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        var rush = new Rush(options);
        var tokens = options.fans();
        long firstFan = options.number("first-fan");
        int count = (int) options.number("fans");
        var random = new Random(42);
        long windowNanos = options.duration("join-window").toNanos();
        // the window ends two seconds before the opening: everyone is in the pre-queue at the draw
        long windowStart = System.nanoTime()
                + TimeUnit.MILLISECONDS.toNanos(rush.opensAtMs - System.currentTimeMillis() - 2000)
                - windowNanos;
        for (int i = 0; i < count; i++) {
            var fan = new Fan(firstFan + i, tokens.token(firstFan + i));
            fan.best = random.nextDouble() < rush.bestShare;
            rush.fans.add(fan);
            rush.due.add(new Step(i, Kind.JOIN, windowStart + (long) (random.nextDouble() * windowNanos)));
        }
        long deadline = System.nanoTime() + options.duration("deadline").toNanos();
        var admin = options.get("admin-token");
        long maxActive = rush.run((int) options.number("concurrency"), deadline, admin);
        Api.writeResult(options, rush.result(count, maxActive));
    }

    private long run(int concurrency, long deadline, String admin) throws InterruptedException {
        var workers = new ArrayList<Thread>();
        for (int i = 0; i < concurrency; i++) {
            var worker = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline && !over()) {
                        var step = due.poll(200, TimeUnit.MILLISECONDS);
                        if (step != null) {
                            send(step);
                        }
                    }
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            });
            worker.start();
            workers.add(worker);
        }
        long maxActive = 0;
        while (System.nanoTime() < deadline && !over()) {
            var stats = api.get("/api/v1/admin/concerts/" + concert + "/queue-stats", admin);
            if (stats.status() == 200) {
                maxActive = Math.max(maxActive, stats.json().path("active").asLong(0));
            }
            Thread.sleep(500);
        }
        for (var worker : workers) {
            worker.join();
        }
        return maxActive;
    }

    private long sinceOpening() {
        return System.currentTimeMillis() - opensAtMs;
    }

    private void send(Step step) {
        var fan = fans.get(step.fan());
        if (step.kind() == Kind.POLL && System.currentTimeMillis() > opensAtMs) {
            pollLateness.add(System.nanoTime() - step.due());
        }
        long start = System.nanoTime();
        var answer = switch (step.kind()) {
            case JOIN -> api.post("/api/v1/concerts/" + concert + "/queue", fan.token, null);
            case POLL -> api.getWith("/api/v1/concerts/" + concert + "/queue", fan.token, "Queue-Token", fan.ticket);
            case MAP -> api.get("/api/v1/performances/" + performance + "/seats", fan.token);
            case HOLD -> api.post("/api/v1/performances/" + performance + "/holds", fan.token, holdBody(fan));
            case PAY ->
                api.post(
                        "/api/v1/reservations/" + fan.reservation + "/payment",
                        fan.token,
                        null,
                        "Idempotency-Key",
                        "rush-" + fan.reservation);
        };
        latencies.get(step.kind()).add(System.nanoTime() - start);
        answers.get(step.kind())
                .computeIfAbsent(answer.label(), k -> new LongAdder())
                .increment();
        next(step, fan, answer);
    }

    private Object holdBody(Fan fan) {
        if (fan.best || fan.pick.isEmpty()) {
            return Map.of("best", Map.of("count", seats));
        }
        return Map.of("seatIds", fan.pick);
    }

    private void next(Step step, Fan fan, Api.Answer answer) {
        switch (step.kind()) {
            case JOIN, POLL -> {
                if (answer.status() != 200) {
                    // a refused or failed poll: ask again a second later, as the page does
                    later(step.fan(), step.kind() == Kind.JOIN && fan.ticket == null ? Kind.JOIN : Kind.POLL, 1000);
                    return;
                }
                var ticket = answer.json();
                if (step.kind() == Kind.JOIN) {
                    fan.ticket = ticket.path("token").asString();
                    joined.increment();
                }
                if (ticket.hasNonNull("position")) {
                    firstPositionMs.compareAndSet(-1, sinceOpening());
                }
                switch (ticket.path("status").asString("")) {
                    case "ACTIVE" -> {
                        firstAdmittedMs.compareAndSet(-1, sinceOpening());
                        if (!fan.admitted) {
                            fan.admitted = true;
                            admitted.increment();
                        }
                        now(step.fan(), fan.best ? Kind.HOLD : Kind.MAP);
                    }
                    case "WAIT" ->
                        later(
                                step.fan(),
                                Kind.POLL,
                                ticket.path("pollAfterMillis").asLong(2000));
                    default -> finish(fan);
                }
            }
            case MAP -> {
                if (answer.status() == 200) {
                    fan.pick = block(answer.json(), new Random(fan.member));
                }
                now(step.fan(), Kind.HOLD);
            }
            case HOLD -> {
                if (answer.status() == 201) {
                    fan.reservation = answer.json().path("reservationId").asLong();
                    lastHoldMs.set(sinceOpening());
                    now(step.fan(), Kind.PAY);
                } else if ("SEAT_UNAVAILABLE".equals(answer.code())
                        && answer.body().contains("\"best\"")) {
                    // no block of that size left anywhere: sold out for everyone still coming (the
                    // holders pay at once and can afford it, so no hold gives seats back)
                    if (!soldOut) {
                        soldOutAtMs = sinceOpening();
                        soldOut = true;
                    }
                    leftWithoutSeats.increment();
                    finish(fan);
                } else if ((answer.status() < 0 || answer.status() >= 500) && ++fan.failedHolds < 10) {
                    later(step.fan(), Kind.HOLD, 1000); // busy or unreachable: try again, as a fan would
                } else if (++fan.refusedHolds < 3) {
                    fan.best = true; // lost the seats they picked: let the app pick
                    now(step.fan(), Kind.HOLD);
                } else {
                    leftWithoutSeats.increment();
                    finish(fan);
                }
            }
            case PAY -> {
                if (answer.status() == 200) {
                    bought.increment();
                    seatsBought.add(seats);
                    lastPaymentMs.set(sinceOpening());
                    finish(fan);
                } else if (answer.status() < 0 || answer.status() >= 500) {
                    later(step.fan(), Kind.PAY, 500); // the same key: paid once whatever happens
                } else {
                    finish(fan);
                }
            }
        }
    }

    /** A random block of adjacent available seats in one row of the map, or none. */
    private List<Long> block(JsonNode map, Random random) {
        var rows = new TreeMap<String, List<JsonNode>>();
        for (var seat : map) {
            rows.computeIfAbsent(
                            seat.path("section").asString() + "/"
                                    + seat.path("row").asInt(),
                            k -> new ArrayList<>())
                    .add(seat);
        }
        var blocks = new ArrayList<List<Long>>();
        for (var row : rows.values()) {
            row.sort((a, b) ->
                    Integer.compare(a.path("number").asInt(), b.path("number").asInt()));
            for (int i = 0; i + seats <= row.size(); i++) {
                var block = new ArrayList<Long>();
                for (int j = i; j < i + seats; j++) {
                    if ("AVAILABLE".equals(row.get(j).path("status").asString())) {
                        block.add(row.get(j).path("id").asLong());
                    }
                }
                if (block.size() == seats) {
                    blocks.add(block);
                }
            }
        }
        return blocks.isEmpty() ? List.of() : blocks.get(random.nextInt(blocks.size()));
    }

    private void now(int fan, Kind kind) {
        due.add(new Step(fan, kind, System.nanoTime()));
    }

    private void later(int fan, Kind kind, long millis) {
        due.add(new Step(fan, kind, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis)));
    }

    private void finish(Fan fan) {
        if (fan.admitted) {
            finishedAdmitted.increment();
        }
        finished.incrementAndGet();
    }

    /** The rush is over when every fan is done, or the date is sold out and every admitted fan is done. */
    private boolean over() {
        return finished.get() >= fans.size() || (soldOut && finishedAdmitted.sum() >= admitted.sum());
    }

    private Result result(int count, long maxActive) {
        var steps = new TreeMap<String, StepFigures>();
        latencies.forEach((kind, list) -> {
            long[] sorted;
            synchronized (list) {
                sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            var counted = new TreeMap<String, Long>();
            answers.get(kind).forEach((label, n) -> counted.put(label, n.sum()));
            steps.put(
                    kind.name(),
                    new StepFigures(
                            sorted.length,
                            counted,
                            millis(sorted, 0.50),
                            millis(sorted, 0.99),
                            sorted.length == 0 ? 0 : Api.round(sorted[sorted.length - 1] / 1e6)));
        });
        long[] lateness;
        synchronized (pollLateness) {
            lateness = pollLateness.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        return new Result(
                count,
                joined.sum(),
                firstPositionMs.get(),
                firstAdmittedMs.get(),
                bought.sum(),
                seatsBought.sum(),
                leftWithoutSeats.sum(),
                admitted.sum(),
                count - finished.get() - (admitted.sum() - finishedAdmitted.sum()),
                admitted.sum() - finishedAdmitted.sum(),
                soldOut ? soldOutAtMs : -1,
                lastHoldMs.get(),
                lastPaymentMs.get(),
                millis(lateness, 0.99),
                maxActive,
                steps,
                Api.round((System.currentTimeMillis() - opensAtMs) / 1000.0));
    }

    private static double millis(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(q * sortedNanos.length) - 1);
        return Api.round(sortedNanos[Math.max(0, index)] / 1e6);
    }
}
