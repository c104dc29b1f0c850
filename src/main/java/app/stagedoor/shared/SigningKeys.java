package app.stagedoor.shared;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * HMAC keys of the application (API bearer tokens, waiting-room tickets), each behind its {@link
 * SignedTokens}. A configured key wins;
 * otherwise the first instance to start generates one and stores it, and every other instance
 * reads that one.
 */
@Component
public class SigningKeys {

    private static final int KEY_BYTES = 32;

    private final JdbcClient jdbc;

    public SigningKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Signed tokens under the key {@code name}: the configured one, or the one kept in the database.
     *
     * @param remembered how many verified tokens to remember, for how long each
     */
    public SignedTokens tokens(String name, String configuredBase64, int remembered, Duration rememberedFor) {
        return new SignedTokens(hmacKey(name, configuredBase64), remembered, rememberedFor);
    }

    SecretKey hmacKey(String name, String configuredBase64) {
        byte[] key = configuredBase64 == null || configuredBase64.isBlank()
                ? storedOrNew(name)
                : Base64.getDecoder().decode(configuredBase64.trim());
        if (key.length < KEY_BYTES) {
            throw new IllegalStateException("The key '" + name + "' must have at least " + KEY_BYTES + " bytes");
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }

    private byte[] storedOrNew(String name) {
        var fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        try {
            jdbc.sql("INSERT INTO app_secrets (name, secret) VALUES (?, ?)")
                    .params(name, Base64.getEncoder().encodeToString(fresh))
                    .update();
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            // keep theirs
        }
        return Base64.getDecoder()
                .decode(jdbc.sql("SELECT secret FROM app_secrets WHERE name = ?")
                        .param(name)
                        .query(String.class)
                        .single());
    }
}
