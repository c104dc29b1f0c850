package app.stagedoor.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls of the benchmarked app's JSON API, their answers, and the tools' JSON results. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    // HTTP/1.1: no h2c upgrade dance; the client keeps one connection per concurrent request
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Api(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    /** An answer: the HTTP status (-1 a timeout, -2 an I/O error) and its body. */
    record Answer(int status, String body) {

        static Answer timeout() {
            return new Answer(-1, "");
        }

        static Answer failed(String why) {
            return new Answer(-2, why);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The problem's {@code code}, if the body is a problem detail. */
        String code() {
            if (status < 300 || body.isBlank()) {
                return null;
            }
            try {
                var code = json().get("code");
                return code == null ? null : code.asString();
            } catch (RuntimeException notJson) {
                return null;
            }
        }

        /** "201", "409 SEAT_UNAVAILABLE", "timeout", … for the answers' histogram. */
        String label() {
            if (status == -1) {
                return "timeout";
            }
            if (status == -2) {
                return "io-error " + body;
            }
            var code = code();
            return code == null ? String.valueOf(status) : status + " " + code;
        }
    }

    Answer get(String path, String token) {
        return send(request(path, token).GET());
    }

    /** A GET with one more header (a waiting-room poll's {@code Queue-Token}). */
    Answer getWith(String path, String token, String header, String value) {
        return send(request(path, token).header(header, value).GET());
    }

    /** POSTs {@code body} as JSON (none when null), with the extra headers given as name, value, …. */
    Answer post(String path, String token, Object body, String... headers) {
        var request = request(path, token);
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return send(request);
    }

    /** An answer with its headers (the cookie and the redirect of a sign-in); no headers when none came. */
    record Reply(Answer answer, HttpHeaders headers) {}

    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);

    /** Sends a request the caller built itself (a sign-in: no bearer token); redirects are not followed. */
    Reply exchange(HttpRequest.Builder request) {
        try {
            var response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(new Answer(response.statusCode(), response.body()), response.headers());
        } catch (HttpTimeoutException timeout) {
            return new Reply(Answer.timeout(), NO_HEADERS);
        } catch (IOException failure) {
            return new Reply(Answer.failed(failure.getClass().getSimpleName()), NO_HEADERS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Reply(Answer.failed("interrupted"), NO_HEADERS);
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private Answer send(HttpRequest.Builder request) {
        return exchange(request).answer();
    }

    /** Writes a tool's result to {@code --result} and prints it. */
    static void writeResult(Options options, Object result) throws IOException {
        var json = JSON.writeValueAsString(result);
        Files.writeString(Path.of(options.get("result")), json + "\n");
        System.out.println(json);
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
