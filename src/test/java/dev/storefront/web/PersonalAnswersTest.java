package dev.storefront.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.testing.Admins;
import dev.storefront.testing.Carts;

/** Answers about one person are never stored by a browser or a shared cache; the public catalog may be. */
@QuarkusTest
class PersonalAnswersTest {

    @Test
    void accountOrdersAdminAndCartsAreNoStore() {
        String[] customer = Admins.newCustomer();
        given().auth().oauth2(customer[1]).when().get("/api/v1/account").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
        given().auth().oauth2(customer[1]).when().get("/api/v1/account/orders").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
        Admins.asAdmin().when().get("/api/v1/admin/orders").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
        given().when().get("/api/v1/carts/" + Carts.newCart()).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
        given().when().get("/api/v1/categories").then().statusCode(200)
                .header("Cache-Control", not(equalTo("no-store")));
    }
}
