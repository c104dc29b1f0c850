package app.stagedoor.concert;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The answers a proxy or CDN in front may keep and give to anyone: anonymous {@code GET}s of the
 * home page, a concert's page and the public catalogue API, for a few seconds, then revalidated
 * against a version of what they show (a 304 costs no rendering). Every other answer keeps Spring
 * Security's {@code no-cache, no-store}: signed-in pages, the door fragment (its countdown carries
 * the server's time), anything asked with a bearer token.
 */
final class SharedCopies {

    /** Short enough that an opening sale or a new price shows within seconds. */
    static final CacheControl POLICY = CacheControl.maxAge(Duration.ofSeconds(5))
            .staleWhileRevalidate(Duration.ofSeconds(5))
            .cachePublic();

    /** The model attribute that tells the layout to draw nothing of one visitor (no CSRF token). */
    static final String MODEL_ATTRIBUTE = "sharedCopy";

    private SharedCopies() {}

    static String etag(String version) {
        return "W/\"" + version + "\"";
    }

    /**
     * Whether the answer to this request is the same for everyone who sends it: nobody signed in,
     * no bearer token, no language being picked (that sets a cookie).
     */
    static boolean allowed(HttpServletRequest request) {
        return request.getUserPrincipal() == null
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getParameter("lang") == null;
    }

    /**
     * Marks the answer as a shared copy of the given version and answers true (with a 304 sent)
     * when the asker already holds it.
     *
     * @param variesWith the request headers besides the URL that choose the answer (pages:
     *     {@code Accept-Language} and {@code Cookie}, which carries the language picked)
     */
    static boolean notModified(ServletWebRequest request, String version, String... variesWith) {
        var response = request.getResponse();
        response.setHeader(HttpHeaders.CACHE_CONTROL, POLICY.getHeaderValue());
        for (var header : variesWith) {
            response.addHeader(HttpHeaders.VARY, header);
        }
        return request.checkNotModified(etag(version));
    }
}
