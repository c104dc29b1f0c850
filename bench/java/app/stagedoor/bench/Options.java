package app.stagedoor.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A tool's {@code --name value} options, and what the tools take from them. */
record Options(Map<String, String> values) {

    /** booking.sh seeds every fan as bench&lt;member id&gt;; a token's subject must match. */
    static final String FAN_PREFIX = "bench";

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
            return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(text));
    }

    Api api() {
        return new Api(URI.create(get("base")));
    }

    /** The fans' bearer tokens, as {@link FanTokens} minted them into {@code --tokens}. */
    Fans fans() throws IOException {
        var tokens = new HashMap<Long, String>();
        try (var lines = Files.lines(Path.of(get("tokens")))) {
            lines.forEach(line -> {
                int tab = line.indexOf('\t');
                tokens.put(Long.parseLong(line.substring(0, tab)), line.substring(tab + 1));
            });
        }
        return new Fans(tokens);
    }

    record Fans(Map<Long, String> tokens) {

        String token(long memberId) {
            var token = tokens.get(memberId);
            if (token == null) {
                throw new IllegalArgumentException("no token was minted for member " + memberId);
            }
            return token;
        }
    }
}
