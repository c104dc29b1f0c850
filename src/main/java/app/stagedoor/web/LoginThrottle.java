package app.stagedoor.web;

import app.stagedoor.shared.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in attempts, before Spring Security checks a password: at most {@code login} per client
 * address (right or wrong, so spraying many accounts from one address is slow), and after {@code
 * login-failures} wrong passwords for one username from one address, that address waits for the
 * bucket to refill. Nothing is ever locked: the fan signs in from any other address at once, and an
 * unknown username is counted and answered exactly like a known one, so the answer tells nothing
 * about which accounts exist. Registered before the security filters ({@code
 * SecurityConfiguration}).
 */
class LoginThrottle extends OncePerRequestFilter {

    /** The limit's name on the refusals' meter. */
    static final String SIGN_IN = "sign_in";

    private final RateLimiter limiter;
    private final RateLimitProperties settings;
    private final RateLimits limits;

    LoginThrottle(RateLimiter limiter, WebProperties web, RateLimits limits) {
        this.limiter = limiter;
        this.settings = web.rateLimits();
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !("/login".equals(request.getRequestURI()) || "/api/v1/auth/token".equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var address = request.getRemoteAddr();
        var wait = settings.enabled()
                ? limiter.take("login@" + address, RateLimitProperties.limit(settings.login()))
                : Optional.<Duration>empty();
        if (wait.isEmpty()) {
            var username = username(request);
            if (username != null) {
                wait = limiter.check(
                        failureKey(username, address), RateLimitProperties.limit(settings.loginFailures()));
            }
        }
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
        } else if ("/login".equals(request.getRequestURI())) {
            limits.refused(SIGN_IN);
            response.sendRedirect(request.getContextPath() + "/login?throttled");
        } else {
            limits.refuse(SIGN_IN, request, response, wait.get());
        }
    }

    /** Counts a wrong password (or an unknown username) against the username and the address. */
    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent failure) {
        if (failure.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            limiter.take(
                    failureKey(failure.getAuthentication().getName(), details.getRemoteAddress()),
                    RateLimitProperties.limit(settings.loginFailures()));
        }
    }

    /**
     * A right password from the address clears its count of wrong ones for that username (form
     * login and the token endpoint; a bearer-token call is no sign-in and costs nothing: no
     * database round trip on every API call).
     */
    @EventListener
    void on(AuthenticationSuccessEvent success) {
        if (success.getAuthentication() instanceof UsernamePasswordAuthenticationToken signIn
                && !(signIn instanceof ApiTokens.Bearer)
                && signIn.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            limiter.forget(failureKey(signIn.getName(), details.getRemoteAddress()));
        }
    }

    private static String failureKey(String username, String address) {
        return "login-failure@" + address + "|" + username.strip().toLowerCase(Locale.ROOT);
    }

    /** The username of a login form or of HTTP Basic credentials, as the client typed it. */
    private static String username(HttpServletRequest request) {
        if ("/login".equals(request.getRequestURI())) {
            return request.getParameter("username");
        }
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            var credentials =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? null : credentials.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
