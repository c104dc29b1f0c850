package app.stagedoor;

import java.util.UUID;

/** Unique names, so tests never collide with each other or with an earlier run's data. */
public final class TestData {

    /** A password the sign-up rules accept (long enough, not a common one). */
    public static final String PASSWORD = "stage-door-pass-9";

    private TestData() {}

    public static String username(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
