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
 * both, and ended on both.
 */
class TwoInstancesIT {

    @Test
    void aCartAndASessionAreSharedByTwoInstancesBehindNginx() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("DB_NAME", System.getenv().getOrDefault("DB_TEST_NAME", "storefront_test"));
        env.put("REDIS_URL", System.getenv().getOrDefault("REDIS_TEST_URL", "redis://127.0.0.1:56379/1"));
        env.put("DEMO_CATALOG_PRODUCTS", "0");
        env.put("MAIL_MOCK", "true");
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
            }
        }
    }

    private static void add(String url, String sku) {
        given().contentType(ContentType.JSON).body(Map.of("sku", sku, "quantity", 1)).when().post(url).then()
                .statusCode(200);
    }
}
