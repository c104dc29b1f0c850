package app.stagedoor.member;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;

/**
 * What a password must be: 8 characters or more (and at most the 72 bytes bcrypt reads), not one
 * of the passwords breaches show most often ({@code member/common-passwords.txt}), and not the
 * username. Sign-up's validation names the rule a password broke; registering enforces them.
 */
final class PasswordPolicy {

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    /** The message key of the rule the password breaks, if it breaks one. */
    static Optional<String> problem(String username, String password) {
        if (password == null
                || password.length() < Members.MIN_PASSWORD_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > Members.MAX_PASSWORD_LENGTH) {
            return Optional.of("member.password.invalid");
        }
        var folded = password.toLowerCase(Locale.ROOT);
        if (username != null && folded.equals(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("member.password.username");
        }
        if (COMMON.contains(folded)) {
            return Optional.of("member.password.common");
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        try (var in = new ClassPathResource("member/common-passwords.txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
