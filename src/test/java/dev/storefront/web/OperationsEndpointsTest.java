package dev.storefront.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessChecksPostgresqlAndRedis() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Cart storage"))
                .body("checks.find { it.name == 'Cart storage' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Cart storage' }.data.redis", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
    }

    @Test
    void readinessReportsEmailAndTheSearchIndexWithoutFailingOnThem() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'Email' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Email' }.data.smtp", equalTo("reachable"))
                .body("checks.find { it.name == 'Search index' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Search index' }.data.documents", org.hamcrest.Matchers.greaterThan(0))
                .body("checks.find { it.name == 'Search index' }.data.rebuilding", equalTo(false));
    }

    @Test
    void theStoresOwnMetricsCountWhatHappens() {
        double placedBefore = metric("storefront_orders_placed_total");
        double addsBefore = metric("storefront_cart_operations_total", "operation=\"add\"", "result=\"success\"");
        double searchesBefore = metric("storefront_search_duration_seconds_count");
        given().queryParam("q", "shirt").when().get("/api/v1/search").then().statusCode(200);
        String sku = io.restassured.RestAssured.given().when().get("/api/v1/products?inStock=true&size=1").then()
                .extract().path("items[0].slug");
        String variant = given().when().get("/api/v1/products/" + sku).then().extract()
                .path("variants.find { it.available > 0 }.sku");
        String cart = dev.storefront.testing.Carts.newCart();
        dev.storefront.testing.Carts.add(cart, variant, 1).then().statusCode(200);
        given().contentType(io.restassured.http.ContentType.JSON).body(java.util.Map.of("cartId", cart, "email",
                "metrics@example.com", "shippingMethod", "standard", "shippingAddress", java.util.Map.of("name", "M",
                        "line1", "1 Main St", "city", "Springfield", "region", "IL", "postalCode", "62701", "country", "US")))
                .when().post("/api/v1/checkout").then().statusCode(201);
        assertEquals(placedBefore + 1, metric("storefront_orders_placed_total"));
        assertEquals(addsBefore + 1, metric("storefront_cart_operations_total", "operation=\"add\"", "result=\"success\""));
        assertTrue(metric("storefront_search_duration_seconds_count") >= searchesBefore + 1);
        String all = given().when().get("/q/metrics").then().extract().asString();
        for (String name : java.util.List.of("storefront_checkout_duration_seconds{quantile=\"0.99\"}",
                "storefront_payments_failed_total", "storefront_reservations_expired_total",
                "storefront_webhook_lag_seconds_count", "storefront_outbox_backlog", "process_files_open_files",
                "process_files_max_files", "cache_gets_total{cache=\"listings\",result=\"hit\"}",
                "cache_gets_total{cache=\"pages\",result=\"miss\"}", "cache_gets_total{cache=\"related\",result=\"hit\"}")) {
            assertTrue(all.contains(name), name + " is exported");
        }
    }

    /** The sum of a metric's samples whose labels contain all of these, from the Prometheus text. */
    private static double metric(String name, String... labels) {
        String all = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : all.split("\n")) {
            if ((line.startsWith(name + " ") || line.startsWith(name + "{"))
                    && java.util.Arrays.stream(labels).allMatch(line::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    @Test
    void prometheusMetricsIncludeHttpRequests() {
        given().when().get("/").then().statusCode(200);
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void everyAnswerCarriesARequestIdNginxsWhenItSentOne() {
        given().header("X-Request-Id", "0123456789abcdef").when().get("/").then()
                .header("X-Request-Id", "0123456789abcdef");
        String made = given().when().get("/api/v1/categories").then().extract().header("X-Request-Id");
        assertTrue(made.matches("[0-9a-f]{32}"), made);
        given().header("X-Request-Id", "<script>").when().get("/").then()
                .header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void pagesCarrySecurityHeaders() {
        given().when().get("/").then()
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("default-src 'self'"));
    }
}
