package app.stagedoor.concert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.stagedoor.ApiClient;
import app.stagedoor.TestData;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The pages every fan refreshes at an opening: the home page, a concert's page and the public
 * catalogue API are paged, read the same few statements however many concerts there are, and
 * answer anonymous visitors with shared copies a proxy may keep (validators, {@code public}),
 * signed-in fans with private ones. A database of its own, so that the test knows every concert in
 * it; the application's test settings read the database on every request (no snapshot ttl).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "stagedoor.web.rate-limits.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:publicpages;MODE=MySQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1"
        })
@Import(PublicPagesTest.CountedStatements.class)
class PublicPagesTest {

    /** Counts the statements the test's own thread prepares (MockMvc answers on it; schedulers do not count). */
    @TestConfiguration(proxyBeanMethods = false)
    static class CountedStatements {

        static volatile Thread counted;
        static final AtomicInteger COUNT = new AtomicInteger();

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource source ? counting(source) : bean;
                }
            };
        }

        static DataSource counting(DataSource source) {
            return (DataSource) Proxy.newProxyInstance(
                    DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        var result = invoke(source, method, args);
                        return result instanceof Connection connection ? counting(connection) : result;
                    });
        }

        static Connection counting(Connection connection) {
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                    if (Thread.currentThread() == counted) {
                        COUNT.incrementAndGet();
                    }
                }
                return invoke(connection, method, args);
            };
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException failed) {
                throw failed.getCause();
            }
        }
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    MockMvc mvc;

    /** The first seeded concert opens 10 days ago; each next one a minute later (the catalogue's order). */
    static final Instant FIRST_OPENING =
            Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void thirtyPublishedConcerts() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        if (published() == 0) {
            seed(1, 30);
        }
    }

    @Test
    void the_home_page_and_the_catalogue_api_are_paged() throws Exception {
        var first = body(get("/").header("Accept-Language", "en"));
        assertThat(first).contains("Concert 01<", "Concert 24<").doesNotContain("Concert 25<");
        assertThat(first).contains("Page 1 of 2", "href=\"/?page=2\"");

        var second = body(get("/").param("page", "2").header("Accept-Language", "en"));
        assertThat(second).contains("Concert 25<", "Concert 30<").doesNotContain("Concert 24<");
        assertThat(second).contains("Page 2 of 2", "rel=\"prev\"");

        var past = mvc.perform(get("/").param("page", "9").header("Accept-Language", "en"))
                .andReturn()
                .getResponse();
        assertThat(past.getStatus()).isEqualTo(200);
        assertThat(past.getContentAsString()).contains("There are only 2 pages of concerts.", "Back to the first page");

        var api = new ApiClient(port);
        var page = api.get("/api/v1/concerts?page=2&size=24", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).hasSize(6);
        assertThat(page.body().get(0).get("title").asString()).isEqualTo("Concert 25");
        var byDefault = mvc.perform(get("/api/v1/concerts")).andReturn().getResponse();
        assertThat(byDefault.getContentAsString()).contains("\"Concert 20\"").doesNotContain("\"Concert 21\"");
        assertThat(byDefault.getHeader("Link"))
                .isEqualTo("</api/v1/concerts?page=1&size=20>; rel=\"first\", "
                        + "</api/v1/concerts?page=2&size=20>; rel=\"next\", "
                        + "</api/v1/concerts?page=2&size=20>; rel=\"last\"");
        assertThat(api.get("/api/v1/concerts?page=3&size=20", null).raw()).isEqualTo("[]");
    }

    @Test
    void bad_page_numbers_get_clear_answers_never_a_failure() throws Exception {
        var api = new ApiClient(port);
        for (var query : List.of("page=0", "page=-1", "size=0", "size=101")) {
            var refused = api.get("/api/v1/concerts?" + query, null);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.code()).as(query).isEqualTo("VALIDATION");
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        var word = api.get("/api/v1/concerts?page=two", null);
        assertThat(word.status()).isEqualTo(400);
        assertThat(word.code()).isNotNull();

        var zero = mvc.perform(get("/").param("page", "0").header("Accept-Language", "en"))
                .andReturn()
                .getResponse();
        assertThat(zero.getStatus()).isEqualTo(404);
        assertThat(zero.getContentAsString()).contains("<main").doesNotContain("Exception");
        var text = mvc.perform(get("/").param("page", "two").header("Accept-Language", "en"))
                .andReturn()
                .getResponse();
        assertThat(text.getStatus()).isEqualTo(400);
        assertThat(text.getContentAsString()).contains("The request could not be read.");
    }

    @Test
    void the_statements_per_request_do_not_grow_with_the_number_of_concerts() throws Exception {
        long concert = firstConcertId();
        var paths = List.of("/", "/?page=2", "/api/v1/concerts", "/concerts/" + concert, "/api/v1/concerts/" + concert);
        var before = paths.stream().map(this::statements).toList();

        seed(31, 230); // 200 more, each with its dates, sections and seats
        List<Integer> after;
        try {
            after = paths.stream().map(this::statements).toList();
        } finally {
            jdbc.sql("UPDATE concerts SET published = FALSE WHERE title >= 'Concert 31'")
                    .update();
        }

        assertThat(after).isEqualTo(before);
        assertThat(before).allSatisfy(count -> assertThat(count).isBetween(1, 8));
    }

    @Test
    void anonymous_answers_are_shared_copies_revalidated_by_a_version() throws Exception {
        long concert = firstConcertId();
        for (var path : List.of("/", "/concerts/" + concert, "/api/v1/concerts", "/api/v1/concerts/" + concert)) {
            var answer = mvc.perform(get(path).header("Accept-Language", "en"))
                    .andReturn()
                    .getResponse();
            assertThat(answer.getStatus()).as(path).isEqualTo(200);
            assertThat(answer.getHeader("Cache-Control"))
                    .as(path)
                    .isEqualTo("max-age=5, public, stale-while-revalidate=5");
            assertThat(answer.getHeader("Set-Cookie")).as(path).isNull();
            assertThat(answer.getContentAsString()).as(path).doesNotContain("csrf");
            var etag = answer.getHeader("ETag");
            assertThat(etag).as(path).startsWith("W/\"");

            var copy = mvc.perform(get(path).header("Accept-Language", "en"))
                    .andReturn()
                    .getResponse();
            assertThat(copy.getContentAsString()).as(path).isEqualTo(answer.getContentAsString());
            assertThat(copy.getHeader("ETag")).as(path).isEqualTo(etag);
            assertThat(copy.getContentType()).as(path).isEqualTo(answer.getContentType());

            var again = mvc.perform(get(path).header("Accept-Language", "en").header("If-None-Match", etag))
                    .andReturn()
                    .getResponse();
            assertThat(again.getStatus()).as(path).isEqualTo(304);
            assertThat(again.getContentAsString()).as(path).isEmpty();
        }
        var home = mvc.perform(get("/").header("Accept-Language", "en"))
                .andReturn()
                .getResponse();
        assertThat(home.getHeaders("Vary")).contains("Accept-Language", "Cookie");
        var korean = mvc.perform(get("/").header("Accept-Language", "ko"))
                .andReturn()
                .getResponse();
        assertThat(korean.getHeader("ETag")).isNotEqualTo(home.getHeader("ETag"));

        // a price change is a new version: the copy a proxy holds is no longer current
        var paths = List.of("/", "/concerts/" + concert, "/api/v1/concerts", "/api/v1/concerts/" + concert);
        var held = paths.stream().map(path -> etagOf(path)).toList();
        jdbc.sql("UPDATE concert_sections SET price = price + 1000 WHERE concert_id = ?")
                .param(concert)
                .update();
        for (int i = 0; i < paths.size(); i++) {
            var revalidated = mvc.perform(
                            get(paths.get(i)).header("Accept-Language", "en").header("If-None-Match", held.get(i)))
                    .andReturn()
                    .getResponse();
            assertThat(revalidated.getStatus()).as(paths.get(i)).isEqualTo(200);
            assertThat(revalidated.getHeader("ETag")).as(paths.get(i)).isNotEqualTo(held.get(i));
        }
    }

    @Test
    void a_signed_in_fan_gets_a_private_page_with_nothing_of_another_fan() throws Exception {
        var api = new ApiClient(port);
        var one = fan(api);
        var other = fan(api);
        body(get("/").header("Accept-Language", "en")); // an anonymous copy is drawn and kept first
        var page = mvc.perform(get("/").with(user(one)).header("Accept-Language", "en"))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getHeader("Cache-Control")).contains("no-store").doesNotContain("public");
        assertThat(page.getHeader("ETag")).isNull();
        assertThat(page.getContentAsString()).contains(one.getUsername(), "My tickets", "csrf-token");

        var others = body(get("/").with(user(other)).header("Accept-Language", "en"));
        assertThat(others).contains(other.getUsername()).doesNotContain(one.getUsername());
        var anonymous = body(get("/").header("Accept-Language", "en"));
        assertThat(anonymous).doesNotContain(one.getUsername()).doesNotContain("My tickets");

        long concert = firstConcertId();
        var concertPage = mvc.perform(get("/concerts/" + concert).with(user(one)))
                .andReturn()
                .getResponse();
        assertThat(concertPage.getHeader("Cache-Control")).contains("no-store");
        // with a bearer token the API answers privately too
        var token = api.token(one.getUsername(), "stage-door-pass-9");
        var listed = mvc.perform(get("/api/v1/concerts").header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
        assertThat(listed.getStatus()).isEqualTo(200);
        assertThat(listed.getHeader("Cache-Control")).contains("no-store");
    }

    @Test
    void the_door_is_never_kept_and_a_shared_copy_of_a_countdown_redraws_it_at_once() throws Exception {
        var opensLater = Instant.now().plus(2, ChronoUnit.HOURS);
        long concert = concertOpeningAt(opensLater, "Later");
        try {
            var shared = body(get("/concerts/" + concert).header("Accept-Language", "en"));
            assertThat(shared).contains("hx-trigger=\"load, due\"", "data-countdown");

            var door = mvc.perform(get("/concerts/" + concert + "/door").header("HX-Request", "true"))
                    .andReturn()
                    .getResponse();
            assertThat(door.getStatus()).isEqualTo(200);
            assertThat(door.getHeader("Cache-Control")).contains("no-store");
            assertThat(door.getContentAsString()).contains("hx-trigger=\"due\"").contains("data-now");

            var signedIn = body(get("/concerts/" + concert).with(user(fan(new ApiClient(port)))));
            assertThat(signedIn).contains("hx-trigger=\"due\"").doesNotContain("load, due");
        } finally {
            jdbc.sql("UPDATE concerts SET published = FALSE WHERE id = ?")
                    .param(concert)
                    .update();
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private int statements(String path) {
        try {
            mvc.perform(get(path).header("Accept-Language", "en")); // the line's snapshot and the JIT settle
            CountedStatements.COUNT.set(0);
            CountedStatements.counted = Thread.currentThread();
            var answer = mvc.perform(get(path).header("Accept-Language", "en"))
                    .andReturn()
                    .getResponse();
            CountedStatements.counted = null;
            assertThat(answer.getStatus()).as(path).isEqualTo(200);
            return CountedStatements.COUNT.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String etagOf(String path) {
        try {
            return mvc.perform(get(path).header("Accept-Language", "en"))
                    .andReturn()
                    .getResponse()
                    .getHeader("ETag");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private long published() {
        return jdbc.sql("SELECT COUNT(*) FROM concerts WHERE published = TRUE")
                .query(Long.class)
                .single();
    }

    private long firstConcertId() {
        return jdbc.sql("SELECT id FROM concerts WHERE title = 'Concert 01'")
                .query(Long.class)
                .single();
    }

    /** Concerts "Concert 01"… on sale a minute apart, each with two sections and two dates of 20 seats. */
    private void seed(int from, int to) {
        IntStream.rangeClosed(from, to).forEach(n -> {
            var opens = FIRST_OPENING.plus(n, ChronoUnit.MINUTES);
            long id = concertOpeningAt(opens, String.format("Concert %02d", n));
            for (int d = 1; d <= 2; d++) {
                var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
                jdbc.sql("INSERT INTO performances (concert_id, starts_at) VALUES (?, ?)")
                        .params(id, Timestamp.from(Instant.now().plus(30 + d, ChronoUnit.DAYS)))
                        .update(keys, "id");
                long date = keys.getKeyAs(Number.class).longValue();
                jdbc.sql("INSERT INTO seats (performance_id, section, tier, seat_row, seat_number, price)"
                                + " SELECT ?, 'VIP', 1, 1, \"X\", 100000 FROM SYSTEM_RANGE(1, 10)")
                        .param(date)
                        .update();
                jdbc.sql("INSERT INTO seats (performance_id, section, tier, seat_row, seat_number, price)"
                                + " SELECT ?, 'R', 2, 1, \"X\", 50000 FROM SYSTEM_RANGE(1, 10)")
                        .param(date)
                        .update();
            }
        });
    }

    private long concertOpeningAt(Instant opens, String title) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO concerts (title, artist, venue, description, time_zone, sales_open_at,"
                                + " max_seats_per_member, published, created_at) VALUES (?, 'Artist', 'Hall', '', 'Asia/Seoul', ?, 4, TRUE, ?)")
                .params(title, Timestamp.from(opens), Timestamp.from(opens))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("INSERT INTO concert_sections (concert_id, position, name, seat_rows, seats_per_row, price)"
                        + " VALUES (?, 0, 'VIP', 1, 10, 100000), (?, 1, 'R', 1, 10, 50000)")
                .params(id, id)
                .update();
        return id;
    }

    private MemberPrincipal fan(ApiClient api) {
        var username = TestData.username("fan");
        api.newFan(username);
        long id = jdbc.sql("SELECT id FROM members WHERE username = ?")
                .param(username)
                .query(Long.class)
                .single();
        return new MemberPrincipal(id, username, Role.FAN);
    }
}
