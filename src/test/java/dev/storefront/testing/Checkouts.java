package dev.storefront.testing;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Checkouts through the public API: a valid US order for a cart, from a chosen client address. */
public final class Checkouts {

    private Checkouts() {
    }

    /** A valid checkout of the cart, shipped to California by the standard method. */
    public static Map<String, Object> body(String cart, String email) {
        Map<String, Object> address = new HashMap<>(Map.of("name", "Ada Lovelace", "line1", "12 Analytical Way",
                "city", "San Francisco", "region", "CA", "postalCode", "94105", "country", "US"));
        return new HashMap<>(Map.of("cartId", cart, "email", email, "shippingAddress", address,
                "shippingMethod", "standard"));
    }

    /** POST /api/v1/checkout as if Nginx forwarded it from {@code clientAddress}. */
    public static Response place(Map<String, Object> body, String clientAddress) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", clientAddress).body(body)
                .when().post("/api/v1/checkout");
    }
}
