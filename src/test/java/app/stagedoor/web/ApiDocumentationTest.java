package app.stagedoor.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.IntegrationTest;
import app.stagedoor.shared.ErrorCode;
import app.stagedoor.shared.Refusals;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document at {@code /v3/api-docs} against the application itself: every endpoint of
 * the API that Spring MVC serves is in it, with the problem codes its controller declares, and it
 * says truthfully which calls need a bearer token.
 */
@IntegrationTest
class ApiDocumentationTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private ApiClient api;
    private JsonNode document;

    @BeforeEach
    void readTheDocument() {
        api = new ApiClient(port);
        var answer = api.get("/v3/api-docs", null);
        assertThat(answer.status()).isEqualTo(200);
        document = answer.body();
    }

    /** Every (path, method) under /api that a controller maps, with its handler. */
    private Map<String, HandlerMethod> apiEndpoints() {
        var endpoints = new TreeMap<String, HandlerMethod>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            for (var path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                assertThat(methods)
                        .as("%s maps %s without an HTTP method", handler, path)
                        .isNotEmpty();
                methods.forEach(method -> endpoints.put(method.name() + " " + path, handler));
            }
        });
        return endpoints;
    }

    private JsonNode operation(String endpoint) {
        var method = endpoint.substring(0, endpoint.indexOf(' ')).toLowerCase(Locale.ROOT);
        var path = endpoint.substring(endpoint.indexOf(' ') + 1);
        return document.path("paths").path(path).path(method);
    }

    @Test
    void every_endpoint_of_the_api_is_in_the_document() {
        var endpoints = apiEndpoints();
        assertThat(endpoints).hasSizeGreaterThan(15).containsKey("POST /api/v1/performances/{performanceId}/holds");

        var missing = endpoints.keySet().stream()
                .filter(endpoint -> operation(endpoint).isMissingNode())
                .toList();
        assertThat(missing)
                .as("endpoints missing from /v3/api-docs (springdoc.paths-to-match, @Hidden?)")
                .isEmpty();

        var documented = new ArrayList<String>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(method ->
                                documented.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(documented)
                .as("the document lists only what is served")
                .containsExactlyInAnyOrderElementsOf(endpoints.keySet());
    }

    @Test
    void every_call_lists_its_problem_codes_with_their_statuses() {
        apiEndpoints().forEach((endpoint, handler) -> {
            var operation = operation(endpoint);
            var codes = new ArrayList<String>();
            operation.path(ApiDocumentation.PROBLEM_CODES).forEach(code -> codes.add(code.asString()));
            assertThat(codes).as(endpoint).contains(ErrorCode.BUSY.name());
            var declared = handler.getMethodAnnotation(Refusals.class);
            if (declared != null) {
                for (var code : declared.value()) {
                    assertThat(codes).as(endpoint).contains(code.name());
                }
            }
            for (var code : codes) {
                var status = String.valueOf(ErrorCode.valueOf(code).status().value());
                var answer = operation.path("responses").path(status);
                assertThat(answer.path("description").asString())
                        .as(endpoint + " " + code)
                        .contains(code);
                assertThat(answer.path("content")
                                .path("application/problem+json")
                                .path("examples")
                                .has(code))
                        .as(endpoint + " " + code)
                        .isTrue();
            }
        });
        assertThat(codesOf("POST /api/v1/performances/{performanceId}/holds"))
                .contains("SEAT_UNAVAILABLE", "NOT_ADMITTED", "UNAUTHORIZED", "VALIDATION");
        assertThat(codesOf("POST /api/v1/admin/concerts")).contains("FORBIDDEN");
        assertThat(codesOf("GET /api/v1/concerts")).doesNotContain("UNAUTHORIZED");
        var problem = document.path("components").path("schemas").path("Problem");
        assertThat(problem.path("properties").path("code").path("enum").toString())
                .contains("SEAT_UNAVAILABLE");
    }

    private List<String> codesOf(String endpoint) {
        var codes = new ArrayList<String>();
        operation(endpoint).path(ApiDocumentation.PROBLEM_CODES).forEach(code -> codes.add(code.asString()));
        return codes;
    }

    @Test
    void bearer_authentication_is_declared_and_says_how_to_get_a_token() {
        var bearer = document.path("components").path("securitySchemes").path(ApiDocumentation.BEARER);
        assertThat(bearer.path("type").asString()).isEqualTo("http");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        assertThat(bearer.path("description").asString()).contains("POST /api/v1/auth/token");
        assertThat(security("GET /api/v1/wallet")).isEqualTo(ApiDocumentation.BEARER);
        assertThat(security("POST /api/v1/auth/token")).isEqualTo(ApiDocumentation.BASIC);
        assertThat(security("GET /api/v1/concerts")).isNull();
    }

    /** What the document says about tokens is what the API does with a call that carries none. */
    @Test
    void the_calls_documented_as_needing_a_token_refuse_a_call_without_one_and_only_those() {
        apiEndpoints().keySet().forEach(endpoint -> {
            var method = endpoint.substring(0, endpoint.indexOf(' '));
            var path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
            var answer = api.send(method, path, null, "{}");
            if (security(endpoint) == null) {
                assertThat(answer.status()).as(endpoint).isNotEqualTo(401);
            } else {
                assertThat(answer.status()).as(endpoint).isEqualTo(401);
                assertThat(answer.code()).as(endpoint).isEqualTo("UNAUTHORIZED");
            }
        });
    }

    private String security(String endpoint) {
        var security = operation(endpoint).path("security");
        return security.isEmpty()
                ? null
                : security.get(0).propertyNames().iterator().next();
    }

    @Test
    void swagger_ui_is_open_to_anyone_and_only_it_has_a_policy_of_its_own() throws Exception {
        var http = HttpClient.newHttpClient();
        var redirect = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/swagger-ui.html"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(302);
        var ui = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/swagger-ui/index.html"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui-bundle.js");
        assertThat(ui.headers().firstValue("Content-Security-Policy"))
                .contains(SecurityConfiguration.SWAGGER_UI_POLICY);

        var home = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(home.headers().firstValue("Content-Security-Policy"))
                .contains(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).doesNotContain("sha256-", "unsafe-inline");
    }
}
