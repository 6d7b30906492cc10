package dev.storefront.checkout;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.storefront.mail.OutboxEmail;
import dev.storefront.mail.OutboxSender;
import dev.storefront.order.Order;
import dev.storefront.order.OrderStatus;
import dev.storefront.payment.PaymentConfirmation;
import dev.storefront.testing.Carts;
import dev.storefront.testing.OutageSmtpServer;
import dev.storefront.testing.TestSkus;

/** The SMTP server is down when an order is paid: the order is PAID at once, the email follows when SMTP is back. */
@QuarkusTest
@QuarkusTestResource(value = OutageSmtpServer.class, restrictToAnnotatedClass = true)
class ConfirmationEmailOutageTest {

    @Inject
    EntityManager entityManager;

    @Inject
    PaymentConfirmation confirmation;

    @Inject
    OutboxSender outbox;

    @Test
    void aDownSmtpServerDelaysTheEmailButNotThePayment() throws Exception {
        String sku = TestSkus.withStock(20).sku();
        String cart = Carts.newCart();
        Carts.add(cart, sku, 1).then().statusCode(200);
        String number = given().contentType(ContentType.JSON).body(Map.of("cartId", cart, "email", "ada@example.com",
                "shippingMethod", "standard", "shippingAddress", Map.of("name", "Ada Lovelace", "line1",
                        "12 Analytical Way", "city", "London", "postalCode", "SW1A 1AA", "country", "GB")))
                .when().post("/api/v1/checkout").then().statusCode(201).extract().path("orderNumber");
        long id = QuarkusTransaction.requiringNew().call(() -> Order.findByNumber(number).orElseThrow().id);

        OutageSmtpServer.down();
        try {
            confirmation.paymentSucceeded(id, "test");
            assertEquals(OrderStatus.PAID, QuarkusTransaction.requiringNew()
                    .call(() -> Order.<Order>findById(id).status), "paid at once");
            outbox.sendDueNow();
            OutboxEmail pending = QuarkusTransaction.requiringNew().call(() -> OutboxEmail
                    .<OutboxEmail>find("orderId", id).firstResult());
            assertTrue(pending.sentAt == null && pending.attempts >= 1 && pending.lastError != null,
                    "not sent, and kept for a retry");
        } finally {
            OutageSmtpServer.up();
        }
        // the retry pause has passed
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update outbox_emails set next_attempt_at = now() where order_id = ?1").setParameter(1, id)
                .executeUpdate());
        // the first try after the outage may still meet a pooled connection to the old server: it times out and is retried
        assertTrue(OutageSmtpServer.received().waitForIncomingEmail(45_000, 1), "the email arrives");
        MimeMessage mail = OutageSmtpServer.received().getReceivedMessages()[0];
        assertTrue(mail.getSubject().contains(number));
        assertEquals(1, OutageSmtpServer.received().getReceivedMessages().length, "once");
        long deadline = System.currentTimeMillis() + 5_000;
        boolean marked = false;
        while (!marked && System.currentTimeMillis() < deadline) {
            marked = QuarkusTransaction.requiringNew().call(() -> OutboxEmail.<OutboxEmail>find("orderId", id)
                    .firstResult().sentAt != null);
            Thread.sleep(100);
        }
        assertTrue(marked, "marked sent once SMTP accepted it");
    }
}
