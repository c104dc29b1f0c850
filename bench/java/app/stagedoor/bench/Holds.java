package app.stagedoor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds on distinct seats: every request is a new fan taking seats nobody else asks for, so
 * nothing contends but the machine. Hold i of the pool is fan {@code --first-fan} + i's, of
 * {@code --seats-per-hold} consecutive seats of one date; each 201 is appended to the reservations
 * file as "label&lt;TAB&gt;fan&lt;TAB&gt;reservation", for {@link Payments}.
 *
 * <pre>Holds --base URL --tokens tokens.tsv --seats seats.tsv --first-fan ID [--seats-per-hold 1] [--start-at N]
 *       --concurrency 64 --warmup 5s --duration 30s --label L --reservations out.tsv --result holds.json
 *       [--pids app=PID,mariadbd=PID] [--counters-cmd SH]</pre>
 */
public final class Holds {

    /** One hold of the pool: a fan of its own and their seats, all of one date. */
    record Hold(long fan, long performance, List<Long> seatIds) {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        var api = options.api();
        var fans = options.fans();
        int perHold = (int) options.number("seats-per-hold", 1);
        var pool = pool(Path.of(options.get("seats")), options.number("first-fan"), perHold);

        var reservations = new long[pool.size()];
        var cursor = new AtomicInteger((int) options.number("start-at", 0));
        int startAt = cursor.get();
        var result = ClosedLoop.run(options, cursor, pool.size(), 201, i -> {
            var hold = pool.get(i);
            var answer = api.post(
                    "/api/v1/performances/" + hold.performance() + "/holds",
                    fans.token(hold.fan()),
                    Map.of("seatIds", hold.seatIds()));
            if (answer.status() == 201) {
                reservations[i] = answer.json().get("reservationId").asLong();
            }
            return answer;
        });

        var label = options.get("label", "holds");
        var lines = new ArrayList<String>();
        for (int i = startAt; i < result.nextStartAt(); i++) {
            if (reservations[i] > 0) {
                lines.add(label + "\t" + pool.get(i).fan() + "\t" + reservations[i]);
            }
        }
        Files.write(Path.of(options.get("reservations")), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Api.writeResult(options, result.withSeatsPerHold(perHold));
    }

    /** Consecutive seats of one date grouped into holds; hold i belongs to fan firstFan + i. */
    private static List<Hold> pool(Path seats, long firstFan, int perHold) throws Exception {
        var pool = new ArrayList<Hold>();
        var current = new ArrayList<Long>();
        long currentPerformance = -1;
        for (var line : Files.readAllLines(seats)) {
            var parts = line.split("\t");
            long performance = Long.parseLong(parts[0]);
            if (performance != currentPerformance) {
                current.clear();
                currentPerformance = performance;
            }
            current.add(Long.parseLong(parts[1]));
            if (current.size() == perHold) {
                pool.add(new Hold(firstFan + pool.size(), performance, List.copyOf(current)));
                current.clear();
            }
        }
        return pool;
    }
}
