package dev.storefront.checkout;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.storefront.order.Order;
import dev.storefront.payment.PaymentConfirmation;
import dev.storefront.testing.Carts;
import dev.storefront.testing.Checkouts;
import dev.storefront.testing.FormClient;
import dev.storefront.testing.TestSkus;

/**
 * A script that checks out fresh carts cannot hold more than the caps: per shopper (email or account)
 * and per client address, in orders and in units; the refused checkout reserves nothing; paying an
 * order frees its place; the cart's own pending order is always resumed, cap or not.
 */
@QuarkusTest
@TestProfile(ReservationCapsTest.SmallCaps.class)
class ReservationCapsTest {

    /** The caps small enough to reach in a test (every other test runs without caps). */
    public static class SmallCaps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("storefront.checkout.max-pending-orders", "2", "storefront.checkout.max-reserved-units", "5",
                    "storefront.checkout.max-pending-orders-per-address", "4",
                    "storefront.checkout.max-reserved-units-per-address", "8");
        }
    }

    @Inject
    PaymentConfirmation confirmation;

    @Test
    void oneShopperHoldsAtMostTwoUnpaidOrdersUntilOneIsPaid() {
        TestSkus.Sku sku = TestSkus.withStock(10);
        String first = placeOne(sku, 1, "greedy@example.com", "203.0.113.10");
        String second = cartWith(sku, 1);
        Checkouts.place(Checkouts.body(second, "greedy@example.com"), "203.0.113.11").then().statusCode(201);
        int reserved = TestSkus.now(sku).reserved();

        // a third, from another address and with the email in capitals: still the same shopper
        Checkouts.place(Checkouts.body(cartWith(sku, 1), "GREEDY@example.com"), "203.0.113.12").then()
                .statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("status", equalTo(429)).body("detail", containsString("2 orders waiting for payment"));
        assertEquals(reserved, TestSkus.now(sku).reserved(), "the refused checkout reserved nothing");

        // the shopper's own cart is resumed whatever the cap: a retry is never refused
        Checkouts.place(Checkouts.body(second, "greedy@example.com"), "203.0.113.11").then().statusCode(200);

        confirmation.paymentSucceeded(orderOfCart(first).id, "test");
        Checkouts.place(Checkouts.body(cartWith(sku, 1), "greedy@example.com"), "203.0.113.12").then()
                .statusCode(201);
    }

    @Test
    void oneShopperHoldsAtMostFiveUnits() {
        TestSkus.Sku sku = TestSkus.withStock(20);
        // six in one order can never fit, however long the shopper waits: no Retry-After, a field to fix
        Checkouts.place(Checkouts.body(cartWith(sku, 6), "bulk@example.com"), "203.0.113.20").then()
                .statusCode(400).header("Retry-After", nullValue())
                .body("errors.find { it.field == 'cartId' }.message", containsString("at most 5"));
        placeOne(sku, 4, "bulk@example.com", "203.0.113.20");
        Checkouts.place(Checkouts.body(cartWith(sku, 2), "bulk@example.com"), "203.0.113.21").then()
                .statusCode(429).body("detail", containsString("already hold 4 items"));
    }

    @Test
    void aScriptWithFreshEmailsFromOneAddressIsCappedToo() {
        TestSkus.Sku sku = TestSkus.withStock(30);
        int before = TestSkus.now(sku).reserved();
        int placed = 0;
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            int status = Checkouts.place(Checkouts.body(cartWith(sku, 2), "bot" + i + "@example.com"), "203.0.113.30")
                    .then().extract().statusCode();
            if (status == 201) {
                placed++;
            } else {
                assertEquals(429, status);
                refused++;
            }
        }
        assertEquals(4, placed, "at most 8 units from one address, in orders of 2");
        assertEquals(4, refused);
        assertEquals(before + 8, TestSkus.now(sku).reserved(), "the script holds no more than the cap");
    }

    @Test
    void theCheckoutPageSaysWhyWithA429() {
        TestSkus.Sku sku = TestSkus.withStock(10);
        placeOne(sku, 1, "page@example.com", "203.0.113.40");
        placeOne(sku, 1, "page@example.com", "203.0.113.40");
        String cart = cartWith(sku, 1);
        FormClient browser = new FormClient().cookie("sf_cart", cart).header("X-Forwarded-For", "203.0.113.40");
        browser.open("/checkout");
        browser.submit("/checkout", Map.of("email", "page@example.com", "name", "Page", "line1", "1 Main St",
                "city", "Austin", "region", "TX", "postalCode", "73301", "country", "US", "shippingMethod", "standard"))
                .then().statusCode(429).header("Retry-After", notNullValue())
                .body(containsString("orders waiting for payment"));
    }

    private static String placeOne(TestSkus.Sku sku, int quantity, String email, String address) {
        String cart = cartWith(sku, quantity);
        Checkouts.place(Checkouts.body(cart, email), address).then().statusCode(201);
        return cart;
    }

    private static String cartWith(TestSkus.Sku sku, int quantity) {
        String cart = Carts.newCart();
        Carts.add(cart, sku.sku(), quantity).then().statusCode(200);
        return cart;
    }

    private static Order orderOfCart(String cart) {
        return QuarkusTransaction.requiringNew().call(() -> Order.<Order>find("cartId", cart).firstResult());
    }

}
