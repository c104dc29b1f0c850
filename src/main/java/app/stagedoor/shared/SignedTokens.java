package app.stagedoor.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * The one mechanism behind the application's signed tokens (API bearer tokens, waiting-room
 * tickets): compact HS256 JWTs under a key of {@link SigningKeys}, each kind with its own key. A
 * token verified once is remembered for a while, so the polls that follow neither verify nor parse
 * it again; what its claims mean (and whether it has expired) is for the caller to check each time.
 */
public final class SignedTokens {

    /** The longest token anyone may send: longer ones are refused before any parsing. */
    private static final int MAX_LENGTH = 2_000;

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Cache<String, JWTClaimsSet> verified;

    SignedTokens(SecretKey key, int remembered, Duration rememberedFor) {
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable signing key", e);
        }
        this.verified = Caffeine.newBuilder()
                .maximumSize(remembered)
                .expireAfterAccess(rememberedFor)
                .build();
    }

    public String sign(JWTClaimsSet claims) {
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /** The claims of a token signed with this key; empty for anything else. */
    public Optional<JWTClaimsSet> verify(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        var known = verified.getIfPresent(token);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            var jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            var claims = jwt.getJWTClaimsSet();
            verified.put(token, claims);
            return Optional.of(claims);
        } catch (ParseException | JOSEException | RuntimeException forged) {
            return Optional.empty();
        }
    }
}
