package dev.storefront.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

import dev.storefront.testing.Nginx;
import dev.storefront.testing.PackagedStore;

/**
 * More than one machine: two instances of the packaged store behind one Nginx, sharing PostgreSQL and
 * Redis. A cart started on one is continued on the other, and a session opened on one is valid on
 * both, and ended on both. A catalog change made through one reaches the other's read models and
 * search index (PostgreSQL's notification, not a restart).
 */
class TwoInstancesIT {

    @Test
    void aCartAndASessionAreSharedByTwoInstancesBehindNginx() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("DB_NAME", System.getenv().getOrDefault("DB_TEST_NAME", "storefront_test"));
        env.put("REDIS_URL", System.getenv().getOrDefault("REDIS_TEST_URL", "redis://127.0.0.1:56379/1"));
        env.put("DEMO_CATALOG_PRODUCTS", "0");
        env.put("MAIL_MOCK", "true");
        // the suite registered many accounts from 127.0.0.1 in this Redis within the hour
        env.put("REGISTRATIONS_PER_ADDRESS_PER_HOUR", "100000");
        Path data = java.nio.file.Files.createTempDirectory("two-instances");
        try (PackagedStore a = PackagedStore.start(env, "-Dquarkus.profile=dev",
                "-Dstorefront.search-index-dir=" + data.resolve("index-a"));
                PackagedStore b = PackagedStore.start(env, "-Dquarkus.profile=dev",
                        "-Dstorefront.search-index-dir=" + data.resolve("index-b"))) {
            a.awaitReady(Duration.ofMinutes(3));
            b.awaitReady(Duration.ofMinutes(3));
            try (Nginx nginx = Nginx.start(List.of("127.0.0.1:" + a.port, "127.0.0.1:" + b.port))) {
                String slug = given().when().get(a.url("/api/v1/products?inStock=true&size=1&page=3")).then()
                        .statusCode(200).extract().path("items[0].slug");
                String sku = given().when().get(a.url("/api/v1/products/" + slug)).then().extract()
                        .path("variants.find { it.available > 1 }.sku");

                String cart = given().contentType(ContentType.JSON).when().post(a.url("/api/v1/carts")).then()
                        .statusCode(201).extract().path("id");
                add(a.url("/api/v1/carts/" + cart + "/items"), sku);
                add(b.url("/api/v1/carts/" + cart + "/items"), sku);
                assertEquals(2, (int) given().when().get(a.url("/api/v1/carts/" + cart)).then().statusCode(200)
                        .extract().path("lines[0].quantity"), "instance A sees what B added");
                assertEquals(2, (int) given().relaxedHTTPSValidation().when().get(nginx.https("/api/v1/carts/" + cart))
                        .then().statusCode(200).extract().path("lines[0].quantity"), "and so does Nginx, whichever it asks");

                String email = "two-" + UUID.randomUUID() + "@example.com";
                given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "correct horse battery staple",
                        "name", "Two")).when().post(a.url("/api/v1/auth/register")).then().statusCode(201);
                String token = given().contentType(ContentType.JSON).body(Map.of("email", email, "password",
                        "correct horse battery staple")).when().post(a.url("/api/v1/auth/token")).then().statusCode(200)
                        .extract().path("accessToken");
                given().auth().oauth2(token).when().get(b.url("/api/v1/account")).then().statusCode(200);
                for (int i = 0; i < 4; i++) {
                    given().relaxedHTTPSValidation().auth().oauth2(token).when().get(nginx.https("/api/v1/account"))
                            .then().statusCode(200);
                }
                given().auth().oauth2(token).contentType(ContentType.JSON).when().post(b.url("/api/v1/auth/logout"))
                        .then().statusCode(204);
                given().auth().oauth2(token).when().get(a.url("/api/v1/account")).then().statusCode(401);

                aCatalogChangeThroughOneInstanceShowsOnTheOther(a, b, slug, sku);
            }
        }
    }

    private static void aCatalogChangeThroughOneInstanceShowsOnTheOther(PackagedStore a, PackagedStore b, String slug,
            String sku) throws InterruptedException {
        String admin = given().contentType(ContentType.JSON).body(Map.of("email", "admin@storefront.test",
                "password", "demo-admin-password")).when().post(a.url("/api/v1/auth/token")).then().statusCode(200)
                .extract().path("accessToken");
        String name = given().when().get(b.url("/api/v1/products/" + slug)).then().extract().path("name");
        long id = ((Number) given().auth().oauth2(admin).queryParam("q", slug).when()
                .get(a.url("/api/v1/admin/products")).then().statusCode(200).extract()
                .path("items.find { it.slug == '" + slug + "' }.id")).longValue();
        String oldPrice = given().auth().oauth2(admin).when().get(a.url("/api/v1/admin/products/" + id)).then()
                .extract().path("variants.find { it.sku == '" + sku + "' }.price");
        int available = given().when().get(b.url("/api/v1/products/" + slug)).then().extract()
                .path("variants.find { it.sku == '" + sku + "' }.available");
        for (int i = 0; i < 3; i++) { // read on B, so that B serves what it keeps
            given().when().get(b.url("/p/" + slug)).then().statusCode(200);
            given().queryParam("q", name).when().get(b.url("/api/v1/search")).then().statusCode(200);
        }
        try {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("price", "1.23"))
                    .when().put(a.url("/api/v1/admin/variants/" + sku)).then().statusCode(200);
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("delta", 2, "reason", "received"))
                    .when().post(a.url("/api/v1/admin/inventory/" + sku + "/adjustments")).then().statusCode(200);
            awaitOn(b, "/api/v1/products/" + slug, "variants.find { it.sku == '" + sku + "' }.price.amount", 123);
            awaitOn(b, "/api/v1/products/" + slug, "variants.find { it.sku == '" + sku + "' }.available", available + 2);
            assertEquals(true, given().when().get(b.url("/p/" + slug)).then().extract().asString().contains("$1.23"),
                    "B's product page");
            assertEquals(123, (int) given().queryParam("q", name).when().get(b.url("/api/v1/search")).then()
                    .extract().path("items.find { it.slug == '" + slug + "' }.price.amount"), "B's own search index");

            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("active", false))
                    .when().put(a.url("/api/v1/admin/products/" + id)).then().statusCode(200);
            for (int i = 0; i < 50 && given().when().get(b.url("/p/" + slug)).statusCode() != 404; i++) {
                Thread.sleep(100);
            }
            given().when().get(b.url("/p/" + slug)).then().statusCode(404);
        } finally {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("active", true))
                    .when().put(a.url("/api/v1/admin/products/" + id)).then().statusCode(200);
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("price", oldPrice))
                    .when().put(a.url("/api/v1/admin/variants/" + sku)).then().statusCode(200);
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("delta", -2, "reason", "count-correction"))
                    .when().post(a.url("/api/v1/admin/inventory/" + sku + "/adjustments")).then().statusCode(200);
        }
    }

    /** Polls instance {@code store} until the JSON at {@code path} has {@code expected} there (5 s at most). */
    private static void awaitOn(PackagedStore store, String url, String path, Object expected) throws InterruptedException {
        Object seen = null;
        for (int i = 0; i < 50; i++) {
            seen = given().when().get(store.url(url)).then().statusCode(200).extract().path(path);
            if (expected.equals(seen)) {
                return;
            }
            Thread.sleep(100);
        }
        assertEquals(expected, seen, url + " on the other instance");
    }

    private static void add(String url, String sku) {
        given().contentType(ContentType.JSON).body(Map.of("sku", sku, "quantity", 1)).when().post(url).then()
                .statusCode(200);
    }
}
