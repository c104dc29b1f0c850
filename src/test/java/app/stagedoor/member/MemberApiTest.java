package app.stagedoor.member;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.IntegrationTest;
import app.stagedoor.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-up and tokens over real HTTP, including the throttle after repeated wrong passwords. */
@IntegrationTest
class MemberApiTest {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void a_signed_up_fan_gets_a_bearer_token() {
        var name = TestData.username("Mixed.Case");
        var created =
                api.post("/api/v1/members", null, "{\"username\":\"" + name + "\",\"password\":\"stage-door-pass-9\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("username").asString()).isEqualTo(name.toLowerCase());

        var token = api.basic("POST", "/api/v1/auth/token", name.toUpperCase(), "stage-door-pass-9");
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.body().get("tokenType").asString()).isEqualTo("Bearer");
        // three hours: a fan signs in well before an on-sale and stays signed in through it
        assertThat(token.body().get("expiresIn").asLong()).isEqualTo(3 * 3600);
        assertThat(api.get("/api/v1/wallet", token.body().get("accessToken").asString())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_taken_username_is_USERNAME_TAKEN_whatever_its_case() {
        var name = TestData.username("taken");
        api.post("/api/v1/members", null, "{\"username\":\"" + name + "\",\"password\":\"stage-door-pass-9\"}");
        var again = api.post(
                "/api/v1/members",
                null,
                "{\"username\":\"" + name.toUpperCase() + "\",\"password\":\"stage-door-pass-9\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("USERNAME_TAKEN");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"username\":\"ab\",\"password\":\"stage-door-pass-9\"}",
                "{\"username\":\"has space\",\"password\":\"stage-door-pass-9\"}",
                "{\"username\":\"fine-name\",\"password\":\"short\"}",
                "{\"username\":\"fine-name\"}",
                "{\"password\":\"stage-door-pass-9\"}",
                "{\"username\":42,\"password\":\"stage-door-pass-9\"}",
                "{\"username\":\"korean-pw\",\"password\":\"가나다라마바사아자차카타파하가나다라마바사아자차카\"}",
                "{\"username\":\"fine-name\",\"password\":\"qwerty123\"}",
                "{\"username\":\"fine-name\",\"password\":\"FINE-NAME\"}",
                "{}"
            })
    void a_malformed_account_is_VALIDATION_naming_the_fields(String body) {
        var refused = api.post("/api/v1/members", null, body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION");
        assertThat(refused.body().get("fields")).isNotEmpty();
    }

    @Test
    void five_wrong_passwords_slow_down_only_that_address_and_a_stranger_cannot_lock_the_fan_out() throws Exception {
        var victim = TestData.username("victim");
        api.newFan(victim);
        var nobody = TestData.username("nobody");

        for (var username : java.util.List.of(victim, nobody)) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                var wrong = api.basic("POST", "/api/v1/auth/token", username, "guess-" + attempt);
                assertThat(wrong.status()).isEqualTo(401);
                assertThat(wrong.code()).isEqualTo("UNAUTHORIZED");
            }
            // the attacker's address now waits, for a real account and an unknown one alike
            var waiting = api.basic("POST", "/api/v1/auth/token", username, "stage-door-pass-9");
            assertThat(waiting.status()).as(username).isEqualTo(429);
            assertThat(waiting.code()).isEqualTo("RATE_LIMITED");
        }
        // the fan, from their own address, signs in at once
        assertThat(tokenStatusFrom("127.0.0.3", victim, "stage-door-pass-9")).isEqualTo(200);
    }

    /** The token endpoint called from another loopback address, as a second client would. */
    private int tokenStatusFrom(String localAddress, String username, String password) throws Exception {
        var credentials = java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (var socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(localAddress, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
            var request = "POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            var statusLine =
                    new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void an_unknown_user_is_UNAUTHORIZED_like_a_wrong_password() {
        var refused = api.basic("POST", "/api/v1/auth/token", TestData.username("nobody"), "stage-door-pass-9");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void the_first_admin_exists_and_is_an_admin() {
        var token = api.token("admin", "admin-password-for-tests");
        assertThat(api.get("/api/v1/admin/nothing", token).status()).isEqualTo(404);
    }

    @Test
    void a_right_password_clears_the_count_of_wrong_ones() {
        var fan = TestData.username("forgetful");
        api.newFan(fan);
        for (int round = 0; round < 2; round++) {
            for (int attempt = 1; attempt <= 4; attempt++) {
                assertThat(api.basic("POST", "/api/v1/auth/token", fan, "wrong-" + attempt)
                                .code())
                        .isEqualTo("UNAUTHORIZED");
            }
            assertThat(api.basic("POST", "/api/v1/auth/token", fan, "stage-door-pass-9")
                            .status())
                    .as("four wrong in a row, then right, round %d", round)
                    .isEqualTo(200);
        }
    }

    @Test
    void a_call_with_a_bearer_token_is_no_sign_in_and_leaves_the_count_of_wrong_ones() {
        var fan = TestData.username("tokened");
        var token = api.newFan(fan);
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(api.basic("POST", "/api/v1/auth/token", fan, "wrong-" + attempt)
                            .code())
                    .isEqualTo("UNAUTHORIZED");
        }
        assertThat(api.get("/api/v1/wallet", token).status()).isEqualTo(200);
        assertThat(api.basic("POST", "/api/v1/auth/token", fan, "wrong-5").code())
                .isEqualTo("UNAUTHORIZED");
        assertThat(api.basic("POST", "/api/v1/auth/token", fan, "stage-door-pass-9")
                        .status())
                .as("five wrong passwords from here, with a token call between them: this address waits")
                .isEqualTo(429);
    }
}
