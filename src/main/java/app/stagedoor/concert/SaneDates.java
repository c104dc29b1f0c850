package app.stagedoor.concert;

import java.time.Instant;

/**
 * The dates a concert may name: from 1970 up to the end of 2100. Every database Stagedoor runs on
 * stores these exactly; anything outside is refused as a field error before it is written, and the
 * catalogue's reads skip a row outside the range (put there by hand) rather than fail on it.
 */
final class SaneDates {

    static final Instant FIRST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant END = Instant.parse("2101-01-01T00:00:00Z");

    private SaneDates() {}

    static boolean contains(Instant instant) {
        return !instant.isBefore(FIRST) && instant.isBefore(END);
    }
}
