package app.stagedoor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import app.stagedoor.ApiClient;
import app.stagedoor.IntegrationTest;
import app.stagedoor.TestData;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The small holes, over real HTTP (raw bytes where a client library would refuse to send them):
 * Tomcat's own refusals are problem details for the API, {@code /error} is no 500, the session
 * cookie is SameSite, and JSON of the wrong type is refused rather than coerced.
 */
@IntegrationTest
class HardeningTest {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** Sends raw bytes and returns the whole answer as text. */
    String raw(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            var out = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    static int status(String answer) {
        return Integer.parseInt(answer.split(" ", 3)[1]);
    }

    @Test
    void a_nul_in_an_api_address_is_a_problem_detail_not_tomcats_page() throws IOException {
        var answer = raw("GET /api/v1/concerts/%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(status(answer)).isEqualTo(400);
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer).contains("\"code\":\"MALFORMED_REQUEST\"").doesNotContain("Apache Tomcat");
    }

    @Test
    void an_oversized_header_on_the_api_is_a_problem_detail() throws IOException {
        var answer = raw("GET /api/v1/concerts HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(status(answer)).isBetween(400, 499);
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer).doesNotContain("Apache Tomcat");
    }

    @Test
    void control_characters_in_the_idempotency_key_are_a_problem_detail() throws IOException {
        var token = api.newFan(TestData.username("ctl"));
        var answer = raw("POST /api/v1/reservations/1/payment HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + token + "\r\nIdempotency-Key: a\u0001b\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(status(answer)).isEqualTo(400);
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer).contains("\"code\"").doesNotContain("Apache Tomcat");
    }

    /**
     * Every link a template writes goes through the resource chain (webjars are on the class path);
     * a catch-all {@code /**} mapping made each one a search for a file in the jar, on every render.
     */
    @Test
    void only_the_static_folders_are_looked_up_as_files_and_they_are_still_served(
            @Autowired ResourceUrlProvider resources) throws Exception {
        assertThat(resources.getHandlerMap())
                .containsKeys("/webjars/**", "/css/**", "/js/**", "/images/**")
                .doesNotContainKey("/**");
        for (var file :
                new String[] {"/css/app.css", "/js/app.js", "/images/favicon.svg", "/webjars/htmx.org/dist/htmx.min.js"
                }) {
            assertThat(api.get(file, null).status()).as(file).isEqualTo(200);
        }
        assertThat(api.get("/css/no-such.css", null).status()).isEqualTo(404);
        var mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        var fan = new MemberPrincipal(1, "fan", Role.FAN);
        assertThat(mvc.perform(get("/no-such-page.html").with(user(fan)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void asking_for_the_error_page_itself_is_not_a_server_error() {
        assertThat(api.get("/error", null).status()).isEqualTo(404);
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_lax() throws IOException {
        var answer = raw("GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        var cookie = answer.lines()
                .filter(line -> line.regionMatches(true, 0, "Set-Cookie: JSESSIONID", 0, 22))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void a_boolean_for_a_title_and_1e309_for_a_time_are_refused_not_coerced() {
        var admin = api.token("admin", "admin-password-for-tests");
        var plan = """
                {"title":%s,"artist":"A","venue":"V","salesOpenAt":%s,"maxSeatsPerMember":4,"published":false,
                 "sections":[{"name":"R","rows":1,"seatsPerRow":2,"price":10000}]}
                """;
        var title = api.post("/api/v1/admin/concerts", admin, plan.formatted("true", "\"2026-12-01T00:00:00Z\""));
        assertThat(title.status()).as("title: " + title.raw()).isEqualTo(400);
        assertThat(title.body().get("fields").toString()).contains("title");
        var time = api.post("/api/v1/admin/concerts", admin, plan.formatted("\"T\"", "1e309"));
        assertThat(time.status()).as("time: " + time.raw()).isEqualTo(400);
        assertThat(time.body().get("fields").toString()).contains("salesOpenAt");
    }

    @Autowired
    WebApplicationContext context;

    @Test
    void behind_tls_every_answer_carries_hsts() throws Exception {
        var mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        var overTls = mvc.perform(get("/login").secure(true)).andReturn().getResponse();
        assertThat(overTls.getHeader("Strict-Transport-Security")).contains("max-age=");
        var api = mvc.perform(get("/api/v1/concerts").secure(true)).andReturn().getResponse();
        assertThat(api.getHeader("Strict-Transport-Security")).contains("max-age=");
        var plain = mvc.perform(get("/login")).andReturn().getResponse();
        assertThat(plain.getHeader("Strict-Transport-Security")).isNull();
    }

    @Test
    void the_poster_of_an_unpublished_concert_is_never_kept_by_a_shared_cache() throws Exception {
        var admin = api.token("admin", "admin-password-for-tests");
        var created = api.post("/api/v1/admin/concerts", admin, """
                {"title":"Hidden","artist":"A","venue":"V","salesOpenAt":"2026-12-01T00:00:00Z","maxSeatsPerMember":4,
                 "published":false,"sections":[{"name":"R","rows":1,"seatsPerRow":2,"price":10000}]}
                """);
        long id = created.body().get("id").asLong();
        var mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        var organiser = user(new MemberPrincipal(1, "admin", Role.ADMIN));
        var image = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", image);
        mvc.perform(multipart("/admin/concerts/" + id + "/poster")
                .file(new MockMultipartFile("poster", "p.png", "image/png", image.toByteArray()))
                .with(organiser)
                .with(csrf()));
        var poster =
                mvc.perform(get("/posters/" + id).with(organiser)).andReturn().getResponse();
        assertThat(poster.getStatus()).isEqualTo(200);
        assertThat(poster.getHeader("Cache-Control")).contains("private").doesNotContain("public");
    }

    /**
     * The organiser's poster form over real HTTP: a poster is taken, and an upload past the
     * request's limit (26 MB) is a page saying it is too large, with a 413, not that something went
     * wrong. Tomcat refuses that body while the CSRF check reads the form's token from it, before
     * any controller runs.
     */
    @Test
    void an_upload_past_the_request_limit_is_a_page_saying_so_not_a_server_error() throws Exception {
        var browser = new app.stagedoor.FormBrowser("http://127.0.0.1:" + port);
        assertThat(browser.signIn("admin", "admin-password-for-tests").statusCode())
                .isEqualTo(302);
        var token = app.stagedoor.FormBrowser.csrf(
                browser.get("/wallet", "Accept-Language", "en").body());
        var image = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", image);

        var taken = postPoster(browser, token, image.toByteArray());
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(302);
        assertThat(taken.headers().firstValue("Location").orElseThrow()).endsWith("/admin/concerts/1/setup#poster");
        var poster = browser.get("/posters/1");
        assertThat(poster.statusCode()).isEqualTo(200);
        assertThat(poster.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");

        var huge = postPoster(browser, token, new byte[27 * 1024 * 1024]);
        assertThat(huge.statusCode()).as(huge.body()).isEqualTo(413);
        assertThat(huge.body())
                .contains("The upload is too large", "choose a smaller one")
                .doesNotContain("Something went wrong");
    }

    private java.net.http.HttpResponse<String> postPoster(app.stagedoor.FormBrowser browser, String token, byte[] png)
            throws IOException {
        var boundary = "stagedoor-boundary";
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                        + "--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"poster\"; filename=\"poster.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(png);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/admin/concerts/1/poster"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept-Language", "en")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    @Test
    void a_body_past_the_request_limit_on_the_api_is_a_problem_detail() throws Exception {
        var token = api.newFan(TestData.username("big"));
        var boundary = "stagedoor-boundary";
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f.bin\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(new byte[27 * 1024 * 1024]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var answer = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/wallet/charges"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type"))
                .as(answer.headers() + answer.body())
                .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(answer.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }
}
