package dev.storefront.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Bearer tokens for the demo admin and for a fresh customer, and requests made with them. */
public final class Admins {

    private Admins() {
    }

    public static String adminToken() {
        var config = ConfigProvider.getConfig();
        return token(config.getValue("storefront.admin.email", String.class),
                config.getValue("storefront.admin.password", String.class));
    }

    /** A request as the admin, sending and expecting JSON. */
    public static RequestSpecification asAdmin() {
        return given().auth().oauth2(adminToken()).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Registers a customer and returns {email, token}. */
    public static String[] newCustomer() {
        String email = "customer-" + UUID.randomUUID() + "@example.com";
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "correct horse battery staple", "name", "C"))
                .when().post("/api/v1/auth/register").then().statusCode(201);
        return new String[] { email, token(email, "correct horse battery staple") };
    }

    /**
     * Registers an account and gives it staff access through the admin API; returns {email, token, id}, the
     * token issued after the change (the change signs the account out everywhere).
     */
    public static String[] newStaff() {
        String[] customer = newCustomer();
        int id = asAdmin().queryParam("q", customer[0]).when().get("/api/v1/admin/customers").then().statusCode(200)
                .extract().path("items[0].id");
        asAdmin().body(Map.of("access", "staff")).when().put("/api/v1/admin/customers/" + id + "/access").then()
                .statusCode(200);
        return new String[] { customer[0], token(customer[0], "correct horse battery staple"), Integer.toString(id) };
    }

    public static String token(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
    }
}
