package app.stagedoor.web;

import app.stagedoor.member.MemberPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/token} with HTTP Basic: trades a username and password for a bearer token. */
@RestController
class TokenController {

    static final String PATH = "/api/v1/auth/token";

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping(PATH)
    ApiTokens.IssuedToken token(@AuthenticationPrincipal MemberPrincipal member) {
        return tokens.issue(member);
    }
}
