package app.stagedoor.shared;

import java.security.SecureRandom;

/**
 * Random codes people read and type: Crockford's base 32 (no I, L, O or U, so nothing reads as
 * another letter), from a strong random source. Never derived from ids, so none can be guessed
 * from another.
 */
public final class Codes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {}

    /** {@code length} characters, five random bits each. */
    public static String random(int length) {
        var code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    /** A code as someone typed it: upper case, without spaces or dashes, O read as 0 and I, L as 1. */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        var code = new StringBuilder(typed.length());
        for (char c : typed.toCharArray()) {
            char upper = Character.toUpperCase(c);
            switch (upper) {
                case ' ', '-', '\t', '\r', '\n' -> {}
                case 'O' -> code.append('0');
                case 'I', 'L' -> code.append('1');
                default -> code.append(upper);
            }
        }
        return code.toString();
    }
}
