package app.stagedoor.web;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import app.stagedoor.shared.SignedTokens;
import app.stagedoor.shared.SigningKeys;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens of the API: signed tokens carrying the member's id and role, so an API call needs
 * no database read to know who calls. A token verified once is remembered for a few minutes (by
 * {@link SignedTokens}), so a fan who polls every two seconds is not re-verified each time; a
 * remembered token still stops working the moment it expires.
 */
@Component
class ApiTokens {

    private static final String ISSUER = "stagedoor";
    /** Instances' clocks may differ a little; a token is honoured this much past its end, no more. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final SignedTokens tokens;
    private final Duration lifetime;
    private final Clock clock;

    ApiTokens(SigningKeys keys, WebProperties properties, Clock clock) {
        this.tokens = keys.tokens("api-token", properties.jwtSecret(), 50_000, Duration.ofMinutes(5));
        this.lifetime = properties.tokenLifetime();
        this.clock = clock;
    }

    record IssuedToken(String accessToken, String tokenType, long expiresIn) {}

    IssuedToken issue(MemberPrincipal member) {
        var now = clock.instant();
        var token = tokens.sign(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(member.getUsername())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("mid", member.id())
                .claim("role", member.role().name())
                .build());
        return new IssuedToken(token, "Bearer", lifetime.toSeconds());
    }

    JwtDecoder decoder() {
        return this::decode;
    }

    private Jwt decode(String token) {
        var claims = tokens.verify(token).orElseThrow(() -> new BadJwtException("not a token of this application"));
        var expires = claims.getExpirationTime();
        var issued = claims.getIssueTime();
        if (!ISSUER.equals(claims.getIssuer()) || expires == null || issued == null) {
            throw new BadJwtException("not a bearer token");
        }
        if (!clock.instant().isBefore(expires.toInstant().plus(CLOCK_SKEW))) {
            throw new BadJwtException("the token has expired");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "HS256")
                .issuer(ISSUER)
                .subject(claims.getSubject())
                .issuedAt(issued.toInstant())
                .expiresAt(expires.toInstant())
                .claims(values -> {
                    values.put("mid", claims.getClaim("mid"));
                    values.put("role", claims.getClaim("role"));
                })
                .build();
    }

    /** The signed-in member a verified token stands for. */
    static Bearer authentication(Jwt jwt) {
        var member = new MemberPrincipal(
                ((Number) jwt.getClaim("mid")).longValue(),
                jwt.getSubject(),
                Role.valueOf(jwt.getClaimAsString("role")));
        return new Bearer(member, jwt);
    }

    /**
     * A member who called with a bearer token: authenticated like a sign-in, but no sign-in (the
     * token's own credentials are erased after the check like a password, so only the type tells).
     */
    static final class Bearer extends UsernamePasswordAuthenticationToken {

        private Bearer(MemberPrincipal member, Jwt jwt) {
            super(member, jwt, member.getAuthorities());
        }
    }
}
