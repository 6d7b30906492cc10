package dev.storefront.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.storefront.config.StoreConfig;
import dev.storefront.order.Order;

/** Order emails, written to the outbox inside the transaction that changes the order. */
@ApplicationScoped
public class OrderEmails {

    public static final String CONFIRMATION = "ORDER_CONFIRMATION";

    @Inject
    StoreConfig config;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirmation(String storeName, Order order, String link);

        static native TemplateInstance confirmationText(String storeName, Order order, String link);
    }

    /** Queues the confirmation; a second call for the same order adds nothing (one per order, enforced by a key). */
    public void queueConfirmation(Order order, String orderLink) {
        if (OutboxEmail.count("orderId = ?1 and kind = ?2", order.id, CONFIRMATION) > 0) {
            return;
        }
        OutboxEmail email = new OutboxEmail();
        email.orderId = order.id;
        email.kind = CONFIRMATION;
        email.recipient = order.email;
        email.subject = "Your " + config.name() + " order " + order.number;
        email.html = Templates.confirmation(config.name(), order, orderLink).render();
        email.text = Templates.confirmationText(config.name(), order, orderLink).render();
        email.persist();
    }
}
