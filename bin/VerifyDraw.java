import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a Stagedoor draw on its own, without the app's code: that the published seed is the one
 * committed to before anyone could join, and that the published places follow from the seed and
 * the entrants. Run it as {@code bin/verify-draw URL CONCERT_ID} (see docs/waiting-room.md).
 *
 * <p>The algorithm, as the draw's {@code algorithm} field says: sort the entrants' tickets
 * ascending; shuffle them with Fisher–Yates, i from n−1 down to 1, swapping i with j, a number
 * below i+1; numbers come from SHA-256(seed ‖ k) for k = 0, 1, 2, … (k an unsigned 64-bit
 * big-endian integer), four unsigned 64-bit big-endian numbers per block, and a number x gives
 * x mod m unless x < 2^64 mod m, when it is skipped. The first ticket after the shuffle has place 1.
 */
public class VerifyDraw {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: bin/verify-draw URL CONCERT_ID   e.g. bin/verify-draw http://localhost:8080 1");
            System.exit(2);
        }
        var url = args[0].replaceAll("/+$", "") + "/api/v1/concerts/" + args[1] + "/queue/draw";
        var response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            fail("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        var json = response.body();
        var commitment = string(json, "commitment");
        var seed = string(json, "seed");
        System.out.println("draw of concert " + args[1] + " at " + url);
        System.out.println("  commitment " + commitment);
        if (seed == null) {
            System.out.println("not drawn yet: the seed is published at the draw. Run this again after it.");
            System.exit(3);
        }
        System.out.println("  seed       " + seed);
        var seedBytes = HexFormat.of().parseHex(seed);
        var digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seedBytes));
        if (!digest.equals(commitment)) {
            fail("the seed's SHA-256 is " + digest + ", not the commitment: this is not the seed committed to");
        }
        System.out.println("ok: SHA-256(seed) equals the commitment");

        var published = new LinkedHashMap<String, Long>();
        var entrant = Pattern.compile("\\{\\s*\"ticket\"\\s*:\\s*\"([0-9a-f]+)\"\\s*,\\s*\"place\"\\s*:\\s*(\\d+)\\s*}");
        var matcher = entrant.matcher(json);
        while (matcher.find()) {
            published.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        var tickets = new ArrayList<>(published.keySet());
        tickets.sort(null);
        shuffle(seedBytes, tickets);
        int wrong = 0;
        for (int i = 0; i < tickets.size(); i++) {
            long expected = i + 1;
            long got = published.get(tickets.get(i));
            if (got != expected && wrong++ < 10) {
                System.out.println("  ticket " + tickets.get(i) + " should have place " + expected + ", has " + got);
            }
        }
        if (wrong > 0) {
            fail(wrong + " of " + tickets.size() + " places do not follow from the seed");
        }
        System.out.println("ok: all " + tickets.size() + " places follow from the seed and the entrants");
    }

    static void shuffle(byte[] seed, List<String> tickets) throws Exception {
        var sha256 = MessageDigest.getInstance("SHA-256");
        var numbers = new Object() {
            long counter;
            ByteBuffer block = ByteBuffer.allocate(0);

            long next() {
                if (!block.hasRemaining()) {
                    sha256.update(seed);
                    sha256.update(ByteBuffer.allocate(8).putLong(counter++).array());
                    block = ByteBuffer.wrap(sha256.digest());
                }
                return block.getLong();
            }

            long below(long m) {
                long skipBelow = Long.remainderUnsigned(-m, m);
                while (true) {
                    long x = next();
                    if (Long.compareUnsigned(x, skipBelow) >= 0) {
                        return Long.remainderUnsigned(x, m);
                    }
                }
            }
        };
        for (int i = tickets.size() - 1; i > 0; i--) {
            int j = (int) numbers.below(i + 1);
            var swapped = tickets.get(i);
            tickets.set(i, tickets.get(j));
            tickets.set(j, swapped);
        }
    }

    static String string(String json, String field) {
        var matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(null|\"([^\"]*)\")").matcher(json);
        return matcher.find() ? matcher.group(2) : null;
    }

    static void fail(String why) {
        System.out.println("FAILED: " + why);
        System.exit(1);
    }
}
