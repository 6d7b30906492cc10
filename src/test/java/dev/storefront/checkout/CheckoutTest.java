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
import dev.storefront.payment.PaymentConfirmation;
import dev.storefront.testing.Carts;
import dev.storefront.testing.FormClient;
import dev.storefront.testing.Mailbox;
import dev.storefront.testing.SmtpServer;
import dev.storefront.testing.TestSkus;

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

    @Inject
    io.quarkus.redis.datasource.RedisDataSource redis;

    @Inject
    dev.storefront.config.StoreConfig config;

    record Stock(long variantId, String sku, int onHand, int reserved) {
    }

    @Test
    void theHappyPathEndsPaidWithStockSoldTheCartEmptyAndOneEmail() throws Exception {
        Stock before = skuWithStock(20);
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
        String orderPage = shopper.open(orderUrl);
        assertTrue(orderPage.contains("Your order is paid"));
        String history = orderPage.substring(orderPage.indexOf("id=\"order-history\""));
        assertTrue(history.indexOf("Order placed") < history.indexOf("Payment received")
                && history.indexOf("Order placed") > 0, "the shopper sees what happened, in order: " + history);

        String number = placed.getString("orderNumber");
        assertTrue(awaitMailAbout(number), "the confirmation arrives");
        MimeMessage mail = Mailbox.received(Mailbox.subjectContains(number)).get(0);
        String text = GreenMailUtil.getBody(mail);
        assertTrue(text.contains(dev.storefront.web.MoneyFormat.money("USD", subtotal + shipping)), text);
        long orderId = QuarkusTransaction.requiringNew().call(() -> Order.findByNumber(number).orElseThrow().id);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxEmail.count("orderId", orderId)),
                "one confirmation queued, so no second one can ever be sent");
        outbox.sendDueNow();
        assertEquals(1, Mailbox.received(Mailbox.subjectContains(number)).size(), "exactly one email");
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select count(*) from inventory_movements where order_id = (select id from orders where number = ?1)",
                Long.class).setParameter(1, placed.getString("orderNumber")).getSingleResult()),
                "one inventory movement");
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderAndReleasesTheStock() {
        Stock before = skuWithStock(20);
        String cart = Carts.newCart();
        Carts.add(cart, before.sku(), 3).then().statusCode(200);
        JsonPath placed = given().contentType(ContentType.JSON).body(order(cart, "DE", "standard"))
                .when().post("/api/v1/checkout").then().statusCode(201).extract().jsonPath();
        long subtotal = unitPrice(before.sku()) * 3;
        long shipping = subtotal >= 5000 ? 0 : 499;
        long tax = Math.round((subtotal + shipping) * 0.19);
        assertEquals(subtotal + shipping + tax, placed.getLong("total.amount"), "19% German tax, rounded half up");
        FormClient shopper = new FormClient();
        String page = shopper.open(placed.getString("payment.redirectUrl"));
        assertTrue(page.contains("Tax"), "the payment page shows every amount");
        shopper.submit(placed.getString("payment.redirectUrl").replaceFirst("\\?.*", ""),
                Map.of("decision", "decline", "return", placed.getString("orderUrl")));
        given().when().get("/api/v1" + placed.getString("orderUrl")).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        Stock after = stock(before.sku());
        assertEquals(before.onHand(), after.onHand(), "nothing sold");
        assertEquals(before.reserved(), after.reserved(), "the hold is released");
        given().when().get("/api/v1/carts/" + cart).then().statusCode(200).body("lines.size()", equalTo(1));
    }

    @Test
    void twoHundredConcurrentCheckoutsForTenInStockMakeTenOrders() throws Exception {
        Stock sku = skuWithStock(0);
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
                confirmation.paymentSucceeded(id, "test");
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
        Stock sku = skuWithStock(20);
        String cart = Carts.newCart();
        Carts.add(cart, sku.sku(), 1).then().statusCode(200);
        String number = given().contentType(ContentType.JSON).body(order(cart, "DE", "express"))
                .when().post("/api/v1/checkout").then().statusCode(201).extract().path("orderNumber");
        long id = QuarkusTransaction.requiringNew().call(() -> Order.findByNumber(number).orElseThrow().id);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> confirmation.paymentSucceeded(id, "test")));
                if (i == 3) {
                    calls.add(pool.submit(() -> confirmation.cancel(id, "declined", "test")));
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
        Stock sku = skuWithStock(0);
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
    void aSignedInShopperChecksOutWithFormsAndOnlyTheyAndAdminsSeeTheOrder() {
        FormClient.forgetFailedSignIns(redis);
        String email = "buyer-" + java.util.UUID.randomUUID() + "@example.com";
        String password = "correct horse battery staple";
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password, "name", "Buyer"))
                .when().post("/api/v1/auth/register").then().statusCode(201);
        FormClient buyer = new FormClient();
        buyer.open("/login");
        assertEquals(303, buyer.submit("/login", Map.of("email", email, "password", password)).statusCode());
        Stock sku = skuWithStock(20);
        String product = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select p.slug from products p join variants v on v.product_id = p.id where v.sku = ?1")
                .setParameter(1, sku.sku()).getSingleResult());
        buyer.open("/p/" + product);
        assertEquals(303, buyer.submit("/cart/items", Map.of("sku", sku.sku(), "quantity", "1")).statusCode());

        String form = buyer.open("/checkout");
        assertTrue(form.contains("value=\"" + email + "\""), "the signed-in shopper's email is filled in");
        Response bad = buyer.submit("/checkout", Map.of("email", email, "name", "Buyer", "line1", "1 Main St",
                "city", "Springfield", "region", "IL", "postalCode", "not a zip", "country", "US",
                "shippingMethod", "standard"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.asString().contains("Postal code is not a postal code of United States"));
        buyer.open("/checkout");
        Response toPayment = buyer.submit("/checkout", Map.of("email", email, "name", "Buyer", "line1", "1 Main St",
                "city", "Springfield", "region", "IL", "postalCode", "62701", "country", "US",
                "shippingMethod", "express", "total", "1"));
        assertEquals(303, toPayment.statusCode());
        String payUrl = toPayment.header("Location").replaceFirst("^https?://[^/]+", "");
        assertTrue(payUrl.startsWith("/pay/test/"));
        buyer.open(payUrl);
        java.util.regex.Matcher back = java.util.regex.Pattern.compile("name=\"return\" value=\"([^\"]+)\"")
                .matcher(buyer.open(payUrl));
        assertTrue(back.find());
        String orderPath = back.group(1).replace("&amp;", "&");
        Response paid = buyer.submit(payUrl.replaceFirst("\\?.*", ""), Map.of("decision", "pay", "return", orderPath));
        assertEquals(303, paid.statusCode());
        String number = orderPath.substring("/orders/".length(), orderPath.indexOf('?'));

        assertTrue(buyer.open("/orders/" + number).contains("Your order is paid"), "the owner needs no token");
        assertTrue(buyer.open("/account").contains(number), "the order is among the account's recent orders");
        String history = buyer.open("/account/orders");
        assertTrue(history.contains("Order " + number + "</a>") && history.contains(">Paid, being prepared</span>"),
                "the history says each order's state in words: " + history);
        String buyerToken = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(buyerToken).when().get("/api/v1/account/orders").then().statusCode(200)
                .body("number", hasItem(number));

        String other = "other-" + java.util.UUID.randomUUID() + "@example.com";
        given().contentType(ContentType.JSON).body(Map.of("email", other, "password", password, "name", "Other"))
                .when().post("/api/v1/auth/register").then().statusCode(201);
        String otherToken = given().contentType(ContentType.JSON).body(Map.of("email", other, "password", password))
                .when().post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(otherToken).when().get("/api/v1/orders/" + number).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(otherToken).when().get("/orders/" + number).then().statusCode(404);
        given().when().get("/orders/" + number).then().statusCode(404);
        String admin = given().contentType(ContentType.JSON)
                .body(Map.of("email", config.admin().email(), "password", config.admin().password()))
                .when().post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(admin).when().get("/api/v1/orders/" + number).then().statusCode(200)
                .body("status", equalTo("PAID")).body("shippingMethod", equalTo("express"));
    }

    @Test
    void badCheckoutsNameTheirFieldsAndReserveNothing() {
        Stock sku = skuWithStock(20);
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

    private static boolean awaitMailAbout(String orderNumber) {
        return !Mailbox.await(Mailbox.subjectContains(orderNumber)).isEmpty();
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

    /** A SKU with at least this much available that no other test uses. */
    private Stock skuWithStock(int available) {
        TestSkus.Sku sku = TestSkus.withStock(available);
        return new Stock(sku.variantId(), sku.sku(), sku.onHand(), sku.reserved());
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
