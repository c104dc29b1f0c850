package app.stagedoor.web;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import app.stagedoor.shared.SigningKeys;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import javax.crypto.SecretKey;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens of the API: HS256 JWTs signed with the application's key, carrying the member's
 * id and role, so an API call needs no database read to know who calls. A token verified once is
 * remembered for a few minutes, so a fan who polls every two seconds is not re-verified and
 * re-parsed each time; a remembered token still stops working the moment it expires.
 */
@Component
class ApiTokens {

    private static final String ISSUER = "stagedoor";

    private final JwtEncoder encoder;
    private final JwtDecoder verifier;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();
    /** How far the clocks of instances may differ: a few seconds, not Spring's default minute. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final Duration lifetime;
    private final Clock clock;

    ApiTokens(SigningKeys keys, WebProperties properties, Clock clock) {
        SecretKey key = keys.hmacKey("api-token", properties.jwtSecret());
        this.encoder = NimbusJwtEncoder.withSecretKey(key).build();
        var decoder = NimbusJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        var timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER)));
        this.verifier = decoder;
        this.lifetime = properties.tokenLifetime();
        this.clock = clock;
    }

    record IssuedToken(String accessToken, String tokenType, long expiresIn) {}

    IssuedToken issue(MemberPrincipal member) {
        var now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(member.getUsername())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim("mid", member.id())
                .claim("role", member.role().name())
                .build();
        var header = JwsHeader.with(MacAlgorithm.HS256).build();
        var token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(token, "Bearer", lifetime.toSeconds());
    }

    JwtDecoder decoder() {
        return this::decode;
    }

    private Jwt decode(String token) throws JwtException {
        var known = verified.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return known;
        }
        var jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    /** The signed-in member a verified token stands for. */
    static UsernamePasswordAuthenticationToken authentication(Jwt jwt) {
        var member = new MemberPrincipal(
                ((Number) jwt.getClaim("mid")).longValue(),
                jwt.getSubject(),
                Role.valueOf(jwt.getClaimAsString("role")));
        return UsernamePasswordAuthenticationToken.authenticated(member, jwt, member.getAuthorities());
    }
}
