package app.stagedoor.bench;

import app.stagedoor.web.MintedTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.stream.LongStream;

/**
 * The bearer tokens of the seeded fans, minted once before any load by the app's own code
 * ({@link MintedTokens}) with the key the app was started with, as "member&lt;TAB&gt;token" lines.
 * The other tools read them ({@code --tokens}), so no measured window pays for signing (the app's
 * JWT encoder takes tens of microseconds a token, a large share of a request on two cores).
 *
 * <pre>FanTokens --secret B64 --fans FIRST:COUNT,FIRST:COUNT… --out tokens.tsv</pre>
 */
public final class FanTokens {

    /** Long enough for any run: booking.sh's full run with profiles takes under an hour. */
    private static final Duration LIFETIME = Duration.ofHours(4);

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        var tokens = new MintedTokens(options.get("secret"), LIFETIME);
        var lines = new ArrayList<String>();
        for (var range : options.get("fans").split(",")) {
            long first = Long.parseLong(range.substring(0, range.indexOf(':')));
            long count = Long.parseLong(range.substring(range.indexOf(':') + 1));
            LongStream.range(first, first + count)
                    .parallel()
                    .mapToObj(member -> member + "\t" + tokens.fan(member, Options.FAN_PREFIX + member))
                    .forEachOrdered(lines::add);
        }
        Files.write(Path.of(options.get("out")), lines);
        System.out.println(lines.size());
    }
}
