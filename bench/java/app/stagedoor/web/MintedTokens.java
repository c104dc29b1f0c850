package app.stagedoor.web;

import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import app.stagedoor.shared.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

/**
 * Bearer tokens for the load tools under {@code bench/}, minted by the app's own {@link ApiTokens}
 * with the key the benchmarked app was started with, so a seeded fan needs no sign-in (which costs
 * a bcrypt hash each). This lives beside ApiTokens because the tools must mint exactly what the app
 * mints: if the tokens change, this stops compiling instead of minting what the app refuses.
 */
public final class MintedTokens {

    private final ApiTokens tokens;

    /** @param base64Key the app's {@code stagedoor.web.jwt-secret} */
    public MintedTokens(String base64Key, Duration lifetime) {
        var properties = new WebProperties(base64Key, lifetime, ZoneOffset.UTC, null); // tokens need no rate limits
        this.tokens = new ApiTokens(new SigningKeys(null), properties, Clock.systemUTC());
    }

    /** The token of a fan as the app would issue it after a sign-in. */
    public String fan(long memberId, String username) {
        return tokens.issue(new MemberPrincipal(memberId, username, Role.FAN)).accessToken();
    }
}
