package app.stagedoor.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import app.stagedoor.bench.Api.Answer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Sign-ins of distinct fans with their real passwords: sign-in i of the pool is fan {@code
 * --first-fan} + i's (username bench&lt;id&gt;), so every one checks a password hash. {@code --mode
 * form} is what a browser does: {@code GET /login} for the session cookie and the form's CSRF
 * token, then {@code POST /login}; it counts as 200 when the app redirects away from the login page,
 * and as 302 when it sends the fan back to it ({@code ?error}, {@code ?throttled}). {@code --mode
 * token} is {@code POST /api/v1/auth/token} with HTTP Basic, 200 with a bearer token.
 *
 * <pre>SignIns --base URL --mode form|token --first-fan ID --fans N --password P --concurrency 64
 *         --warmup 20s --duration 20s --result signins.json [--pids …] [--counters-cmd SH]</pre>
 */
public final class SignIns {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        var api = options.api();
        long firstFan = options.number("first-fan");
        var password = options.get("password");
        boolean form = switch (options.get("mode")) {
            case "form" -> true;
            case "token" -> false;
            default -> throw new IllegalArgumentException("--mode is form or token");
        };
        var cursor = new AtomicInteger();
        var result = ClosedLoop.run(options, cursor, (int) options.number("fans"), 200, i -> {
            var username = Options.FAN_PREFIX + (firstFan + i);
            return form ? formLogin(api, username, password) : tokenLogin(api, username, password);
        });
        Api.writeResult(options, result);
    }

    private static Answer tokenLogin(Api api, String username, String password) {
        var basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(UTF_8));
        return api.exchange(HttpRequest.newBuilder(api.base().resolve("/api/v1/auth/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody()))
                .answer();
    }

    private static Answer formLogin(Api api, String username, String password) {
        var page = api.exchange(HttpRequest.newBuilder(api.base().resolve("/login"))
                .header("Accept", "text/html")
                .GET());
        if (page.answer().status() != 200) {
            return page.answer();
        }
        var csrf = CSRF.matcher(page.answer().body());
        var cookie = page.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]);
        if (!csrf.find() || cookie.isEmpty()) {
            return Answer.failed("login page without a CSRF token or a session cookie");
        }
        var body = "username=" + URLEncoder.encode(username, UTF_8) + "&password=" + URLEncoder.encode(password, UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), UTF_8);
        var signIn = api.exchange(HttpRequest.newBuilder(api.base().resolve("/login"))
                .header("Cookie", cookie.get())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        var answer = signIn.answer();
        if (answer.status() != 302) {
            return answer;
        }
        var location = signIn.headers().firstValue("Location").orElse("");
        return location.contains("/login") ? new Answer(302, "") : new Answer(200, "");
    }
}
