package app.stagedoor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The AVAILABLE seats of some dates, read through the API as a fan sees them, in id order, as
 * "performance&lt;TAB&gt;seat" lines; prints how many.
 *
 * <pre>SeatMaps --base URL --tokens tokens.tsv --member ID --performances 1,2 --out seats.tsv</pre>
 */
public final class SeatMaps {

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        var api = options.api();
        var token = options.fans().token(options.number("member"));
        var lines = new ArrayList<String>();
        for (var performance : options.get("performances").split(",")) {
            var answer = api.get("/api/v1/performances/" + performance + "/seats", token);
            if (answer.status() != 200) {
                throw new IllegalStateException(
                        "seats of " + performance + ": " + answer.label() + " " + answer.body());
            }
            var ids = new ArrayList<Long>();
            for (var seat : answer.json()) {
                if (seat.get("status").asString().equals("AVAILABLE")) {
                    ids.add(seat.get("id").asLong());
                }
            }
            ids.sort(null);
            ids.forEach(id -> lines.add(performance + "\t" + id));
        }
        Files.write(Path.of(options.get("out")), lines);
        System.out.println(lines.size());
    }
}
