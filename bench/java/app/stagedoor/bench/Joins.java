package app.stagedoor.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Joins of one concert's waiting room by distinct fans: join i of the pool is fan {@code
 * --first-fan} + i's {@code POST /api/v1/concerts/{id}/queue}, so no fan joins twice (the warm-up
 * and the measured window share the pool) and every join is a new ticket, never the answer of a
 * ticket the fan already has. Besides the closed loop's figures it counts what the 200s said
 * ({@code shapes}: "WAIT, position 17" is "WAIT position", a pre-queue ticket is "WAIT no
 * position"), for the script to hold against the database.
 *
 * <pre>Joins --base URL --tokens tokens.tsv --concert ID --first-fan ID --fans N --concurrency 64
 *       --warmup 20s --duration 20s --result joins.json [--pids …] [--counters-cmd SH]</pre>
 */
public final class Joins {

    record Result(ClosedLoop.Result loop, Map<String, Long> shapes) {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        var api = options.api();
        var fans = options.fans();
        long firstFan = options.number("first-fan");
        var path = "/api/v1/concerts/" + options.number("concert") + "/queue";
        var shapes = new ConcurrentHashMap<String, LongAdder>();
        var cursor = new AtomicInteger();
        var loop = ClosedLoop.run(options, cursor, (int) options.number("fans"), 200, i -> {
            var answer = api.post(path, fans.token(firstFan + i), null);
            if (answer.status() == 200) {
                var ticket = answer.json();
                var shape = ticket.path("status").asString("?")
                        + (ticket.hasNonNull("position") ? " position" : " no position");
                shapes.computeIfAbsent(shape, k -> new LongAdder()).increment();
            }
            return answer;
        });
        var counted = new TreeMap<String, Long>();
        shapes.forEach((shape, n) -> counted.put(shape, n.sum()));
        Api.writeResult(options, new Result(loop, counted));
    }
}
