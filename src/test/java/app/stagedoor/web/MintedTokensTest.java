package app.stagedoor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import app.stagedoor.shared.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;

/** The load tools' tokens (bench/java) are the app's: it lets the seeded fan in, and only with its key. */
class MintedTokensTest {

    private final ApiTokens app = new ApiTokens(
            new SigningKeys(null),
            new WebProperties(WebSliceConfiguration.TEST_KEY, Duration.ofHours(1), ZoneId.of("Asia/Seoul"), null),
            Clock.systemUTC());

    @Test
    void a_minted_token_signs_the_seeded_fan_in() {
        var token = new MintedTokens(WebSliceConfiguration.TEST_KEY, Duration.ofHours(4)).fan(42, "bench42");

        var signedIn = ApiTokens.authentication(app.decoder().decode(token));

        var fan = (MemberPrincipal) signedIn.getPrincipal();
        assertThat(fan.id()).isEqualTo(42);
        assertThat(fan.getUsername()).isEqualTo("bench42");
        assertThat(fan.role()).isEqualTo(Role.FAN);
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_FAN");
    }

    @Test
    void a_token_minted_with_another_key_is_refused() {
        var otherKey = Base64.getEncoder().encodeToString("another-key-of-at-least-32-bytes!!".getBytes());
        var token = new MintedTokens(otherKey, Duration.ofHours(4)).fan(42, "bench42");

        assertThatThrownBy(() -> app.decoder().decode(token)).isInstanceOf(JwtException.class);
    }
}
