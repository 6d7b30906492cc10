package dev.storefront.fulfilment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.order.Order;
import dev.storefront.payment.Payment;
import dev.storefront.payment.PaymentConfirmation;
import dev.storefront.testing.Admins;
import dev.storefront.testing.Carts;
import dev.storefront.testing.Checkouts;
import dev.storefront.testing.FormClient;
import dev.storefront.testing.Mailbox;
import dev.storefront.testing.TestSkus;

/**
 * The shopper's order page tells the whole story in words: paid and what comes next, shipped with its
 * tracking number, each refund with its amount, a cancellation with what was given back; the address as
 * the destination's post writes it; and an email for each refund and for a cancellation.
 */
@QuarkusTest
class OrderPageTest {

    @Inject
    PaymentConfirmation payments;

    @Test
    void shippedThenPartlyRefundedInWordsWithEmails() {
        Placed order = paidOrder("US", "IL", "62701", "Springfield");
        String page = page(order);
        assertTrue(page.contains("Your order is paid") && page.contains("Continue shopping"), "what comes next");
        assertEquals(1, count(page, "Status: "), "the status is said once");
        assertTrue(page.contains("data-status=\"PAID\">Paid, being prepared<"), "in words, not PAID");
        assertTrue(page.contains("Springfield, IL 62701<br>United States"), "a US address as the US post writes it");

        Admins.asAdmin().body(Map.of("trackingNumber", "1Z999AA10123456784")).when()
                .post("/api/v1/admin/orders/" + order.number() + "/ship").then().statusCode(200);
        page = page(order);
        assertTrue(page.contains("id=\"tracking-number\">1Z999AA10123456784<"), "the tracking number, shown");
        assertTrue(page.contains(">Shipped<"));

        Admins.asAdmin().body(Map.of("amount", "1.00", "reason", "scuffed box")).when()
                .post("/api/v1/admin/orders/" + order.number() + "/refunds").then().statusCode(200);
        page = page(order);
        assertTrue(page.contains("id=\"order-refunded\">−$1.00<"), "the refunded amount in the totals");
        String timeline = page.substring(page.indexOf("id=\"order-history\""));
        assertTrue(timeline.indexOf("Order placed") < timeline.indexOf("Payment received")
                && timeline.indexOf("Payment received") < timeline.indexOf("Shipped")
                && timeline.indexOf("Shipped") < timeline.indexOf("Refunded $1.00"), timeline);

        List<MimeMessage> refundMail = Mailbox.await(Mailbox.subjectContains("Refund of $1.00 for your"));
        assertEquals(1, refundMail.stream().filter(Mailbox.subjectContains(order.number())).count(), "one refund email");
        assertTrue(GreenMailUtil.getBody(refundMail.stream().filter(Mailbox.subjectContains(order.number()))
                .findFirst().orElseThrow()).contains("$1.00"));
    }

    @Test
    void aPaidOrderCancelledByTheStoreSaysWhatWasRefundedAndEmailsIt() {
        Placed order = paidOrder("DE", "", "10115", "Berlin");
        assertTrue(page(order).contains("10115 Berlin<br>Germany"), "a German address: postcode before the city");
        Admins.asAdmin().when().post("/api/v1/admin/orders/" + order.number() + "/cancel").then().statusCode(200);
        String page = page(order);
        assertTrue(page.contains("This order is cancelled") && page.contains("was refunded to your card"), page);
        assertFalse(page.contains("Back to your cart"), "nothing to try again: it was paid");
        List<MimeMessage> mails = Mailbox.await(Mailbox.subjectContains(order.number() + " is cancelled"));
        assertEquals(1, mails.size(), "one cancellation email");
        assertTrue(GreenMailUtil.getBody(mails.get(0)).contains("was refunded"));
    }

    @Test
    void aDeclinedPaymentOffersTheWayBackToTheCart() {
        Placed order = placed("GB", "", "SW1A 1AA", "London");
        payments.cancel(order.id(), "payment declined", "test");
        String page = page(order);
        assertTrue(page.contains("Nothing was charged") && page.contains("href=\"/cart\""), "try again from the cart");
        assertTrue(page.contains("London<br>SW1A 1AA<br>United Kingdom"), "a UK address: the postcode on its own line");

        String reference = QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>findById(order.id()).providerRef);
        String payPage = given().when().get("/pay/test/" + reference).then().statusCode(200).extract().asString();
        assertTrue(payPage.contains("no longer waiting for payment") && !payPage.contains("name=\"decision\""),
                "the test pay page offers nothing to pay for a cancelled order");
    }

    @Test
    void aCraftedReturnAddressNeverBreaksThePaymentPage() {
        Placed order = placed("US", "CA", "94105", "San Francisco");
        String reference = QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>findById(order.id()).providerRef);
        dev.storefront.testing.FormClient shopper = new dev.storefront.testing.FormClient();
        shopper.open("/pay/test/" + reference);
        var paid = shopper.submit("/pay/test/" + reference, Map.of("decision", "pay",
                "return", "/orders/" + order.number() + "?token=x y|z"));
        assertEquals(303, paid.statusCode(), "paid, and sent to the order page");
        assertTrue(paid.header("Location").endsWith("/orders/" + order.number()), paid.header("Location"));
        assertTrue(page(order).contains("Your order is paid"));
    }

    @Test
    void buyAgainPutsAPaidOrderBackInTheCartForWhoeverMaySeeIt() {
        Placed order = paidOrder("US", "IL", "62701", "Springfield");
        String sku = QuarkusTransaction.requiringNew().call(() -> Order.findByNumber(order.number()).orElseThrow()
                .lines.get(0).sku);
        FormClient guest = new FormClient();
        assertTrue(guest.open("/orders/" + order.number() + "?token=" + order.token()).contains("Buy again"));
        guest.submit("/cart/reorder", Map.of("order", order.number(), "token", order.token())).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/cart?notice=reordered"));
        String cart = guest.open("/cart?notice=reordered");
        assertTrue(cart.contains("We added the items of your order to your cart."), "says so");
        assertTrue(cart.contains("class=\"cart-count\" aria-label=\"1 items\">1<"), "one unit, as ordered");
        guest.submit("/cart/reorder", Map.of("order", order.number(), "token", order.token())).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/cart?notice=reordered"));
        assertTrue(guest.open("/cart").contains("class=\"cart-count\" aria-label=\"1 items\">1<"),
                "pressed twice, still the order once");

        FormClient stranger = new FormClient();
        stranger.open("/login");
        stranger.submit("/cart/reorder", Map.of("order", order.number())).then().statusCode(404);

        QuarkusTransaction.requiringNew().run(() -> Order.getEntityManager().createNativeQuery(
                "update stock_levels set on_hand = reserved where variant_id = (select id from variants where sku = ?1)")
                .setParameter(1, sku).executeUpdate());
        FormClient later = new FormClient();
        later.open("/orders/" + order.number() + "?token=" + order.token());
        later.submit("/cart/reorder", Map.of("order", order.number(), "token", order.token())).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/cart?notice=reordered-none"));
        assertTrue(later.open("/cart?notice=reordered-none").contains("None of the items of that order can be bought"
                + " now"), "sold out since: nothing added, and said");
    }

    record Placed(long id, String number, String token) {
    }

    private Placed paidOrder(String country, String region, String postalCode, String city) {
        Placed order = placed(country, region, postalCode, city);
        payments.paymentSucceeded(order.id(), "test");
        return order;
    }

    private static Placed placed(String country, String region, String postalCode, String city) {
        String cart = Carts.newCart();
        Carts.add(cart, TestSkus.withStock(3).sku(), 1).then().statusCode(200);
        Map<String, Object> body = Checkouts.body(cart, "reader-" + UUID.randomUUID() + "@example.com");
        body.put("shippingAddress", Map.of("name", "Molly Bloom", "line1", "7 Eccles Street", "city", city,
                "region", region, "postalCode", postalCode, "country", country));
        String number = Checkouts.place(body, "203.0.113.90").then().statusCode(201).extract().path("orderNumber");
        return QuarkusTransaction.requiringNew().call(() -> {
            Order order = Order.findByNumber(number).orElseThrow();
            return new Placed(order.id, number, order.accessToken);
        });
    }

    private static String page(Placed order) {
        return given().when().get("/orders/" + order.number() + "?token=" + order.token()).then().statusCode(200)
                .extract().asString();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
