package app.stagedoor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pays the reservations {@link Holds} wrote, in order from {@code --start-at}, each by its fan
 * and with an {@code Idempotency-Key} of its own.
 *
 * <pre>Payments --base URL --tokens tokens.tsv --reservations in.tsv [--start-at N] --concurrency 64 --warmup 5s
 *          --duration 30s --result pay.json [--pids …] [--counters-cmd SH]</pre>
 */
public final class Payments {

    /** One reservation to pay, by the fan who holds it. */
    record Payment(long fan, long reservation) {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        var api = options.api();
        var fans = options.fans();
        var pool = new ArrayList<Payment>();
        for (var line : Files.readAllLines(Path.of(options.get("reservations")))) {
            var parts = line.split("\t");
            pool.add(new Payment(Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        }
        var cursor = new AtomicInteger((int) options.number("start-at", 0));
        var result = ClosedLoop.run(options, cursor, pool.size(), 200, i -> {
            var payment = pool.get(i);
            return api.post(
                    "/api/v1/reservations/" + payment.reservation() + "/payment",
                    fans.token(payment.fan()),
                    null,
                    "Idempotency-Key",
                    UUID.randomUUID().toString());
        });
        Api.writeResult(options, result);
    }
}
