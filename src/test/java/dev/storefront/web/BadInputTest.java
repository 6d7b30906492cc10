package dev.storefront.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.storefront.testing.Admins;
import dev.storefront.testing.Carts;
import dev.storefront.testing.Checkouts;
import dev.storefront.testing.FormClient;
import dev.storefront.testing.LogCapture;
import dev.storefront.testing.TestSkus;

/**
 * What a fuzzer sends: NUL bytes in paths, fields and JSON, JSON nested 2,000 deep or with 2,000-digit
 * numbers, wrong types, broken documents and %-escapes. Each is a 400 that names the field, changes
 * nothing, and never reaches the log as an incident with a stack trace.
 */
@QuarkusTest
class BadInputTest {

    private static final String NUL = "\u0000";

    private LogCapture log;

    @jakarta.inject.Inject
    io.quarkus.redis.datasource.RedisDataSource redis;

    @BeforeEach
    void watchTheLog() {
        log = LogCapture.start();
    }

    @AfterEach
    void nothingWasAnIncident() {
        log.close();
        assertEquals(List.of(), log.withStackTraces().stream().map(r -> r.getMessage()).toList(),
                "bad input is the client's problem, not a stack trace in the log");
    }

    @Test
    void nulInCheckoutFieldsIsRefusedByName() {
        String cart = Carts.newCart();
        Carts.add(cart, TestSkus.withStock(1).sku(), 1).then().statusCode(200);
        Map<String, Object> order = Checkouts.body(cart, "ada" + NUL + "@example.com");
        problem(Checkouts.place(order, "203.0.113.40").then(), 400).body("errors.field", hasItem("email"));

        Map<String, Object> badAddress = Checkouts.body(cart, "ada@example.com");
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) badAddress.get("shippingAddress");
        address.put("line1", "12 Analytical" + NUL + " Way");
        problem(Checkouts.place(badAddress, "203.0.113.40").then(), 400)
                .body("errors.field", hasItem("shippingAddress.line1"))
                .body("errors.message", hasItem(containsString("control character")));
        // nothing was placed: the cart checks out normally afterwards, as a first order
        Checkouts.place(Checkouts.body(cart, "ada@example.com"), "203.0.113.40").then().statusCode(201);
    }

    @Test
    void nulInSignUpEmail() {
        problem(given().contentType(ContentType.JSON)
                .body(Map.of("email", "x" + NUL + "@example.com", "password", "a long enough password", "name", "X"))
                .when().post("/api/v1/auth/register").then(), 400).body("errors.field", hasItem("email"));
    }

    @Test
    void nulInPathsAndQueries() {
        for (String path : List.of("/api/v1/products/%00", "/api/v1/orders/SF%00", "/api/v1/search?q=boot%00")) {
            problem(given().urlEncodingEnabled(false).when().get(path).then(), 400);
        }
        for (String path : List.of("/p/%00", "/orders/%00", "/search?q=%00", "/pay/test/%00")) {
            given().urlEncodingEnabled(false).when().get(path).then().statusCode(400)
                    .contentType(startsWith("text/html")).body(containsString("control character"));
        }
    }

    @Test
    void nulInFormFields() {
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("sku", "A" + NUL)
                .formParam("quantity", "1").when().post("/cart/items").then().statusCode(400)
                .body(containsString("control character"));
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("email", "a" + NUL + "@b.c")
                .formParam("password", "x").when().post("/login").then().statusCode(400);
    }

    @Test
    void jsonTooDeepOrTooLongToRead() {
        String cart = Carts.newCart();
        String deep = "[".repeat(2_000) + "]".repeat(2_000);
        problem(json(deep).post("/api/v1/carts/" + cart + "/items").then(), 400)
                .body("errors.field", hasItem("body"));
        String longNumber = "{\"sku\":\"X\",\"quantity\":1" + "0".repeat(2_000) + "}";
        problem(json(longNumber).post("/api/v1/carts/" + cart + "/items").then(), 400);
        String deepCheckout = "{\"cartId\":" + "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500) + "}";
        problem(json(deepCheckout).post("/api/v1/checkout").then(), 400);
        emptyCart(cart);
    }

    @Test
    void wrongTypesAndBrokenDocumentsNameTheProblem() {
        String cart = Carts.newCart();
        String sku = TestSkus.withStock(2).sku();
        String items = "/api/v1/carts/" + cart + "/items";
        problem(json("{\"sku\": 42, \"quantity\": 1}").post(items).then(), 400)
                .body("errors[0].field", equalTo("sku")).body("errors[0].message", equalTo("must be text"));
        problem(json("{\"sku\": \"" + sku + "\", \"quantity\": 1.9}").post(items).then(), 400)
                .body("errors[0].field", equalTo("quantity"))
                .body("errors[0].message", equalTo("must be a whole number"));
        problem(json("{\"sku\": \"" + sku + "\", \"quantity\": {}}").post(items).then(), 400)
                .body("errors[0].field", equalTo("quantity"));
        problem(json("{\"sku\": ").post(items).then(), 400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", startsWith("is not valid JSON"));
        problem(json("{\"sku\": \"" + sku + "\", \"quantity\": 1} {\"sku\": \"x\"}").post(items).then(), 400)
                .body("errors[0].message", equalTo("has more after the end of the JSON document"));
        problem(json("[1, 2]").post(items).then(), 400).body("errors[0].field", equalTo("body"));
        emptyCart(cart);
    }

    @Test
    void brokenPercentEscapes() throws Exception {
        for (String path : List.of("/cart/items", "/login", "/checkout")) {
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded").body("%%%=&&")
                    .when().post(path).then().statusCode(400).body(containsString("well-formed"));
        }
        // no HTTP client library sends such a query string; a socket does (the HTTP server refuses it
        // before the store sees it)
        String answer = rawRequest("GET /api/v1/search?q=%%% HTTP/1.1");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    }

    @Test
    void whatTheSecondFuzzerFound() {
        String cart = Carts.newCart();
        String sku = TestSkus.withStock(3).sku();
        String items = "/api/v1/carts/" + cart + "/items";
        problem(json("{\"sku\": \"" + sku + "\", \"quantity\": 1, \"quantity\": 2}").post(items).then(), 400)
                .body("errors[0].message", containsString("Duplicate field"));
        problem(json("{\"sku\": \"" + sku + "\", \"quantity\": \"1\"}").post(items).then(), 400)
                .body("errors[0].field", equalTo("quantity"));
        emptyCart(cart);

        FormClient shopper = new FormClient();
        shopper.open("/");
        for (String quantity : List.of("abc", "1.9", "1e1")) {
            assertEquals(400, shopper.submit("/cart/items", Map.of("sku", sku, "quantity", quantity)).statusCode(),
                    "quantity " + quantity);
        }

        problem(Admins.asAdmin().body("{\"name\": \"X\", \"brand\": \"Y\", \"categoryId\": 1, \"variants\": [null]}")
                .when().post("/api/v1/admin/products").then(), 400).body("errors.field", hasItem("variants[0]"));
        problem(Admins.asAdmin().body("{\"name\": \"X\", \"brand\": \"Y\", \"categoryId\": 1, \"variants\": "
                + "[{\"sku\": \"NUL-1\", \"price\": \"1.00\", \"attributes\": {\"si\\u0000ze\": \"M\"}}]}")
                .when().post("/api/v1/admin/products").then(), 400)
                .body("errors[0].message", containsString("control character"));
    }

    @Test
    void aVisitorsNotFoundPageLeavesEveryCartInRedis() {
        String cart = Carts.newCart();
        Carts.add(cart, TestSkus.withStock(1).sku(), 1).then().statusCode(200);
        assertTrue(redis.key().exists("cart:" + cart), "the cart's snapshot is in Redis");
        given().cookie("sf_cart", cart).when().get("/no-such-page").then().statusCode(404);
        given().cookie("sf_cart", cart).when().put("/cart").then().statusCode(405);
        assertTrue(redis.key().exists("cart:" + cart), "an error page does not make the store drop carts");
        assertTrue(log.messages().stream().noneMatch(m -> m.contains("Redis unreachable")), log.messages().toString());
    }

    @Test
    void redirectTargetsThatAreNotAddressesAreReplaced() {
        String[] customer = Admins.newCustomer();
        FormClient.forgetFailedSignIns(redis);
        FormClient browser = new FormClient();
        browser.open("/login");
        var signedIn = browser.submit("/login", Map.of("email", customer[0], "password", "correct horse battery staple",
                "next", "/account?x=a b|c"));
        assertEquals(303, signedIn.statusCode());
        assertTrue(signedIn.header("Location").endsWith("/account"), signedIn.header("Location"));
    }

    @Test
    void tenRegistrationsOfOneEmailAtOnceMakeOneAccount() throws Exception {
        String email = "twin-" + java.util.UUID.randomUUID() + "@example.com";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> given().contentType(ContentType.JSON)
                        .body(Map.of("email", email, "password", "correct horse battery staple", "name", "Twin"))
                        .when().post("/api/v1/auth/register").then().extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(9, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void adminListsRefuseOffsetsAndDatesPastAnyReason() {
        problem(Admins.asAdmin().when().get("/api/v1/admin/orders?page=21474838&size=100").then(), 400)
                .body("errors[0].field", equalTo("page"));
        problem(Admins.asAdmin().when().get("/api/v1/admin/orders?to=-999999999-01-01").then(), 400)
                .body("errors[0].field", equalTo("to"));
    }

    private static String rawRequest(String requestLine) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static io.restassured.specification.RequestSpecification json(String body) {
        return given().contentType(ContentType.JSON).body(body).when();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(equalTo("application/problem+json"))
                .body("status", equalTo(status));
    }

    private static void emptyCart(String cart) {
        given().when().get("/api/v1/carts/" + cart).then().statusCode(200).body("itemCount", equalTo(0));
    }
}
