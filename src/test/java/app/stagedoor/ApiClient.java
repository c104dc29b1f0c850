package app.stagedoor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A black-box client of the JSON API over real HTTP, as a script or load test would call it. */
public final class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Answer(int status, String contentType, String retryAfter, JsonNode body, String raw) {

        public String code() {
            return body == null || body.get("code") == null
                    ? null
                    : body.get("code").asString();
        }
    }

    /** Signs a new fan up and returns their bearer token. */
    public String newFan(String username) {
        var created = send(
                "POST",
                "/api/v1/members",
                null,
                "{\"username\":\"" + username + "\",\"password\":\"stage-door-pass-9\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("sign-up failed: " + created.raw());
        }
        return token(username, "stage-door-pass-9");
    }

    public String token(String username, String password) {
        var answer = basic("POST", "/api/v1/auth/token", username, password);
        if (answer.status() != 200) {
            throw new IllegalStateException("token failed: " + answer.raw());
        }
        return answer.body().get("accessToken").asString();
    }

    public Answer basic(String method, String path, String username, String password) {
        var credentials =
                Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return exchange(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + credentials)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Joins a concert's waiting room and polls until admitted, as a script would. */
    public void admitted(String token, long concertId) {
        var joined = post("/api/v1/concerts/" + concertId + "/queue", token, null);
        if (joined.status() != 200) {
            throw new IllegalStateException("join failed: " + joined.raw());
        }
        pollUntil(token, concertId, "ACTIVE", Duration.ofSeconds(20));
    }

    /**
     * Polls a concert's waiting room at the pace each answer asks for ({@code pollAfterMillis}, and
     * {@code Retry-After} on a refusal) until the ticket's status is {@code status}; its last answer.
     */
    public JsonNode pollUntil(String token, long concertId, String status, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        var path = "/api/v1/concerts/" + concertId + "/queue";
        while (true) {
            var answer = get(path, token);
            if (answer.status() == 200
                    && status.equals(answer.body().get("status").asString())) {
                return answer.body();
            }
            if (answer.status() != 200 && answer.status() != 429) {
                throw new IllegalStateException("poll failed: " + answer.raw());
            }
            long waitMillis = answer.status() == 200
                    ? answer.body().get("pollAfterMillis").asLong()
                    : 1000 * Long.parseLong(answer.retryAfter());
            if (System.nanoTime() + waitMillis * 1_000_000 > deadline) {
                throw new IllegalStateException("not " + status + " within " + atMost + ": " + answer.raw());
            }
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every page of the public catalogue ({@code GET /api/v1/concerts}), their bodies one after the other. */
    public String everyListedConcert() {
        var all = new StringBuilder();
        for (int page = 1; ; page++) {
            var answer = get("/api/v1/concerts?size=100&page=" + page, null);
            if (answer.status() != 200) {
                throw new IllegalStateException("listing failed: " + answer.raw());
            }
            all.append(answer.raw());
            if (answer.body().size() < 100) {
                return all.toString();
            }
        }
    }

    public Answer get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Answer post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    public Answer send(String method, String path, String token, String body) {
        return send(method, path, token, body, "application/json");
    }

    public Answer send(String method, String path, String token, String body, String contentType) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request);
    }

    public Answer exchange(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var raw = response.body();
            JsonNode body = null;
            if (raw != null && !raw.isBlank() && (raw.startsWith("{") || raw.startsWith("["))) {
                body = json.readTree(raw);
            }
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null),
                    body,
                    raw);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
