package app.stagedoor.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After signing in, back to where the fan was: the page that asked for a sign-in (Spring
 * Security's saved request), or the page whose "Sign in" link was followed ({@code continue}), if
 * it is one of our own addresses; else the home page.
 */
class ReturnToPage extends SavedRequestAwareAuthenticationSuccessHandler {

    static final String PARAMETER = "continue";

    ReturnToPage() {
        setTargetUrlParameter(PARAMETER);
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
        var target = request.getParameter(PARAMETER);
        return isOwnPage(target) ? target : getDefaultTargetUrl();
    }

    /** A path on this site, never another host ({@code //evil}, {@code /\evil}) or the sign-in pages. */
    static boolean isOwnPage(String target) {
        return target != null
                && target.startsWith("/")
                && !target.startsWith("//")
                && !target.startsWith("/\\")
                && target.chars().noneMatch(c -> c < 0x20 || c == 0x7f)
                && !target.startsWith("/login")
                && !target.startsWith("/logout")
                && !target.startsWith("/signup")
                && !target.startsWith("/error");
    }
}
