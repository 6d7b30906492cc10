package dev.storefront.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.testing.Admins;

/** The promotions list finds by name or code, filters by state and sorts by name. */
@QuarkusTest
class AdminListsTest {

    @Test
    void thePromotionsListFindsFiltersAndSorts() {
        String word = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        int zebra = create("Zebra " + word, "ZEB" + word.toUpperCase());
        int apple = create("Apple " + word, "APP" + word.toUpperCase());
        try {
            String byName = page(Map.of("q", word, "sort", "name"));
            assertTrue(byName.indexOf("Apple " + word) > 0 && byName.indexOf("Apple " + word) < byName.indexOf(
                    "Zebra " + word), "by name: " + byName);
            String byCode = page(Map.of("q", "zeb" + word));
            assertTrue(byCode.contains("Zebra " + word) && !byCode.contains("Apple " + word), "by code");
            Admins.asAdmin().body(Map.of("status", "PAUSED")).when().put("/api/v1/admin/promotions/" + apple).then()
                    .statusCode(200);
            String paused = page(Map.of("q", word, "state", "PAUSED"));
            assertTrue(paused.contains("Apple " + word) && !paused.contains("Zebra " + word), "paused only");
        } finally {
            Admins.asAdmin().when().delete("/api/v1/admin/promotions/" + zebra).then().statusCode(204);
            Admins.asAdmin().when().delete("/api/v1/admin/promotions/" + apple).then().statusCode(204);
        }
    }

    private static int create(String name, String code) {
        return Admins.asAdmin().body(Map.of("name", name, "code", code, "kind", "PERCENT_OFF", "percentOff", "5"))
                .when().post("/api/v1/admin/promotions").then().statusCode(201).extract().path("id");
    }

    private static String page(Map<String, String> query) {
        return given().auth().oauth2(Admins.adminToken()).queryParams(query).when().get("/admin/promotions").then()
                .statusCode(200).extract().asString();
    }
}
