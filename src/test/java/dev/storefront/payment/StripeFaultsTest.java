package dev.storefront.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.order.Order;
import dev.storefront.order.OrderStatus;
import dev.storefront.testing.Carts;
import dev.storefront.testing.Checkouts;
import dev.storefront.testing.FakeStripe;
import dev.storefront.testing.TestSkus;

/**
 * Stripe failing, slow, then down for a while, through the local fake: each call is tried three times
 * with one idempotency key, a slow answer is given up on, a Stripe that keeps failing is not called at
 * all while the circuit is open, and checkout works again once Stripe does. No order is left half-made.
 * (The test profile closes an open circuit after 1 s and waits 1 s for an answer.)
 */
@QuarkusTest
@QuarkusTestResource(value = FakeStripe.class, restrictToAnnotatedClass = true)
class StripeFaultsTest {

    @BeforeEach
    void stripeIsWellAndTheCircuitClosed() throws InterruptedException {
        FakeStripe.answerNormally();
        Thread.sleep(1_200); // an open circuit half-opens; the first good answer closes it
        checkOut(TestSkus.withStock(5)).then().statusCode(201);
    }

    @Test
    void aStripeAnswering500IsTriedThreeTimesWithOneKeyThenTheShopperGets503AndNothingIsHeld() {
        TestSkus.Sku sku = TestSkus.withStock(5);
        FakeStripe.sessionsFailWith(500);
        checkOut(sku).then().statusCode(503).contentType("application/problem+json");

        List<LoggedRequest> tries = FakeStripe.server().findAll(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
        assertEquals(3, tries.size(), "one call and two retries");
        Set<String> keys = tries.stream().map(r -> r.getHeader("Idempotency-Key")).collect(Collectors.toSet());
        assertEquals(1, keys.size(), "every try with the same idempotency key: " + keys);
        assertEquals(sku.reserved(), TestSkus.now(sku).reserved(), "the order's stock is released");

        FakeStripe.answerNormally();
        checkOut(sku).then().statusCode(201);
    }

    @Test
    void aSlowStripeIsGivenUpOnAndNoOrderWaitsForIt() {
        TestSkus.Sku sku = TestSkus.withStock(5);
        FakeStripe.sessionsAnswerAfter(3_000);
        String cart = cartWith(sku);
        Checkouts.place(Checkouts.body(cart, "slow@example.com"), "192.0.2.50").then().statusCode(503);
        assertEquals(sku.reserved(), TestSkus.now(sku).reserved(), "nothing held for an order that cannot be paid");
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Order.count(
                "cartId = ?1 and status = ?2", cart, OrderStatus.PENDING_PAYMENT)));
    }

    @Test
    void whileStripeKeepsFailingTheCircuitOpensAndCheckoutFailsFastThenRecovers() throws InterruptedException {
        FakeStripe.sessionsFailWith(503);
        checkOut(TestSkus.withStock(5)).then().statusCode(503);
        checkOut(TestSkus.withStock(5)).then().statusCode(503);
        FakeStripe.server().resetRequests();

        checkOut(TestSkus.withStock(5)).then().statusCode(503);
        assertEquals(0, FakeStripe.server().findAll(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))).size(),
                "the open circuit answers without calling Stripe");

        FakeStripe.answerNormally();
        Thread.sleep(1_200);
        checkOut(TestSkus.withStock(5)).then().statusCode(201);
    }

    private static io.restassured.response.Response checkOut(TestSkus.Sku sku) {
        return Checkouts.place(Checkouts.body(cartWith(sku), "faults@example.com"), "192.0.2.51");
    }

    private static String cartWith(TestSkus.Sku sku) {
        String cart = Carts.newCart();
        Carts.add(cart, sku.sku(), 1).then().statusCode(200);
        return cart;
    }
}
