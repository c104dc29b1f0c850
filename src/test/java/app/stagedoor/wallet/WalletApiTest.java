package app.stagedoor.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import app.stagedoor.ApiClient;
import app.stagedoor.IntegrationTest;
import app.stagedoor.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/v1/wallet} over real HTTP: every answer and every error code. */
@IntegrationTest
class WalletApiTest {

    @LocalServerPort
    int port;

    ApiClient api;
    String token;

    @BeforeEach
    void aFan() {
        api = new ApiClient(port);
        token = api.newFan(TestData.username("api"));
    }

    @Test
    void a_new_wallet_is_empty_and_tops_up() {
        assertThat(api.get("/api/v1/wallet", token).body().get("balance").asLong())
                .isZero();
        var charged = api.post("/api/v1/wallet/charges", token, "{\"amount\":15000}");
        assertThat(charged.status()).isEqualTo(200);
        assertThat(charged.body().get("balance").asLong()).isEqualTo(15_000);
        assertThat(api.get("/api/v1/wallet", token).body().get("balance").asLong())
                .isEqualTo(15_000);
    }

    @Test
    void transactions_are_paged_newest_first() {
        for (int amount : new int[] {1_000, 2_000, 3_000}) {
            api.post("/api/v1/wallet/charges", token, "{\"amount\":" + amount + "}");
        }
        var page = api.get("/api/v1/wallet/transactions?page=0&size=2", token).body();
        assertThat(page.get("totalItems").asLong()).isEqualTo(3);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("amount").asLong()).isEqualTo(3_000);
        assertThat(page.get("items").get(0).get("balanceAfter").asLong()).isEqualTo(6_000);
        assertThat(page.get("items").get(0).get("type").asString()).isEqualTo("CHARGE");
        assertThat(page.get("items").get(0).get("createdAt").asString()).endsWith("Z");
        var second = api.get("/api/v1/wallet/transactions?page=1&size=2", token).body();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("amount").asLong()).isEqualTo(1_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5000", "999", "1000001", "9223372036854775807"})
    void an_amount_outside_the_bounds_is_INVALID_AMOUNT(String amount) {
        var refused = api.post("/api/v1/wallet/charges", token, "{\"amount\":" + amount + "}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("INVALID_AMOUNT");
        assertThat(refused.body().get("detail").asString()).contains("₩1,000").contains("₩1,000,000");
        assertThat(api.get("/api/v1/wallet", token).body().get("balance").asLong())
                .isZero();
    }

    @Test
    void the_balance_ceiling_is_BALANCE_LIMIT_and_changes_nothing() {
        for (int i = 0; i < 10; i++) {
            assertThat(api.post("/api/v1/wallet/charges", token, "{\"amount\":1000000}")
                            .status())
                    .isEqualTo(200);
        }
        var refused = api.post("/api/v1/wallet/charges", token, "{\"amount\":1000}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("BALANCE_LIMIT");
        assertThat(refused.body().get("detail").asString()).contains("₩10,000,000");
        assertThat(api.get("/api/v1/wallet", token).body().get("balance").asLong())
                .isEqualTo(10_000_000);
        assertThat(api.get("/api/v1/wallet/transactions", token)
                        .body()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"amount\":\"abc\"}",
                "{\"amount\":5000.5}",
                "{\"amount\":1e30}",
                "{\"amount\":99999999999999999999}",
                "{}",
                "{\"amount\":null}",
                "{\"amount\":[1]}",
                "{\"amount\":{}}",
                "{\"amount\":true}"
            })
    void a_wrong_type_or_missing_amount_is_VALIDATION_naming_the_field(String body) {
        var refused = api.post("/api/v1/wallet/charges", token, body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION");
        assertThat(refused.body().get("fields").toString()).contains("amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "[]", "\"amount\"", "{\"amount\":1000,}"})
    void an_unreadable_body_is_MALFORMED_REQUEST(String body) {
        var refused = api.post("/api/v1/wallet/charges", token, body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isIn("MALFORMED_REQUEST", "VALIDATION");
    }

    @Test
    void an_empty_body_and_a_wrong_content_type_are_refused_with_a_code() {
        var empty = api.post("/api/v1/wallet/charges", token, null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("MALFORMED_REQUEST");
        var form =
                api.send("POST", "/api/v1/wallet/charges", token, "amount=5000", "application/x-www-form-urlencoded");
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=-1", "size=0", "size=101", "page=abc", "size=1.5", "page=99999999999"})
    void bad_paging_is_VALIDATION(String query) {
        var refused = api.get("/api/v1/wallet/transactions?" + query, token);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION");
    }

    @Test
    void without_a_valid_token_it_is_UNAUTHORIZED() {
        for (String bad : new String[] {null, "nonsense", token.substring(0, token.length() - 3) + "abc"}) {
            var refused = api.get("/api/v1/wallet", bad);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("UNAUTHORIZED");
        }
    }

    @Test
    void unknown_addresses_and_methods_are_NOT_FOUND_and_METHOD_NOT_ALLOWED() {
        var missing = api.get("/api/v1/wallet/nothing-here", token);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("NOT_FOUND");
        var wrongMethod = api.send("DELETE", "/api/v1/wallet", token, null);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.code()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void a_fan_is_FORBIDDEN_from_the_admin_api() {
        var refused = api.post("/api/v1/admin/concerts", token, "{}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void errors_speak_the_callers_language() {
        var refused = api.exchange(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/wallet/charges"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept-Language", "ko-KR")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"amount\":10}")));
        assertThat(refused.body().get("detail").asString()).contains("1,000원");
    }

    @Test
    void a_field_refused_by_a_plain_constraint_is_explained_in_the_callers_language() {
        for (var language :
                new String[][] {{"ko-KR", "값을 입력하세요.", "1 이상으로 입력하세요."}, {"en", "is required", "must be at least 1"}}) {
            var missing = api.exchange(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + "/api/v1/wallet/charges"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept-Language", language[0])
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(missing.body().get("errors").get(0).get("message").asString())
                    .isEqualTo(language[1]);
            var page = api.exchange(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + "/api/v1/wallet/transactions?size=0"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept-Language", language[0])
                    .GET());
            assertThat(page.body().get("errors").get(0).get("message").asString())
                    .isEqualTo(language[2]);
        }
    }
}
