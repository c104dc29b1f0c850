package app.stagedoor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stagedoor.MutableClock;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import app.stagedoor.shared.SigningKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;

/** Bearer tokens: remembered once verified, yet never accepted past their end or when altered. */
class ApiTokensTest {

    static final String SECRET = Base64.getEncoder().encodeToString(new byte[32]);

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    final ApiTokens tokens = new ApiTokens(
            new SigningKeys(null), new WebProperties(SECRET, Duration.ofHours(1), ZoneId.of("UTC"), null), clock);
    final MemberPrincipal fan = new MemberPrincipal(42, "minji", Role.FAN);

    @Test
    void a_token_names_its_member_on_every_call_until_it_expires() {
        var token = tokens.issue(fan).accessToken();

        var first = ApiTokens.authentication(tokens.decoder().decode(token));
        var again = ApiTokens.authentication(tokens.decoder().decode(token));
        assertThat(first.getPrincipal()).isEqualTo(fan);
        assertThat(((MemberPrincipal) again.getPrincipal()).id()).isEqualTo(42);

        clock.advance(Duration.ofHours(1).plusMinutes(2));
        assertThatThrownBy(() -> tokens.decoder().decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void an_expired_token_gets_a_few_seconds_of_clock_skew_not_a_minute() {
        var token = tokens.issue(fan).accessToken();
        clock.advance(Duration.ofHours(1).plusSeconds(3));
        assertThat(ApiTokens.authentication(tokens.decoder().decode(token)).getPrincipal())
                .isEqualTo(fan);
        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> tokens.decoder().decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void an_altered_token_is_refused_even_after_the_real_one_was_verified() {
        var token = tokens.issue(fan).accessToken();
        tokens.decoder().decode(token);

        var parts = token.split("\\.");
        var claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("FAN", "ADMIN");
        var forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "."
                + parts[2];

        assertThatThrownBy(() -> tokens.decoder().decode(forged)).isInstanceOf(JwtException.class);
    }
}
