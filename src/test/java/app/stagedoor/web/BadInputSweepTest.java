package app.stagedoor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import app.stagedoor.ApiClient;
import app.stagedoor.IntegrationTest;
import app.stagedoor.TestData;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import java.beans.Introspector;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Malformed input to every endpoint the application maps, found by asking Spring MVC for its
 * handler methods, so a new endpoint is swept without being listed here: every JSON member and form
 * field (found from the body and form types, nested lists included), request parameter, header and
 * path id gets wrong types, nulls, 2⁶³, 1e309, negatives, empty and 4,000- and 100,000-character
 * strings, emoji, right-to-left marks, NUL, impossible dates; every JSON body gets broken JSON,
 * arrays for objects, duplicate keys, deep nesting and non-UTF-8 bytes. Each answer must be below
 * 500, a 4xx must say what was wrong (a problem detail with a code, or a page), and after a 4xx the
 * business tables hold exactly the rows they held before. Runs on H2 and again on MariaDB.
 */
@IntegrationTest
@Tag("database")
class BadInputSweepTest {

    static final List<String> TEXT = List.of(
            "",
            " ",
            "-1",
            "0",
            "9223372036854775808",
            "-9223372036854775809",
            "1e309",
            "1e3",
            "2.5",
            "abc",
            "x".repeat(4_000),
            "y".repeat(100_000),
            "🎫🎤",
            "\u202Eevil\u202C",
            "a\u0000b",
            "2026-13-45T25:61",
            "+10000-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z");

    static final List<String> JSON = List.of(
            "null",
            "true",
            "9223372036854775808",
            "-1",
            "1e309",
            "2.5",
            "\"\"",
            "\"" + "x".repeat(4_000) + "\"",
            "\"" + "y".repeat(100_000) + "\"",
            "\"🎫\\u202E\\u0000\"",
            "[1,2]",
            "{\"a\":1}",
            "\"+10000-01-01T00:00:00Z\"",
            "\"2038-01-19T03:14:08\"");

    static final List<String> BODIES = List.of(
            "{",
            "{\"a\":",
            "[]",
            "[{}]",
            "\"text\"",
            "42",
            "{\"x\":1,\"x\":2}",
            "[".repeat(5_000) + "]".repeat(5_000),
            "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
            "");

    // (a NUL in the address never reaches Spring MVC; HardeningTest sends one over real HTTP)
    static final List<String> IDS = List.of("abc", "-1", "0", "9223372036854775808", "1e3", "999999999", "1.5");

    static final List<String> BUSINESS_TABLES = List.of(
            "members",
            "wallets",
            "wallet_transactions",
            "concerts",
            "concert_sections",
            "performances",
            "seats",
            "posters",
            "reservations",
            "reservation_seats",
            "payments",
            "queue_tokens",
            "queue_settings");

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    MockMvc mvc;
    MemberPrincipal admin;
    MemberPrincipal fan;
    Map<String, String> ids = new LinkedHashMap<>();
    final List<String> failures = new ArrayList<>();
    int requests;

    @Test
    void no_malformed_input_to_any_endpoint_is_a_server_error_or_changes_the_database() throws Exception {
        setUp();
        var endpoints = endpoints();
        assertThat(endpoints).as("handler methods found").hasSizeGreaterThan(40);
        for (var endpoint : endpoints) {
            sweep(endpoint);
        }
        assertThat(failures).as("%d requests", requests).isEmpty();
    }

    record Endpoint(HttpMethod method, String pattern, HandlerMethod handler) {

        boolean api() {
            return pattern.startsWith("/api/");
        }

        boolean admin() {
            return pattern.startsWith("/admin") || pattern.startsWith("/api/v1/admin");
        }
    }

    private List<Endpoint> endpoints() {
        var found = new ArrayList<Endpoint>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            var info = entry.getKey();
            if (!entry.getValue().getBeanType().getPackageName().startsWith("app.stagedoor")) {
                continue;
            }
            Set<org.springframework.web.bind.annotation.RequestMethod> methods =
                    info.getMethodsCondition().getMethods();
            var verbs = methods.isEmpty()
                    ? List.of(HttpMethod.GET, HttpMethod.POST)
                    : methods.stream().map(m -> HttpMethod.valueOf(m.name())).toList();
            for (var pattern : info.getPatternValues()) {
                for (var verb : verbs) {
                    found.add(new Endpoint(verb, pattern, entry.getValue()));
                }
            }
        }
        return found;
    }

    private void sweep(Endpoint endpoint) throws Exception {
        var path = fill(endpoint.pattern());
        // unknown and malformed ids in the address
        for (var variable : variables(endpoint.pattern())) {
            for (var id : IDS) {
                send(
                        endpoint,
                        fill(endpoint.pattern().replace("{" + variable + "}", id)),
                        null,
                        null,
                        Map.of(),
                        Map.of());
            }
        }
        for (var parameter : endpoint.handler().getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                for (var body : BODIES) {
                    send(endpoint, path, body, MediaType.APPLICATION_JSON, Map.of(), Map.of());
                }
                send(endpoint, path, "{\"title\":\"caf\u00e9\"}", MediaType.TEXT_PLAIN, Map.of(), Map.of());
                sendBytes(
                        endpoint, path, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
                for (var field : fields(parameter.getGenericParameterType(), "", 0)) {
                    for (var value : JSON) {
                        send(endpoint, path, json(field, value), MediaType.APPLICATION_JSON, Map.of(), Map.of());
                    }
                }
            } else if (parameter.hasParameterAnnotation(RequestParam.class)) {
                if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                    continue; // uploads: PosterImageTest
                }
                for (var value : TEXT) {
                    send(endpoint, path, null, null, Map.of(name(parameter), value), Map.of());
                }
            } else if (parameter.hasParameterAnnotation(RequestHeader.class)) {
                for (var value : List.of("", "x".repeat(4_000), "🎫", "a\u0001b", "-1", "1e309")) {
                    send(endpoint, path, null, null, Map.of(), Map.of(name(parameter), value));
                }
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class) || isForm(parameter)) {
                for (var field : fields(parameter.getGenericParameterType(), "", 0)) {
                    for (var value : TEXT) {
                        send(endpoint, path, null, null, Map.of(field, value), Map.of());
                    }
                    if (field.contains("[0]")) {
                        for (var index : List.of("[256]", "[-1]", "[abc]", "[99999999999]")) {
                            send(endpoint, path, null, null, Map.of(field.replace("[0]", index), "S"), Map.of());
                        }
                    }
                }
            }
        }
    }

    private static boolean isForm(MethodParameter parameter) {
        var type = parameter.getParameterType();
        return !BeanUtils.isSimpleProperty(type)
                && type.getPackageName().startsWith("app.stagedoor")
                && !type.getSimpleName().equals("MemberPrincipal");
    }

    /** Field names a JSON body or a form binds, nested records, beans and lists included. */
    private static List<String> fields(Type type, String prefix, int depth) {
        var names = new ArrayList<String>();
        Class<?> raw = raw(type);
        if (depth > 3
                || raw == null
                || BeanUtils.isSimpleProperty(raw)
                || raw.getPackageName().startsWith("java")) {
            return names;
        }
        if (raw.isRecord()) {
            for (var component : raw.getRecordComponents()) {
                add(names, prefix + component.getName(), component.getGenericType(), depth);
            }
        } else {
            try {
                for (var property : Introspector.getBeanInfo(raw, Object.class).getPropertyDescriptors()) {
                    if (property.getWriteMethod() != null) {
                        add(
                                names,
                                prefix + property.getName(),
                                property.getWriteMethod().getGenericParameterTypes()[0],
                                depth);
                    }
                }
            } catch (java.beans.IntrospectionException unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }
        return names;
    }

    private static void add(List<String> names, String name, Type type, int depth) {
        names.add(name);
        if (Collection.class.isAssignableFrom(raw(type)) && type instanceof ParameterizedType list) {
            names.addAll(fields(list.getActualTypeArguments()[0], name + "[0].", depth + 1));
        } else {
            names.addAll(fields(type, name + ".", depth + 1));
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
    }

    /** {@code sections[0].name} and a JSON value → {@code {"sections":[{"name":value}]}}. */
    private static String json(String field, String value) {
        var parts = field.split("\\.");
        var json = new StringBuilder();
        var closing = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            var part = parts[i];
            boolean list = part.endsWith("[0]");
            var name = list ? part.substring(0, part.length() - 3) : part;
            json.append("{\"").append(name).append("\":");
            closing.insert(0, "}");
            if (list && i < parts.length - 1) {
                json.append("[");
                closing.insert(0, "]");
            } else if (list) {
                json.append("[").append(value).append("]");
                return json.append(closing).toString();
            }
        }
        return json.append(value).append(closing).toString();
    }

    private static String name(MethodParameter parameter) {
        var param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        var header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return parameter.getParameterName();
    }

    private static List<String> variables(String pattern) {
        var names = new ArrayList<String>();
        var matcher = Pattern.compile("\\{(\\w+)}").matcher(pattern);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private String fill(String pattern) {
        var path = pattern;
        for (var variable : variables(pattern)) {
            path = path.replace("{" + variable + "}", ids.getOrDefault(variable, "1"));
        }
        return path;
    }

    private void send(
            Endpoint endpoint,
            String path,
            String body,
            MediaType type,
            Map<String, String> params,
            Map<String, String> headers)
            throws Exception {
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.request(endpoint.method(), java.net.URI.create("http://localhost" + path));
        if (body != null) {
            request.contentType(type).content(body);
        }
        params.forEach(request::param);
        headers.forEach(request::header);
        describe(
                endpoint,
                request,
                path + " " + params.keySet() + headers.keySet() + " " + shorten(body, params) + shorten(null, headers));
    }

    private void sendBytes(Endpoint endpoint, String path, byte[] body) throws Exception {
        var request = MockMvcRequestBuilders.request(endpoint.method(), java.net.URI.create("http://localhost" + path))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        describe(endpoint, request, path + " non-UTF-8 body");
    }

    private void describe(Endpoint endpoint, MockHttpServletRequestBuilder request, String what) throws Exception {
        request.with(user(endpoint.admin() ? admin : fan)).with(csrf()).header("Accept-Language", "en");
        if (endpoint.pattern().endsWith("seat-map-preview")
                || endpoint.pattern().endsWith("/status")) {
            request.header("HX-Request", "true");
        }
        var before = snapshot();
        requests++;
        MockHttpServletResponse response;
        Exception resolved;
        try {
            var result = mvc.perform(request).andReturn();
            response = result.getResponse();
            resolved = result.getResolvedException();
        } catch (Exception failure) {
            failures.add(endpoint.method() + " " + what + " → threw " + failure);
            return;
        }
        int status = response.getStatus();
        if (status >= 500) {
            failures.add(endpoint.method() + " " + what + " → " + status + " (" + resolved + ")");
        } else if (status >= 400) {
            var text = response.getContentAsString(StandardCharsets.UTF_8);
            boolean explained = endpoint.api()
                    ? text.contains("\"code\"")
                    : !text.isBlank() || response.getErrorMessage() != null || status == 429;
            if (!explained && !(status == 404 || status == 405 || status == 403 || status == 401)) {
                failures.add(endpoint.method() + " " + what + " → " + status + " without a message");
            }
            var after = snapshot();
            if (!after.equals(before)) {
                failures.add(endpoint.method() + " " + what + " → " + status + " but the tables changed: " + before
                        + " → " + after);
            }
        }
    }

    private static String shorten(String body, Map<String, String> params) {
        if (body == null && params.isEmpty()) {
            return "";
        }
        var text = body != null ? body : params.values().toString();
        return text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + ")" : text;
    }

    private String snapshot() {
        var sql = new StringBuilder("SELECT ");
        for (int i = 0; i < BUSINESS_TABLES.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(SELECT COUNT(*) FROM ")
                    .append(BUSINESS_TABLES.get(i))
                    .append(")");
        }
        return jdbc.sql(sql.toString())
                .query((rs, n) -> {
                    var counts = new ArrayList<Long>();
                    for (int i = 1; i <= BUSINESS_TABLES.size(); i++) {
                        counts.add(rs.getLong(i));
                    }
                    return counts.toString();
                })
                .single();
    }

    /** A fan with a hold and an admin with a concert, so that the ids in the addresses exist. */
    private void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        var api = new ApiClient(port);
        var adminToken = api.token("admin", "admin-password-for-tests");
        var fanName = TestData.username("sweep");
        var fanToken = api.newFan(fanName);
        long adminId = jdbc.sql("SELECT id FROM members WHERE username = 'admin'")
                .query(Long.class)
                .single();
        long fanId = jdbc.sql("SELECT id FROM members WHERE username = ?")
                .param(fanName.toLowerCase())
                .query(Long.class)
                .single();
        admin = new MemberPrincipal(adminId, "admin", Role.ADMIN);
        fan = new MemberPrincipal(fanId, fanName.toLowerCase(), Role.FAN);
        var now = Instant.now();
        var created = api.post("/api/v1/admin/concerts", adminToken, """
                {"title":"%s","artist":"A","venue":"V","salesOpenAt":"%s","maxSeatsPerMember":4,
                 "sections":[{"name":"R","rows":2,"seatsPerRow":5,"price":10000}],
                 "performances":[{"startsAt":"%s"}]}
                """.formatted(
                        TestData.username("Sweep"), now.minus(1, ChronoUnit.HOURS), now.plus(7, ChronoUnit.DAYS)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        var concertId = created.body().get("id").asLong();
        var performanceId = created.body().get("performanceIds").get(0).asLong();
        api.admitted(fanToken, concertId);
        long seat = api.get("/api/v1/performances/" + performanceId + "/seats", fanToken)
                .body()
                .get(0)
                .get("id")
                .asLong();
        var held =
                api.post("/api/v1/performances/" + performanceId + "/holds", fanToken, "{\"seatIds\":[" + seat + "]}");
        ids.put("concertId", Long.toString(concertId));
        ids.put("performanceId", Long.toString(performanceId));
        ids.put("reservationId", held.body().get("reservationId").asString());
    }
}
