package dev.storefront.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.storefront.mail.OutboxEmail;
import dev.storefront.order.Order;
import dev.storefront.order.OrderStatus;
import dev.storefront.testing.Mailbox;
import dev.storefront.testing.Carts;
import dev.storefront.testing.FakeStripe;
import dev.storefront.testing.SmtpServer;
import dev.storefront.testing.TestSkus;

/**
 * Checkout with PAYMENT_PROVIDER=stripe against a fake of Stripe's servers (WireMock) and webhooks
 * signed by the test with the configured secret.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeStripe.class, restrictToAnnotatedClass = true)
class StripeCheckoutTest {

    @Inject
    EntityManager entityManager;

    record Placed(String number, long orderId, String sessionId, String sku, int onHandBefore) {
    }

    @BeforeEach
    void stripeAnswers() {
        FakeStripe.answerNormally();
    }

    @Test
    void aSignedCompletedWebhookPaysTheOrderOnce() throws Exception {
        Placed placed = place();
        FakeStripe.server().verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo("order-" + placed.orderId() + "-session")));

        int mailsBefore = SmtpServer.received().getReceivedMessages().length;
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(FakeStripe.event("checkout.session.completed", placed.sessionId(), "paid"));
        }
        events.add(FakeStripe.event("checkout.session.expired", placed.sessionId(), "unpaid"));
        Collections.shuffle(events);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String event : events) {
                answers.add(pool.submit(() -> webhook(event, FakeStripe.signature(event, FakeStripe.WEBHOOK_SECRET))));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        Order order = QuarkusTransaction.requiringNew().call(() -> Order.<Order>findById(placed.orderId()));
        int onHand = onHand(placed.sku());
        long emails = QuarkusTransaction.requiringNew().call(() -> OutboxEmail.count("orderId", placed.orderId()));
        if (order.status == OrderStatus.PAID) {
            assertEquals(placed.onHandBefore() - 1, onHand, "one stock decrement");
            assertEquals(1, emails, "one email");
            assertTrue(SmtpServer.received().waitForIncomingEmail(15_000, mailsBefore + 1));
        } else {
            // the expired event won the race: the order is cancelled, and the payment that came anyway refunded
            assertEquals(OrderStatus.CANCELLED, order.status);
            assertEquals(placed.onHandBefore(), onHand);
            FakeStripe.server().verify(postRequestedFor(urlPathEqualTo("/v1/refunds")));
        }
    }

    @Test
    void theHappyPathWithStripeEndsPaidWithStockSoldTheCartEmptyAndOneEmail() throws Exception {
        Placed placed = place();
        String event = FakeStripe.event("checkout.session.completed", placed.sessionId(), "paid");
        assertEquals(200, webhook(event, FakeStripe.signature(event, FakeStripe.WEBHOOK_SECRET)));
        Order order = QuarkusTransaction.requiringNew().call(() -> Order.<Order>findById(placed.orderId()));
        assertEquals(OrderStatus.PAID, order.status);
        assertEquals(placed.onHandBefore() - 1, onHand(placed.sku()));
        given().when().get("/api/v1/carts/" + order.cartId).then().statusCode(200)
                .body("lines.size()", org.hamcrest.Matchers.equalTo(0));
        assertEquals(1, Mailbox.await(Mailbox.subjectContains(placed.number())).size(), "one confirmation");
        // Stripe retries a webhook it thinks was lost: nothing happens twice
        assertEquals(200, webhook(event, FakeStripe.signature(event, FakeStripe.WEBHOOK_SECRET)));
        assertEquals(placed.onHandBefore() - 1, onHand(placed.sku()));
    }


    @Test
    void unsignedOrWronglySignedWebhooksAre400AndChangeNothing() {
        Placed placed = place();
        String event = FakeStripe.event("checkout.session.completed", placed.sessionId(), "paid");
        assertEquals(400, webhook(event, null));
        assertEquals(400, webhook(event, FakeStripe.signature(event, "whsec_someone_else")));
        assertEquals(400, webhook(event, FakeStripe.signature(event.replace("paid", "unpaid"),
                FakeStripe.WEBHOOK_SECRET)), "a signature of another body");
        assertEquals(OrderStatus.PENDING_PAYMENT, QuarkusTransaction.requiringNew()
                .call(() -> Order.<Order>findById(placed.orderId()).status));
    }

    @Test
    void theReturnPageAsksStripeWhenTheWebhookIsLate() {
        Placed placed = place();
        FakeStripe.sessionsReadBack("complete", "paid");
        String token = QuarkusTransaction.requiringNew().call(() -> Order.<Order>findById(placed.orderId()).accessToken);
        String page = given().when().get("/orders/" + placed.number() + "?token=" + token).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("Your order is paid"));
        assertEquals(placed.onHandBefore() - 1, onHand(placed.sku()));
    }

    @Test
    void stripeUnreachableLeavesNoOrderHalfMade() {
        String sku = skuWithStock();
        int before = onHand(sku);
        int reservedBefore = reserved(sku);
        String cart = Carts.newCart();
        Carts.add(cart, sku, 1).then().statusCode(200);
        FakeStripe.unreachable();
        given().contentType(ContentType.JSON).body(order(cart)).when().post("/api/v1/checkout").then()
                .statusCode(503).contentType("application/problem+json");
        assertEquals(reservedBefore, reserved(sku), "the stock is released");
        assertEquals(before, onHand(sku));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Order.count("cartId = ?1 and status = ?2",
                cart, OrderStatus.PENDING_PAYMENT)), "no order waits for a payment that cannot start");
    }

    private Placed place() {
        String sku = skuWithStock();
        int onHand = onHand(sku);
        String cart = Carts.newCart();
        Carts.add(cart, sku, 1).then().statusCode(200);
        JsonPath answer = given().contentType(ContentType.JSON).body(order(cart)).when().post("/api/v1/checkout")
                .then().statusCode(201)
                .body("payment.provider", org.hamcrest.Matchers.equalTo("stripe"))
                .body("payment.redirectUrl", startsWith("https://checkout.stripe.test/pay/cs_test_"))
                .extract().jsonPath();
        String number = answer.getString("orderNumber");
        Object[] ids = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select o.id, p.provider_ref from orders o join payments p on p.order_id = o.id where o.number = ?1")
                .setParameter(1, number).getSingleResult());
        return new Placed(number, ((Number) ids[0]).longValue(), (String) ids[1], sku, onHand);
    }

    private static int webhook(String body, String signature) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return request.when().post("/webhooks/stripe").statusCode();
    }

    private static Map<String, Object> order(String cart) {
        return Map.of("cartId", cart, "email", "grace@example.com", "shippingMethod", "standard",
                "shippingAddress", Map.of("name", "Grace Hopper", "line1", "1 Navy Yard", "city", "Arlington",
                        "region", "VA", "postalCode", "22202", "country", "US"));
    }

    private String skuWithStock() {
        return TestSkus.withStock(20).sku();
    }

    private int onHand(String sku) {
        return stockColumn(sku, "on_hand");
    }

    private int reserved(String sku) {
        return stockColumn(sku, "reserved");
    }

    private int stockColumn(String sku, String column) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select s." + column + " from stock_levels s join variants v on v.id = s.variant_id where v.sku = ?1")
                .setParameter(1, sku).getSingleResult()).intValue());
    }
}
