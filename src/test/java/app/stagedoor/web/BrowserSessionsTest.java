package app.stagedoor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.stagedoor.ApiClient;
import app.stagedoor.FormBrowser;
import app.stagedoor.IntegrationTest;
import app.stagedoor.TestData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Browser sessions live in the database every instance shares (Spring Session JDBC): what a fan
 * notices of that is that nothing changed, signed in for three hours, a new session id at sign-in,
 * gone at sign-out; what an operator notices is that the rows of expired ones go away.
 */
@IntegrationTest
@Tag("database")
class BrowserSessionsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SessionCleanup cleanup;

    FormBrowser browser() {
        return new FormBrowser("http://localhost:" + port);
    }

    /** The id Spring Session keeps for a cookie (the cookie carries it in base64). */
    static String idOf(String cookie) {
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    Integer rowsOf(String cookie) {
        return jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE SESSION_ID = ?")
                .param(idOf(cookie))
                .query(Integer.class)
                .single();
    }

    @Test
    void a_sign_in_is_a_session_row_of_three_hours_under_a_new_id_and_signing_out_deletes_it() {
        var username = TestData.username("sess");
        new ApiClient(port).newFan(username);
        var browser = browser();

        var login = browser.get("/login");
        var anonymous = browser.session();
        assertThat(anonymous)
                .as("the sign-in form's CSRF token is kept in a session")
                .isNotNull();
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow())
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");

        var signedIn = browser.signIn(username, TestData.PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(browser.session())
                .as("session fixation: a new id at sign-in")
                .isNotEqualTo(anonymous);
        assertThat(rowsOf(anonymous))
                .as("the id before sign-in is no longer a session")
                .isZero();
        var row = jdbc.sql("SELECT PRINCIPAL_NAME, MAX_INACTIVE_INTERVAL FROM SPRING_SESSION WHERE SESSION_ID = ?")
                .param(idOf(browser.session()))
                .query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2))
                .single();
        assertThat(row).isEqualTo(username + "/" + Duration.ofHours(3).toSeconds());
        assertThat(browser.get("/wallet").statusCode()).as("signed in").isEqualTo(200);

        var session = browser.session();
        var signedOut = browser.signOut("/wallet");
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/?signedOut");
        assertThat(rowsOf(session)).as("sign-out deletes the session").isZero();
        assertThat(browser.withSession(session)
                        .get("/wallet", "Accept", "text/html")
                        .statusCode())
                .as("the old cookie signs nobody in")
                .isEqualTo(302);
    }

    @Test
    void expired_sessions_are_deleted_by_a_job_that_takes_the_cluster_lock() {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = 'session-cleanup'")
                                .query(Integer.class)
                                .single())
                        .as("the job runs at start, under its ShedLock lock")
                        .isEqualTo(1));
        var now = System.currentTimeMillis();
        var expired = insertSession(
                now - Duration.ofHours(4).toMillis(), now - Duration.ofHours(1).toMillis());
        var live = insertSession(now, now + Duration.ofHours(3).toMillis());

        cleanup.run();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRIMARY_ID = ?")
                        .param(expired)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRIMARY_ID = ?")
                        .param(live)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        jdbc.sql("DELETE FROM SPRING_SESSION WHERE PRIMARY_ID = ?").param(live).update();
    }

    private String insertSession(long lastAccess, long expiry) {
        var id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO SPRING_SESSION (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME,"
                        + " MAX_INACTIVE_INTERVAL, EXPIRY_TIME) VALUES (?, ?, ?, ?, 10800, ?)")
                .params(id, UUID.randomUUID().toString(), lastAccess, lastAccess, expiry)
                .update();
        return id;
    }
}
