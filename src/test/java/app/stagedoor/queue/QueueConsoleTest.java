package app.stagedoor.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.stagedoor.ApiClient;
import app.stagedoor.IntegrationTest;
import app.stagedoor.TestConcerts;
import app.stagedoor.TestData;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The organiser's console against the whole application: every change is in the audit log with
 * its old and new value, whether it came from the page or the API; admissions by hand keep to the
 * cap; the metrics show each concert's line. On H2 and on MariaDB.
 */
@IntegrationTest
@Tag("database")
class QueueConsoleTest {

    static final MemberPrincipal ORGANISER = new MemberPrincipal(1, "admin", Role.ADMIN);

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QueueConsole console;

    @Autowired
    WaitingRoom room;

    @Autowired
    QueuePromoter promoter;

    @Autowired
    QueueMetrics metrics;

    @Autowired
    LineCounts counts;

    ApiClient api;
    MockMvc mvc;
    String organiser;
    long concert;

    @BeforeEach
    void aConcertOnSale() {
        api = new ApiClient(port);
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        organiser = api.token("admin", "admin-password-for-tests");
        concert = TestConcerts.onSaleNow(jdbc);
    }

    /** Paused, so the running promoter admits nobody and what the test admits by hand is all there is. */
    void settings(Integer maxActive, boolean paused) {
        console.change(concert, new QueueSettings(50, 10, maxActive, 600, 300, 10, paused), "admin");
    }

    List<String> fansJoin(int count) {
        var tokens = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            var token = api.newFan(TestData.username("fan"));
            assertThat(api.post("/api/v1/concerts/" + concert + "/queue", token, null)
                            .status())
                    .isEqualTo(200);
            tokens.add(token);
        }
        promoter.place(concert); // the places the promoter's next tick gives
        return tokens;
    }

    String statusOf(String fan) {
        return api.get("/api/v1/concerts/" + concert + "/queue", fan)
                .body()
                .get("status")
                .asString();
    }

    @Test
    void changes_from_the_form_and_from_the_api_are_audited_old_to_new() throws Exception {
        mvc.perform(post("/admin/concerts/" + concert + "/waiting-room")
                .with(user(ORGANISER))
                .with(csrf())
                .param("admitCount", "20")
                .param("admitIntervalSeconds", "10")
                .param("activeSeconds", "600")
                .param("holdSeconds", "300")
                .param("preQueueMinutes", "10")
                .param("paused", "true"));
        var put = api.send("PUT", "/api/v1/admin/concerts/" + concert + "/queue-settings", organiser, """
                {"admitCount":30,"admitIntervalSeconds":10,"maxActive":100,"activeSeconds":600,
                 "holdSeconds":300,"preQueueMinutes":10,"paused":true}""");
        assertThat(put.status()).isEqualTo(200);

        var audit = api.get("/api/v1/admin/concerts/" + concert + "/queue-audit", organiser);
        assertThat(audit.status()).isEqualTo(200);
        var rows = new ArrayList<String>();
        audit.body()
                .forEach(row -> rows.add(row.get("by").asString() + " "
                        + row.get("field").asString() + " " + text(row.get("from")) + " → " + text(row.get("to"))));
        assertThat(rows)
                .as("newest first, one row per setting that changed")
                .containsExactly(
                        "admin maxActive null → 100",
                        "admin admitCount 20 → 30",
                        "admin paused false → true",
                        "admin admitCount 50 → 20");
        assertThat(audit.body().get(0).get("at").asString()).endsWith("Z");
    }

    static String text(tools.jackson.databind.JsonNode value) {
        return value == null || value.isNull() ? "null" : value.asString();
    }

    @Test
    void settings_out_of_range_are_a_validation_problem_naming_the_field_and_change_nothing() {
        var refused = api.send("PUT", "/api/v1/admin/concerts/" + concert + "/queue-settings", organiser, """
                {"admitCount":30,"admitIntervalSeconds":0,"maxActive":-1,"activeSeconds":600,
                 "holdSeconds":300,"preQueueMinutes":10,"paused":false}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("VALIDATION");
        assertThat(refused.body().get("fields").toString()).contains("admitIntervalSeconds", "maxActive");
        assertThat(console.audit(concert, 10)).isEmpty();
    }

    @Test
    void admit_now_lets_in_no_more_than_the_cap_and_says_it_was_the_cap() {
        settings(3, true);
        var fans = fansJoin(5);

        var done = console.admitNow(concert, 5, "admin");

        assertThat(done.admitted()).isEqualTo(3);
        assertThat(done.capped()).isTrue();
        assertThat(fans.stream().map(this::statusOf))
                .as("the first three in line")
                .containsExactly("ACTIVE", "ACTIVE", "ACTIVE", "WAIT", "WAIT");
        assertThat(console.admitEveryone(concert, "admin").admitted()).isZero();
        assertThat(console.audit(concert, 2))
                .extracting(AuditLog.Entry::what, AuditLog.Entry::from, AuditLog.Entry::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("admitEveryone", null, "0"),
                        org.assertj.core.groups.Tuple.tuple("admitNow", "5", "3"));
    }

    @Test
    void admit_everyone_empties_the_line_when_there_is_no_cap() {
        settings(null, true);
        var fans = fansJoin(4);
        var done = console.admitEveryone(concert, "admin");
        assertThat(done.admitted()).isEqualTo(4);
        assertThat(done.capped()).isFalse();
        assertThat(fans.stream().map(this::statusOf)).containsOnly("ACTIVE");
        assertThat(console.figures(concert).waiting()).isZero();
    }

    @Test
    void a_cap_below_the_fans_admitted_now_admits_nobody_and_breaks_nothing() {
        settings(null, true);
        fansJoin(4);
        console.admitEveryone(concert, "admin");
        var waiting = fansJoin(2);

        settings(2, false); // below the 4 admitted now: allowed
        assertThat(promoter.promote(concert).admitted()).isZero();
        var byHand = console.admitNow(concert, 2, "admin");

        assertThat(byHand.admitted()).isZero();
        assertThat(byHand.capped()).isTrue();
        assertThat(waiting.stream().map(this::statusOf)).containsOnly("WAIT");
        var figures = console.figures(concert);
        assertThat(figures.active()).isEqualTo(4);
        assertThat(figures.capReached()).isTrue();
        assertThat(api.get("/api/v1/concerts/" + concert + "/queue", waiting.get(0))
                        .body()
                        .get("position")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void the_message_reaches_the_line_and_is_audited() {
        // paused without an audit row of its own: the running promoter must not admit the fan (an
        // admitted fan is told no message), and the audit below is the message's alone
        room.updateSettings(concert, new QueueSettings(50, 10, null, 600, 300, 10, true), "admin");
        var fan = fansJoin(1).get(0);
        assertThat(statusOf(fan)).isEqualTo("WAIT");
        console.changeMessage(concert, "  Sales resume at 8 PM ", "admin");
        assertThat(api.get("/api/v1/concerts/" + concert + "/queue", fan)
                        .body()
                        .get("message")
                        .asString())
                .as("what every waiting fan is told, trimmed")
                .isEqualTo("Sales resume at 8 PM");
        console.changeMessage(concert, "", "admin");
        assertThat(api.get("/api/v1/concerts/" + concert + "/queue", fan).body().has("message"))
                .isFalse();
        assertThat(console.audit(concert, 5))
                .extracting(AuditLog.Entry::from, AuditLog.Entry::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Sales resume at 8 PM", null),
                        org.assertj.core.groups.Tuple.tuple(null, "Sales resume at 8 PM"));
    }

    @Test
    void the_audit_api_is_for_organisers_only() {
        var fan = api.newFan(TestData.username("fan"));
        var refused = api.get("/api/v1/admin/concerts/" + concert + "/queue-audit", fan);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/admin/concerts/" + concert + "/queue-audit", null)
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/admin/concerts/999999999/queue-audit", organiser)
                        .code())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void prometheus_shows_each_concerts_line_for_organisers() throws Exception {
        settings(null, true);
        fansJoin(2);
        // the instance's own refresh may have counted the line (for 2 s) between the joins and their places
        counts.forget(concert);
        metrics.refresh();

        var scrape = mvc.perform(get("/actuator/prometheus").with(user(ORGANISER)))
                .andReturn()
                .getResponse();
        assertThat(scrape.getStatus()).isEqualTo(200);
        var text = scrape.getContentAsString();
        var tag = "concert=\"" + concert + "\"";
        assertThat(text)
                .contains("stagedoor_queue_tickets{" + tag + ",state=\"waiting\"} 2.0")
                .contains("stagedoor_queue_tickets{" + tag + ",state=\"active\"} 0.0")
                .contains("stagedoor_queue_joins_total{" + tag + "} 2.0")
                .contains("stagedoor_queue_admitted_total{" + tag + "} 0.0")
                .contains("stagedoor_queue_expired_total{" + tag + ",reason=\"abandoned\"} 0.0");

        var fan = new MemberPrincipal(5, "fan", Role.FAN);
        assertThat(mvc.perform(get("/actuator/prometheus").with(user(fan)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }
}
