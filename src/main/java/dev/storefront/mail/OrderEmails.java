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
    public static final String SHIPPED = "ORDER_SHIPPED";
    public static final String CANCELLED = "ORDER_CANCELLED";
    /** One per refund: the kind carries the refund's id. */
    public static final String REFUNDED = "ORDER_REFUND:";
    /** The confirmation sent again at the store's request: the kind carries how many times (2, 3, ...). */
    public static final String CONFIRMATION_AGAIN = "ORDER_CONFIRMATION_AGAIN:";

    @Inject
    StoreConfig config;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirmation(String storeName, Order order, String link);

        static native TemplateInstance confirmationText(String storeName, Order order, String link);

        static native TemplateInstance shipped(String storeName, Order order, String link);

        static native TemplateInstance shippedText(String storeName, Order order, String link);

        static native TemplateInstance refunded(String storeName, Order order, String amount, String link);

        static native TemplateInstance refundedText(String storeName, Order order, String amount, String link);

        static native TemplateInstance cancelled(String storeName, Order order, String link);

        static native TemplateInstance cancelledText(String storeName, Order order, String link);
    }

    /** Queues the confirmation; a second call for the same order adds nothing (one per order, enforced by a key). */
    public void queueConfirmation(Order order, String orderLink) {
        queue(order, CONFIRMATION, "Your " + config.name() + " order " + order.number,
                Templates.confirmation(config.name(), order, orderLink),
                Templates.confirmationText(config.name(), order, orderLink));
    }

    /**
     * Queues the confirmation once more (the customer lost it, or it went to spam), as the {@code copy}th copy;
     * the copy's number keeps one email per request even if the request is repeated.
     */
    public void queueConfirmationAgain(Order order, int copy, String orderLink) {
        queue(order, CONFIRMATION_AGAIN + copy, "Your " + config.name() + " order " + order.number,
                Templates.confirmation(config.name(), order, orderLink),
                Templates.confirmationText(config.name(), order, orderLink));
    }

    /** What an email of this kind is, in words for the back office ("Order confirmation", "Refund notice"). */
    public static String words(String kind) {
        if (kind.startsWith(CONFIRMATION_AGAIN)) {
            return "Order confirmation (sent again)";
        }
        if (kind.startsWith(REFUNDED)) {
            return "Refund notice";
        }
        return switch (kind) {
            case CONFIRMATION -> "Order confirmation";
            case SHIPPED -> "Shipping notice";
            case CANCELLED -> "Cancellation notice";
            default -> kind;
        };
    }

    /** Queues the shipping notice with the tracking number; one per order. */
    public void queueShipped(Order order, String orderLink) {
        queue(order, SHIPPED, "Your " + config.name() + " order " + order.number + " has shipped",
                Templates.shipped(config.name(), order, orderLink), Templates.shippedText(config.name(), order, orderLink));
    }

    /** Queues the notice of one refund ({@code refundId}) of {@code amount} (formatted); one per refund. */
    public void queueRefunded(Order order, long refundId, String amount, String orderLink) {
        queue(order, REFUNDED + refundId, "Refund of " + amount + " for your " + config.name() + " order " + order.number,
                Templates.refunded(config.name(), order, amount, orderLink),
                Templates.refundedText(config.name(), order, amount, orderLink));
    }

    /** Queues the notice that the store cancelled the order (with what was refunded); one per order. */
    public void queueCancelled(Order order, String orderLink) {
        queue(order, CANCELLED, "Your " + config.name() + " order " + order.number + " is cancelled",
                Templates.cancelled(config.name(), order, orderLink),
                Templates.cancelledText(config.name(), order, orderLink));
    }

    private void queue(Order order, String kind, String subject, TemplateInstance html, TemplateInstance text) {
        if (OutboxEmail.count("orderId = ?1 and kind = ?2", order.id, kind) > 0) {
            return;
        }
        OutboxEmail.queue(order.id, kind, order.email, subject, html.render(), text.render());
    }
}
