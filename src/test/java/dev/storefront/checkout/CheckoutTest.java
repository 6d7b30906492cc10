package dev.storefront.checkout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import dev.storefront.mail.OutboxEmail;
import dev.storefront.mail.OutboxSender;
import dev.storefront.order.Order;
import dev.storefront.order.OrderStatus;
import dev.storefront.testing.Carts;
import dev.storefront.testing.FormClient;
import dev.storefront.testing.SmtpServer;

/** The order pipeline over HTTP with the test payment provider, against PostgreSQL, Redis and SMTP. */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class CheckoutTest {

    @Inject
    EntityManager entityManager;

    @Inject
    PaymentConfirmation confirmation;

    @Inject
    CheckoutService checkout;

    @Inject
    OutboxSender outbox;

    record Stock(long variantId, String sku, int onHand, int reserved) {
    }

    @Test
    void theHappyPathEndsPaidWithStockSoldTheCartEmptyAndOneEmail() throws Exception {
        Stock before = skuWithStock(20, 0);
        String cart = Carts.newCart();
        Carts.add(cart, before.sku(), 2).then().statusCode(200);
        long unitPrice = unitPrice(before.sku());

        // tampered amounts in the request are not even read: the server prices the cart itself
        Map<String, Object> body = order(cart, "US", "standard");
        body.put("total", Map.of("amount", 1, "currency", "USD"));
        body.put("lines", List.of(Map.of("sku", before.sku(), "quantity", 2, "unitPrice", 1)));
        JsonPath placed = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/checkout").then()
                .statusCode(201).body("status", equalTo("PENDING_PAYMENT"))
                .body("payment.provider", equalTo("test"))
                .body("payment.redirectUrl", startsWith("/pay/test/"))
                .extract().jsonPath();
        long subtotal = unitPrice * 2;
        long shipping = subtotal >= 5000 ? 0 : 499;
        assertEquals(subtotal + shipping, placed.getLong("total.amount"), "US: no tax; server prices win");
        assertEquals(before.reserved() + 2, stock(before.sku()).reserved(), "stock is held for the order");

        int mailsBefore = SmtpServer.received().getReceivedMessages().length;
        FormClient shopper = new FormClient();
        String payPage = shopper.open(placed.getString("payment.redirectUrl"));
        assertTrue(payPage.contains("Test payment"));
        Response paid = shopper.submit(placed.getString("payment.redirectUrl").replaceFirst("\\?.*", ""),
                Map.of("decision", "pay", "return", placed.getString("orderUrl")));
        assertEquals(303, paid.statusCode());
        String orderUrl = placed.getString("orderUrl");
        assertTrue(paid.header("Location").endsWith(orderUrl));

        given().when().get("/api/v1" + orderUrl).then().statusCode(200).body("status", equalTo("PAID"))
                .body("lines[0].sku", equalTo(before.sku())).body("lines[0].quantity", equalTo(2));
        Stock after = stock(before.sku());
        assertEquals(before.onHand() - 2, after.onHand(), "two sold");
        assertEquals(before.reserved(), after.reserved(), "the reservation became the sale");
        given().when().get("/api/v1/carts/" + cart).then().statusCode(200).body("lines.size()", equalTo(0));
        assertTrue(shopper.open(orderUrl).contains("Your order is paid"));

        assertTrue(SmtpServer.received().waitForIncomingEmail(15_000, mailsBefore + 1), "the confirmation arrives");
        MimeMessage mail = SmtpServer.received().getReceivedMessages()[mailsBefore];
        String text = GreenMailUtil.getBody(mail);
        assertTrue(mail.getSubject().contains(placed.getString("orderNumber")));
        assertTrue(text.contains(dev.storefront.web.MoneyFormat.money("USD", subtotal + shipping)), text);
        Thread.sleep(2500);
        assertEquals(mailsBefore + 1, SmtpServer.received().getReceivedMessages().length, "exactly one email");
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select count(*) from inventory_movements where order_id = (select id from orders where number = ?1)",
                Long.class).setParameter(1, placed.getString("orderNumber")).getSingleResult()),
                "one inventory movement");
    }

    @Test
    void twoHundredConcurrentCheckoutsForTenInStockMakeTenOrders() throws Exception {
        Stock sku = skuWithStock(0, 1);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update stock_levels set on_hand = 10, reserved = 0 where variant_id = ?1")
                .setParameter(1, sku.variantId()).executeUpdate());
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String cart = Carts.newCart();
            Carts.add(cart, sku.sku(), 1).then().statusCode(200);
            carts.add(cart);
        }
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (String cart : carts) {
                answers.add(pool.submit(() -> given().contentType(ContentType.JSON).body(order(cart, "US", "standard"))
                        .when().post("/api/v1/checkout")));
            }
            List<String> placed = new ArrayList<>();
            int refused = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                if (response.statusCode() == 201) {
                    placed.add(response.jsonPath().getString("orderNumber"));
                } else {
                    assertEquals(409, response.statusCode(), response.asString());
                    assertTrue(response.jsonPath().getString("detail").contains("Not enough stock"));
                    refused++;
                }
            }
            assertEquals(10, placed.size(), "exactly the stock");
            assertEquals(190, refused);
            assertEquals(10, stock(sku.sku()).reserved());
            for (String number : placed) {
                long id = QuarkusTransaction.requiringNew().call(() -> Order.findByNumber(number).orElseThrow().id);
                confirmation.paymentSucceeded(id);
            }
        } finally {
            pool.shutdown();
        }
        Stock after = stock(sku.sku());
        assertEquals(0, after.onHand(), "all ten sold, never below zero");
        assertEquals(0, after.reserved(), "nothing left held");
    }

    @Test
    void duplicateAndConflictingPaymentResultsChangeNothingTwice() throws Exception {
        Stock sku = skuWithStock(20, 2);
        String cart = Carts.newCart();
        Carts.add(cart, sku.sku(), 1).then().statusCode(200);
        String number = given().contentType(ContentType.JSON).body(order(cart, "DE", "express"))
                .when().post("/api/v1/checkout").then().statusCode(201).extract().path("orderNumber");
        long id = QuarkusTransaction.requiringNew().call(() -> Order.findByNumber(number).orElseThrow().id);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> confirmation.paymentSucceeded(id)));
                if (i == 3) {
                    calls.add(pool.submit(() -> confirmation.cancel(id, "declined")));
                }
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }
        Order order = QuarkusTransaction.requiringNew().call(() -> Order.<Order>findById(id));
        assertTrue(order.status == OrderStatus.PAID || order.status == OrderStatus.CANCELLED);
        Stock after = stock(sku.sku());
        if (order.status == OrderStatus.PAID) {
            assertEquals(sku.onHand() - 1, after.onHand(), "sold once");
            assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxEmail.count("orderId", id)));
        } else {
            assertEquals(sku.onHand(), after.onHand(), "a cancelled order sold nothing");
        }
        assertEquals(sku.reserved(), after.reserved(), "the hold is gone either way");
    }

    @Test
    void anExpiredReservationIsReleasedAndTheStockCanBeBoughtAgain() {
        Stock sku = skuWithStock(0, 3);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update stock_levels set on_hand = 1, reserved = 0 where variant_id = ?1")
                .setParameter(1, sku.variantId()).executeUpdate());
        String first = Carts.newCart();
        Carts.add(first, sku.sku(), 1).then().statusCode(200);
        String number = given().contentType(ContentType.JSON).body(order(first, "US", "standard"))
                .when().post("/api/v1/checkout").then().statusCode(201).extract().path("orderNumber");
        String second = Carts.newCart();
        Carts.add(second, sku.sku(), 1).then().statusCode(400).body("errors.field", hasItem("quantity"));

        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update orders set reserved_until = now() - interval '1 minute' where number = ?1")
                .setParameter(1, number).executeUpdate());
        assertTrue(checkout.releaseExpiredNow() >= 1);
        assertEquals(OrderStatus.CANCELLED, QuarkusTransaction.requiringNew()
                .call(() -> Order.findByNumber(number).orElseThrow().status));
        assertEquals(0, stock(sku.sku()).reserved());
        Carts.add(second, sku.sku(), 1).then().statusCode(200);
        given().contentType(ContentType.JSON).body(order(second, "US", "standard"))
                .when().post("/api/v1/checkout").then().statusCode(201);
    }

    @Test
    void theSmtpServerBeingDownDelaysTheEmailButNotThePayment() throws Exception {
        Stock sku = skuWithStock(20, 4);
        String cart = Carts.newCart();
        Carts.add(cart, sku.sku(), 1).then().statusCode(200);
        String number = given().contentType(ContentType.JSON).body(order(cart, "GB", "standard"))
                .when().post("/api/v1/checkout").then().statusCode(201).extract().path("orderNumber");
        long id = QuarkusTransaction.requiringNew().call(() -> Order.findByNumber(number).orElseThrow().id);
        SmtpServer.down();
        try {
            confirmation.paymentSucceeded(id);
            assertEquals(OrderStatus.PAID, QuarkusTransaction.requiringNew()
                    .call(() -> Order.<Order>findById(id).status), "paid at once");
            outbox.sendDueNow();
            OutboxEmail pending = QuarkusTransaction.requiringNew().call(() -> OutboxEmail
                    .<OutboxEmail>find("orderId", id).firstResult());
            assertTrue(pending.sentAt == null && pending.attempts >= 1 && pending.lastError != null,
                    "not sent, will be retried");
        } finally {
            SmtpServer.up();
        }
        int before = SmtpServer.received().getReceivedMessages().length;
        // the retry pause has passed
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update outbox_emails set next_attempt_at = now() where order_id = ?1").setParameter(1, id)
                .executeUpdate());
        assertTrue(SmtpServer.received().waitForIncomingEmail(15_000, before + 1), "the email arrives");
        assertTrue(SmtpServer.received().getReceivedMessages()[before].getSubject().contains(number));
    }

    @Test
    void badCheckoutsNameTheirFieldsAndReserveNothing() {
        Stock sku = skuWithStock(20, 5);
        String cart = Carts.newCart();
        Carts.add(cart, sku.sku(), 1).then().statusCode(200);
        Object[][] cases = {
                { order(cart, "ZZ", "standard"), "shippingAddress.country" },
                { withPostalCode(order(cart, "US", "standard"), "ABC"), "shippingAddress.postalCode" },
                { order(cart, "US", "teleport"), "shippingMethod" },
                { withEmail(order(cart, "US", "standard"), "not-an-email"), "email" },
                { order(Carts.newCart(), "US", "standard"), "cartId" } };
        for (Object[] c : cases) {
            given().contentType(ContentType.JSON).body(c[0]).when().post("/api/v1/checkout").then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(c[1]));
        }
        assertEquals(sku.reserved(), stock(sku.sku()).reserved(), "nothing reserved");
        given().when().get("/api/v1/shipping-methods").then().statusCode(200)
                .body("id", hasItem("standard")).body("find { it.id == 'standard' }.price.amount", equalTo(499));
        given().when().get("/api/v1/orders/SF-NOPE123").then().statusCode(404);
    }

    private static Map<String, Object> order(String cart, String country, String method) {
        Map<String, Object> address = new HashMap<>(Map.of("name", "Ada Lovelace", "line1", "12 Analytical Way",
                "city", "London", "region", "CA", "postalCode", switch (country) {
                    case "GB" -> "SW1A 1AA";
                    case "DE" -> "10115";
                    default -> "94105";
                }, "country", country));
        return new HashMap<>(Map.of("cartId", cart, "email", "ada@example.com", "shippingAddress", address,
                "shippingMethod", method));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withPostalCode(Map<String, Object> order, String postalCode) {
        ((Map<String, Object>) order.get("shippingAddress")).put("postalCode", postalCode);
        return order;
    }

    private static Map<String, Object> withEmail(Map<String, Object> order, String email) {
        order.put("email", email);
        return order;
    }

    /** A SKU with at least this much available, the n-th such, so that tests do not share stock. */
    private Stock skuWithStock(int available, int nth) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager.createNativeQuery("""
                    select v.id, v.sku, s.on_hand, s.reserved from variants v join stock_levels s on s.variant_id = v.id
                    join products p on p.id = v.product_id
                    where v.active and p.active and s.on_hand - s.reserved >= ?1 and v.price_amount < 100000
                    order by v.id limit 1 offset ?2""").setParameter(1, Math.max(available, 1))
                    .setParameter(2, 200 + nth * 7).getSingleResult();
            return new Stock(((Number) row[0]).longValue(), (String) row[1], ((Number) row[2]).intValue(),
                    ((Number) row[3]).intValue());
        });
    }

    private Stock stock(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager.createNativeQuery("""
                    select v.id, v.sku, s.on_hand, s.reserved from variants v join stock_levels s on s.variant_id = v.id
                    where v.sku = ?1""").setParameter(1, sku).getSingleResult();
            return new Stock(((Number) row[0]).longValue(), (String) row[1], ((Number) row[2]).intValue(),
                    ((Number) row[3]).intValue());
        });
    }

    private long unitPrice(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select price_amount from variants where sku = ?1").setParameter(1, sku).getSingleResult()).longValue());
    }
}
