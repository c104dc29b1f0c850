package app.stagedoor.bench;

import app.stagedoor.bench.Api.Answer;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A warm-up window, then the measured one, each a closed loop: {@code --concurrency} workers each
 * send the next request as soon as their last one was answered, taking the next job of a pool,
 * until the window's time is up or the pool runs dry. Around the measured window, the {@link
 * Evidence}: CPU of the app (by kind of thread), the database and this client, and the database's
 * counters. Used by {@link Holds} and {@link Payments}.
 */
final class ClosedLoop {

    /** One request of the pool, by its index. */
    interface Job {
        Answer run(int index) throws Exception;
    }

    record WarmUp(long requests, long ok, double seconds) {}

    /** What the tools write; the measured window's fields are absent after a warm-up only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(
            int concurrency,
            WarmUp warmup,
            Long requests,
            Long ok,
            Double seconds,
            Double throughput,
            Double p50Millis,
            Double p90Millis,
            Double p99Millis,
            Double maxMillis,
            Long notOk,
            Map<String, Long> statuses,
            Boolean exhausted,
            Map<String, Object> cpu,
            Map<String, Long> db,
            int startAt,
            int nextStartAt,
            int pool,
            Integer seatsPerHold) {

        Result withSeatsPerHold(int seats) {
            return new Result(
                    concurrency,
                    warmup,
                    requests,
                    ok,
                    seconds,
                    throughput,
                    p50Millis,
                    p90Millis,
                    p99Millis,
                    maxMillis,
                    notOk,
                    statuses,
                    exhausted,
                    cpu,
                    db,
                    startAt,
                    nextStartAt,
                    pool,
                    seats);
        }
    }

    private record Window(
            long requests, long ok, double seconds, long[] latencies, Map<String, Long> statuses, boolean exhausted) {}

    private ClosedLoop() {}

    /** Runs the pool from {@code --start-at}; {@code cursor} ends at the first job not taken. */
    static Result run(Options options, AtomicInteger cursor, int poolSize, int okStatus, Job job) throws Exception {
        int concurrency = (int) options.number("concurrency");
        int startAt = cursor.get();
        var warmupLength = options.duration("warmup");
        var duration = options.duration("duration");
        WarmUp warmup = null;
        if (!warmupLength.isZero()) {
            var w = window(concurrency, warmupLength, cursor, poolSize, okStatus, job);
            warmup = new WarmUp(w.requests(), w.ok(), Api.round(w.seconds()));
        }
        if (duration.isZero()) {
            return new Result(
                    concurrency,
                    warmup,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    startAt,
                    Math.min(cursor.get(), poolSize),
                    poolSize,
                    null);
        }
        var before = Evidence.take(options);
        var window = window(concurrency, duration, cursor, poolSize, okStatus, job);
        var after = Evidence.take(options);

        var sorted = window.latencies();
        Arrays.sort(sorted);
        return new Result(
                concurrency,
                warmup,
                window.requests(),
                window.ok(),
                Api.round(window.seconds()),
                Api.round(window.ok() / window.seconds()),
                Api.round(percentile(sorted, 0.50)),
                Api.round(percentile(sorted, 0.90)),
                Api.round(percentile(sorted, 0.99)),
                Api.round(sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6),
                window.requests() - window.ok(),
                window.statuses(),
                window.exhausted(),
                after.cpuSince(before),
                after.countersSince(before),
                startAt,
                Math.min(cursor.get(), poolSize),
                poolSize,
                null);
    }

    private static Window window(
            int concurrency, Duration length, AtomicInteger cursor, int poolSize, int okStatus, Job job)
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
            workers[w] = new Thread(
                    () -> {
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
                                answer = Answer.failed(e.getClass().getSimpleName());
                            }
                            long took = System.nanoTime() - t0;
                            if (counts[worker] == latencies[worker].length) {
                                latencies[worker] = Arrays.copyOf(latencies[worker], counts[worker] * 2);
                            }
                            latencies[worker][counts[worker]++] = took;
                            statuses.computeIfAbsent(answer.label(), k -> new LongAdder())
                                    .increment();
                            if (answer.status() == okStatus) {
                                ok.increment();
                            }
                        }
                    },
                    "worker-" + w);
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

    private static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }
}
