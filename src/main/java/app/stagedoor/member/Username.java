package app.stagedoor.member;

import java.util.Locale;
import java.util.regex.Pattern;

/** A username as stored: 3 to 30 letters, digits, dots, underscores or dashes, in lower case. */
record Username(String value) {

    static final String PATTERN = "^[A-Za-z0-9._-]{3,30}$";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    Username {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid username");
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    static boolean isValid(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches();
    }
}
