package dev.storefront.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.storefront.cart.CartStore;

/** Carts through the public API, for tests of the cart and of what comes after it. */
public final class Carts {

    private Carts() {
    }

    public static String newCart() {
        String id = given().contentType(ContentType.JSON).when().post("/api/v1/carts").then().statusCode(201)
                .extract().path("id");
        assertTrue(CartStore.isWellFormed(id), "an unguessable id: " + id);
        return id;
    }

    public static Response add(String cart, String sku, int quantity) {
        return given().contentType(ContentType.JSON).body(Map.of("sku", sku, "quantity", quantity))
                .when().post("/api/v1/carts/" + cart + "/items");
    }
}
