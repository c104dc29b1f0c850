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

/** Sign-up and tokens over real HTTP, including the lock after repeated wrong passwords. */
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
        assertThat(token.body().get("expiresIn").asLong()).isEqualTo(3600);
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
    void a_wrong_password_is_UNAUTHORIZED_and_five_in_a_row_lock_only_that_account() {
        var victim = TestData.username("victim");
        var bystander = TestData.username("bystander");
        api.newFan(victim);
        api.newFan(bystander);

        for (int attempt = 1; attempt <= 5; attempt++) {
            var wrong = api.basic("POST", "/api/v1/auth/token", victim, "guess-" + attempt);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.code()).isEqualTo("UNAUTHORIZED");
        }
        var locked = api.basic("POST", "/api/v1/auth/token", victim, "stage-door-pass-9");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.code()).isEqualTo("ACCOUNT_LOCKED");

        assertThat(api.basic("POST", "/api/v1/auth/token", bystander, "stage-door-pass-9")
                        .status())
                .isEqualTo(200);
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
}
