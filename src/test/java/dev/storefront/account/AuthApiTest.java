package dev.storefront.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;

import dev.storefront.config.StoreConfig;
import dev.storefront.testing.FormClient;
import dev.storefront.testing.LogCapture;

/** API clients: registration, tokens, refresh rotation, logout, throttling and roles. */
@QuarkusTest
class AuthApiTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Inject
    RedisDataSource redis;

    @Inject
    StoreConfig config;

    /** Every request here comes from 127.0.0.1; start each test with no failed sign-ins counted. */
    @BeforeEach
    void forgetFailedSignIns() {
        FormClient.forgetFailedSignIns(redis);
    }

    @Test
    void registerSignInReadTheAccountLogOutAndTheOldTokenIsRefused() {
        String email = newEmail();
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD, "name", "Ada"))
                .when().post("/api/v1/auth/register").then()
                .statusCode(201).body("email", equalTo(email)).body("id", notNullValue());
        JsonPath tokens = signIn(email, PASSWORD);
        assertEquals(900, tokens.getInt("expiresIn"));
        String access = tokens.getString("accessToken");

        given().auth().oauth2(access).when().get("/api/v1/account").then()
                .statusCode(200).body("email", equalTo(email)).body("name", equalTo("Ada"))
                .body("roles", equalTo(List.of("customer")));
        given().auth().oauth2(access).when().get("/api/v1/account/orders").then().statusCode(200);

        given().auth().oauth2(access).contentType(ContentType.JSON).when().post("/api/v1/auth/logout").then()
                .statusCode(204);
        given().auth().oauth2(access).when().get("/api/v1/account").then()
                .statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void aRefreshTokenWorksOnceAndAReplayEndsTheWholeSession() {
        String email = registered();
        JsonPath first = signIn(email, PASSWORD);
        JsonPath second = refresh(first.getString("refreshToken")).then().statusCode(200).extract().jsonPath();
        assertNotEquals(first.getString("refreshToken"), second.getString("refreshToken"));
        given().auth().oauth2(second.getString("accessToken")).when().get("/api/v1/account").then().statusCode(200);

        // the first refresh token again: someone kept a copy
        refresh(first.getString("refreshToken")).then().statusCode(401).contentType("application/problem+json");
        refresh(second.getString("refreshToken")).then().statusCode(401);
        given().auth().oauth2(second.getString("accessToken")).when().get("/api/v1/account").then().statusCode(401);
        given().auth().oauth2(first.getString("accessToken")).when().get("/api/v1/account").then().statusCode(401);
    }

    @Test
    void theSixthWrongPasswordIsRefusedWith429AndTheRightOneWorksAfterTheWindow() {
        String email = registered();
        for (int attempt = 1; attempt <= 5; attempt++) {
            credentials(email, "wrong password " + attempt).then().statusCode(401);
        }
        var blocked = credentials(email, "wrong password 6").then().statusCode(429)
                .contentType("application/problem+json").extract();
        long retryAfter = Long.parseLong(blocked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After within the window: " + retryAfter);
        credentials(email, PASSWORD).then().statusCode(429);

        // fifteen minutes later: the counters have expired in Redis
        forgetFailedSignIns();
        credentials(email, PASSWORD).then().statusCode(200);
    }

    @Test
    void twentyParallelWrongPasswordsAreCountedBeforeAnyIsChecked() throws Exception {
        String email = registered();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                answers.add(pool.submit(() -> from("198.51.100.7", email, "wrong password " + n).then().extract()
                        .statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(5, statuses.stream().filter(s -> s == 401).count(), "five were checked: " + statuses);
            assertEquals(15, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void wrongPasswordsFromOnePlaceLockNobodyElseOut() {
        String victim = registered();
        for (int attempt = 1; attempt <= 6; attempt++) {
            from("203.0.113.66", victim, "guess " + attempt);
        }
        from("203.0.113.66", victim, PASSWORD).then().statusCode(429);
        from("198.51.100.20", victim, PASSWORD).then().statusCode(200); // the owner, elsewhere, gets in

        // one careless user behind an office's shared address does not lock out a colleague there
        String careless = registered();
        String colleague = registered();
        for (int attempt = 1; attempt <= 6; attempt++) {
            from("192.0.2.50", careless, "typo " + attempt);
        }
        from("192.0.2.50", colleague, PASSWORD).then().statusCode(200);
    }

    private static io.restassured.response.Response from(String address, String email, String password) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password)).when().post("/api/v1/auth/token");
    }

    @Test
    void unknownAccountsAndWrongPasswordsGetTheSameAnswer() {
        String email = registered();
        String wrongPassword = credentials(email, "not the password").then().statusCode(401).extract().asString();
        String noAccount = credentials(newEmail(), "not the password").then().statusCode(401).extract().asString();
        assertEquals(wrongPassword.replace("/api/v1/auth/token", ""), noAccount.replace("/api/v1/auth/token", ""));
    }

    @Test
    void rolesDecideWhatATokenMayDoAndBadTokensAre401() {
        String customer = signIn(registered(), PASSWORD).getString("accessToken");
        given().auth().oauth2(customer).contentType(ContentType.JSON).when().post("/api/v1/admin/search/reindex")
                .then().statusCode(403).contentType("application/problem+json");

        String admin = signIn(config.admin().email(), config.admin().password()).getString("accessToken");
        given().auth().oauth2(admin).contentType(ContentType.JSON).when().post("/api/v1/admin/search/reindex")
                .then().statusCode(200).body("products", notNullValue());

        String tampered = customer.substring(0, customer.length() - 4)
                + (customer.endsWith("AAAA") ? "BBBB" : "AAAA");
        String expired = Jwt.subject("1").upn("someone@example.com").groups("admin").claim("sid", "x")
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        try (LogCapture log = LogCapture.start()) {
            for (String bad : List.of(tampered, expired, "not-a-jwt")) {
                given().auth().oauth2(bad).when().get("/api/v1/account").then()
                        .statusCode(401).contentType("application/problem+json");
            }
            given().when().get("/api/v1/account").then().statusCode(401).contentType("application/problem+json");
            assertEquals(List.of(), log.withStackTraces(), "bad tokens log no stack trace");
        }
    }

    @Test
    void registrationNamesEveryBadFieldAndNeverFails500() {
        Object[][] cases = {
                { "email", "a".repeat(10_000) + "@example.com", PASSWORD },
                { "email", "not-an-email", PASSWORD },
                { "password", newEmail(), "password123" },
                { "password", newEmail(), "short" },
                { "password", "same.as.password@example.com", "same.as.password@example.com" } };
        for (Object[] c : cases) {
            given().contentType(ContentType.JSON).body(Map.of("email", c[1], "password", c[2], "name", "X"))
                    .when().post("/api/v1/auth/register").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(c[0]));
        }
        String email = registered();
        given().contentType(ContentType.JSON).body(Map.of("email", email.toUpperCase(), "password", PASSWORD))
                .when().post("/api/v1/auth/register").then()
                .statusCode(400).body("errors.field", hasItem("email"));
        given().contentType(ContentType.JSON).body("").when().post("/api/v1/auth/register").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{not json").when().post("/api/v1/auth/register").then()
                .statusCode(400);
    }

    private static String newEmail() {
        return "shopper-" + UUID.randomUUID() + "@example.com";
    }

    private static String registered() {
        String email = newEmail();
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD, "name", "Shopper"))
                .when().post("/api/v1/auth/register").then().statusCode(201);
        return email;
    }

    private static JsonPath signIn(String email, String password) {
        return credentials(email, password).then().statusCode(200)
                .body("accessToken", notNullValue()).body("refreshToken", notNullValue())
                .extract().jsonPath();
    }

    private static io.restassured.response.Response credentials(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/api/v1/auth/token");
    }

    private static io.restassured.response.Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .when().post("/api/v1/auth/refresh");
    }
}
