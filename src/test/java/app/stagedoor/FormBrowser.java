package app.stagedoor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A browser over real HTTP, as far as the pages' session goes: it keeps the one session cookie,
 * signs in through the login form (with its CSRF token) and follows no redirect, so a test sees
 * each answer and each new cookie.
 */
public final class FormBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]*)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private String session;

    public FormBrowser(String base) {
        this.base = base;
    }

    /** The session cookie's value now; null before any or after sign-out. */
    public String session() {
        return session;
    }

    /**
     * When the server last read this browser's session (Spring Session JDBC's last access, in
     * milliseconds): a request that reads the session moves it.
     */
    public long sessionLastAccess(JdbcClient jdbc) {
        var id = new String(Base64.getDecoder().decode(session), StandardCharsets.UTF_8);
        return jdbc.sql("SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE SESSION_ID = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    /** Another browser: no cookie but the one given (a copy of a session, a stolen one). */
    public FormBrowser withSession(String cookie) {
        var other = new FormBrowser(base);
        other.session = cookie;
        return other;
    }

    public HttpResponse<String> get(String path, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    public HttpResponse<String> postForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Signs in through the login form; the answer is the redirect after it. */
    public HttpResponse<String> signIn(String username, String password) {
        var form = get("/login");
        return postForm(
                "/login",
                "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                        + encode(csrf(form.body())));
    }

    /** Signs out with the token of the page at {@code path}. */
    public HttpResponse<String> signOut(String path) {
        return postForm("/logout", "_csrf=" + encode(csrf(get(path).body())));
    }

    public static String csrf(String page) {
        var token = CSRF.matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token in the page: " + page);
        }
        return token.group(1);
    }

    /** Sends the request with this browser's session cookie, keeping any new one. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        try {
            var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (var cookie : answer.headers().allValues("Set-Cookie")) {
                var value = SESSION.matcher(cookie);
                if (value.lookingAt()) {
                    session = value.group(1).isEmpty() || cookie.contains("Max-Age=0") ? null : value.group(1);
                }
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
