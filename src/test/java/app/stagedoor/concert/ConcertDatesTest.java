package app.stagedoor.concert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.stagedoor.ApiClient;
import app.stagedoor.IntegrationTest;
import app.stagedoor.TestData;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every date from 1970 to 2100 is stored and read back exactly on each database (on MariaDB the
 * seed's driver settings wrote NULL after January 2038), anything else is a field error, and a
 * row outside the range put in by hand never takes the public pages down.
 */
@IntegrationTest
@Tag("database")
class ConcertDatesTest {

    static final MemberPrincipal ADMIN = new MemberPrincipal(1, "admin", Role.ADMIN);

    @LocalServerPort
    int port;

    @Autowired
    Catalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    WebApplicationContext context;

    ApiClient api;
    String admin;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        admin = api.token("admin", "admin-password-for-tests");
    }

    static String plan(String salesOpenAt, String... startsAt) {
        var dates = String.join(
                ",",
                java.util.Arrays.stream(startsAt)
                        .map(s -> "{\"startsAt\":\"" + s + "\"}")
                        .toList());
        return """
                {"title":"%s","artist":"A","venue":"V","salesOpenAt":"%s","maxSeatsPerMember":4,
                 "sections":[{"name":"R","rows":1,"seatsPerRow":2,"price":10000}],"performances":[%s]}
                """.formatted(TestData.username("Dates"), salesOpenAt, dates);
    }

    @Test
    void every_date_from_1970_to_2100_is_stored_and_read_back_exactly() {
        var created = api.post(
                "/api/v1/admin/concerts",
                admin,
                plan(
                        "1970-01-01T00:00:00Z",
                        "2038-01-19T03:14:08Z",
                        "2040-01-01T10:00:00Z",
                        "2099-06-30T12:00:00.250Z",
                        "2100-12-31T23:59:59Z"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        var concert = catalogue.findConcert(created.body().get("id").asLong()).orElseThrow();
        assertThat(concert.salesOpenAt()).isEqualTo(Instant.parse("1970-01-01T00:00:00Z"));
        assertThat(concert.performances().stream().map(PerformanceView::startsAt))
                .containsExactly(
                        Instant.parse("2038-01-19T03:14:08Z"),
                        Instant.parse("2040-01-01T10:00:00Z"),
                        Instant.parse("2099-06-30T12:00:00.250Z"), // to the millisecond
                        Instant.parse("2100-12-31T23:59:59Z"));
        var read = api.get("/api/v1/concerts/" + concert.id(), null);
        assertThat(read.body().get("salesOpenAt").asString()).isEqualTo("1970-01-01T00:00:00Z");
    }

    @ParameterizedTest
    @CsvSource({
        "2026-12-01T00:00:00Z, +10000-01-01T00:00:00Z, performances[0].startsAt",
        "2026-12-01T00:00:00Z, 2101-01-01T00:00:00Z, performances[0].startsAt",
        "1969-12-31T23:59:59Z, 2026-12-24T10:00:00Z, salesOpenAt",
        "-000001-01-01T00:00:00Z, 2026-12-24T10:00:00Z, salesOpenAt"
    })
    void a_date_outside_1970_to_2100_is_a_field_error(String salesOpenAt, String startsAt, String field) {
        var refused = api.post("/api/v1/admin/concerts", admin, plan(salesOpenAt, startsAt));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION");
        assertThat(refused.body().get("fields").toString()).contains(field);
    }

    @Test
    void two_dates_at_the_same_time_are_refused() {
        var refused = api.post(
                "/api/v1/admin/concerts",
                admin,
                plan("2026-12-01T00:00:00Z", "2026-12-24T10:00:00Z", "2026-12-24T10:00:00Z"));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().get("fields").toString()).contains("performances[1].startsAt");
    }

    MockMvc pages() {
        return MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @Test
    void the_admin_form_takes_a_sales_time_after_2038_and_refuses_one_before_1970() throws Exception {
        var mvc = pages();
        for (var salesOpenAt : List.of("2040-01-01T10:00", "1969-12-31T08:59")) {
            var answer = mvc.perform(post("/admin/concerts/new")
                            .with(user(ADMIN))
                            .with(csrf())
                            .param("title", TestData.username("Form"))
                            .param("artist", "A")
                            .param("venue", "V")
                            .param("timeZone", "Asia/Seoul")
                            .param("salesOpenAt", salesOpenAt)
                            .param("maxSeatsPerMember", "4")
                            .param("sections[0].name", "R")
                            .param("sections[0].rows", "1")
                            .param("sections[0].seatsPerRow", "2")
                            .param("sections[0].price", "10000"))
                    .andReturn()
                    .getResponse();
            if (salesOpenAt.startsWith("2040")) {
                assertThat(answer.getStatus()).isEqualTo(302);
                long id = Long.parseLong(answer.getRedirectedUrl().replaceAll("\\D", ""));
                assertThat(catalogue.findConcert(id).orElseThrow().salesOpenAt())
                        .isEqualTo(Instant.parse("2040-01-01T01:00:00Z"));
            } else {
                assertThat(answer.getStatus()).isEqualTo(422);
                assertThat(answer.getContentAsString()).contains("between 1970 and 2100");
            }
        }
    }

    @Test
    void a_row_with_a_date_outside_the_range_put_in_by_hand_never_takes_the_pages_down() throws Exception {
        var created = api.post("/api/v1/admin/concerts", admin, plan("2026-12-01T00:00:00Z", "2026-12-24T10:00:00Z"));
        long id = created.body().get("id").asLong();
        boolean mariaDb = isMariaDb();
        // MariaDB (without NO_ZERO_DATE) takes a zero date, what the seed's driver wrote; H2 cannot
        // store one, so there the row names a year no form can give
        String bad = mariaDb ? "'0000-00-00 00:00:00'" : "TIMESTAMP '9999-12-31 23:59:59'";
        jdbc.sql("INSERT INTO performances (concert_id, starts_at) VALUES (?, " + bad + ")")
                .param(id)
                .update();
        var other = api.post("/api/v1/admin/concerts", admin, plan("2026-12-01T00:00:00Z", "2026-12-24T11:00:00Z"));
        long otherId = other.body().get("id").asLong();
        jdbc.sql("UPDATE concerts SET sales_open_at = " + bad + " WHERE id = ?")
                .param(otherId)
                .update();
        try {
            assertThat(api.get("/", null).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/concerts", null).status()).isEqualTo(200);
            assertThat(api.everyListedConcert()).contains("\"id\":" + id).doesNotContain("\"id\":" + otherId + ",");
            assertThat(api.get("/api/v1/concerts/" + id, null).status()).isEqualTo(200);
            assertThat(api.get("/concerts/" + id, null).status()).isEqualTo(200);
            pages().perform(get("/admin/concerts").with(user(ADMIN))).andExpect(status().isOk());
        } finally {
            jdbc.sql("DELETE FROM performances WHERE concert_id = ? AND NOT (" + PerformanceRepository.SANE + ")")
                    .param(id)
                    .update();
            jdbc.sql(
                            "UPDATE concerts SET sales_open_at = TIMESTAMP '2026-12-01 00:00:00', published = FALSE WHERE id = ?")
                    .param(otherId)
                    .update();
        }
    }

    private boolean isMariaDb() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion().contains("MariaDB");
        }
    }
}
