package dev.storefront.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.storefront.order.Order;
import dev.storefront.order.OrderEvent;
import dev.storefront.order.OrderStatus;
import dev.storefront.testing.Carts;
import dev.storefront.testing.Checkouts;
import dev.storefront.testing.TestSkus;

/**
 * A cart checked out many times at once (a double click, retries, tabs) makes one order and one
 * reservation; a cart changed since replaces its unpaid order and releases that order's stock.
 */
@QuarkusTest
class OneOrderPerCartTest {

    @Test
    void fiftyConcurrentCheckoutsOfOneCartMakeOneOrderAndOneReservation() throws Exception {
        TestSkus.Sku sku = TestSkus.withStock(10);
        String cart = Carts.newCart();
        Carts.add(cart, sku.sku(), 2).then().statusCode(200);
        Map<String, Object> body = Checkouts.body(cart, "twice@example.com");

        List<Response> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return Checkouts.place(body, "198.51.100.7");
                }));
            }
            go.countDown();
            for (Future<Response> call : calls) {
                answers.add(call.get());
            }
        } finally {
            pool.shutdownNow();
        }

        Set<String> numbers = new HashSet<>();
        Set<String> payments = new HashSet<>();
        int created = 0;
        for (Response answer : answers) {
            assertTrue(answer.statusCode() == 201 || answer.statusCode() == 200, answer.asString());
            created += answer.statusCode() == 201 ? 1 : 0;
            numbers.add(answer.jsonPath().getString("orderNumber"));
            payments.add(answer.jsonPath().getString("payment.redirectUrl"));
        }
        assertEquals(1, created, "one answer made the order; the others resumed it");
        assertEquals(1, numbers.size(), "every answer points at the same order: " + numbers);
        assertEquals(1, payments.size(), "and at the same payment: " + payments);
        assertEquals(1, ordersOfCart(cart).size(), "one order in the database");
        assertEquals(sku.reserved() + 2, TestSkus.now(sku).reserved(), "one reservation of two units");
    }

    @Test
    void aChangedCartReplacesItsUnpaidOrderAndReleasesItsStock() {
        TestSkus.Sku first = TestSkus.withStock(10);
        TestSkus.Sku second = TestSkus.withStock(10);
        String cart = Carts.newCart();
        Carts.add(cart, first.sku(), 3).then().statusCode(200);
        Map<String, Object> body = Checkouts.body(cart, "changed@example.com");
        String before = Checkouts.place(body, "198.51.100.8").then().statusCode(201).extract().path("orderNumber");
        assertEquals(first.reserved() + 3, TestSkus.now(first).reserved());

        Carts.add(cart, second.sku(), 1).then().statusCode(200);
        String after = Checkouts.place(body, "198.51.100.8").then().statusCode(201).extract().path("orderNumber");

        assertNotEquals(before, after, "a new order for the new contents");
        Order replaced = order(before);
        assertEquals(OrderStatus.CANCELLED, replaced.status);
        assertTrue(replaced.cancelReason.contains("cart changed"), replaced.cancelReason);
        assertEquals(OrderStatus.PENDING_PAYMENT, order(after).status);
        assertEquals(first.reserved() + 3, TestSkus.now(first).reserved(), "the old hold released, the new one made");
        assertEquals(second.reserved() + 1, TestSkus.now(second).reserved());
        assertEquals(1, ordersOfCart(cart).stream().filter(o -> o.status == OrderStatus.PENDING_PAYMENT).count());

        List<OrderEvent> history = history(before);
        assertEquals(2, history.size(), "placed, then cancelled");
        assertEquals(null, history.get(0).fromStatus);
        assertEquals(OrderStatus.PENDING_PAYMENT, history.get(1).fromStatus);
        assertEquals(OrderStatus.CANCELLED, history.get(1).toStatus);
        assertEquals("shopper", history.get(1).actor);
    }

    @Test
    void theDatabaseRefusesASecondUnpaidOrderForOneCart() {
        TestSkus.Sku sku = TestSkus.withStock(5);
        String cart = Carts.newCart();
        Carts.add(cart, sku.sku(), 1).then().statusCode(200);
        String number = Checkouts.place(Checkouts.body(cart, "schema@example.com"), "198.51.100.9").then()
                .statusCode(201).extract().path("orderNumber");
        Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> QuarkusTransaction.requiringNew().run(() -> Order.getEntityManager().createNativeQuery("""
                        insert into orders (id, number, status, email, access_token, cart_id, ship_name, ship_line1,
                            ship_city, ship_postal_code, ship_country, shipping_method, currency, subtotal_amount,
                            shipping_amount, tax_amount, total_amount, reserved_until)
                        select nextval('orders_seq'), 'SF-TWIN' || id % 1000, status, email, access_token, cart_id,
                            ship_name, ship_line1, ship_city, ship_postal_code, ship_country, shipping_method,
                            currency, subtotal_amount, shipping_amount, tax_amount, total_amount, reserved_until
                        from orders where number = ?1""").setParameter(1, number).executeUpdate()));
        assertTrue(String.valueOf(rootCause(refused).getMessage()).contains("orders_one_pending_per_cart"),
                String.valueOf(rootCause(refused).getMessage()));
    }

    private static Throwable rootCause(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        return e;
    }

    private static List<Order> ordersOfCart(String cart) {
        return QuarkusTransaction.requiringNew().call(() -> Order.<Order>list("cartId", cart));
    }

    private static Order order(String number) {
        return QuarkusTransaction.requiringNew().call(() -> Order.findByNumber(number).orElseThrow());
    }

    private static List<OrderEvent> history(String number) {
        return QuarkusTransaction.requiringNew().call(() -> OrderEvent.<OrderEvent>list("orderId = ?1 order by id",
                order(number).id));
    }
}
