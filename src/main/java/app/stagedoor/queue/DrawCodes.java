package app.stagedoor.queue;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A ticket's public name in the draw: 64 random bits as 16 lowercase hex digits, so the published
 * list of entrants tells nothing about who they are or when they joined.
 */
final class DrawCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DrawCodes() {}

    static String next() {
        var bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
