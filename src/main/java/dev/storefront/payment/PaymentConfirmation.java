package dev.storefront.payment;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storefront.cart.CartService;
import dev.storefront.config.StoreConfig;
import dev.storefront.inventory.StockReservation;
import dev.storefront.mail.OrderEmails;
import dev.storefront.order.Order;
import dev.storefront.order.OrderLifecycle;
import dev.storefront.order.OrderMetrics;
import dev.storefront.order.OrderStatus;

/**
 * Stage 5, confirm, and its failure twin (and, after the payment commits, the emptied cart). Each is one move of the order's lifecycle (PENDING_PAYMENT to
 * PAID or CANCELLED), so that however many times and in whatever order webhooks, return visits and the
 * sweeper arrive, exactly one of them does the work: one sale, one email. Calls to the payment provider
 * (a late payment's refund) are made after the transaction, never inside it.
 */
@ApplicationScoped
public class PaymentConfirmation {

    private static final Logger LOG = Logger.getLogger(PaymentConfirmation.class);

    @Inject
    StockReservation stock;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    OrderEmails emails;

    @Inject
    CartService carts;

    @Inject
    PaymentProviders providers;

    @Inject
    OrderMetrics metrics;

    @Inject
    StoreConfig config;

    /**
     * The payment of the order succeeded ({@code actor}: who says so, e.g. "stripe:evt_…"): PAID, stock
     * sold, confirmation queued, cart emptied. Idempotent. Money for an order cancelled meanwhile is refunded.
     */
    public void paymentSucceeded(long orderId, String actor) {
        Order order = QuarkusTransaction.requiringNew().call(() -> {
            boolean paid = lifecycle.move(orderId, OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, actor,
                    "payment received");
            Order current = Order.findById(orderId);
            Payment.<Payment>findByIdOptional(orderId).filter(p -> p.status == Payment.Status.PENDING)
                    .ifPresent(p -> {
                        p.status = Payment.Status.SUCCEEDED;
                        p.updatedAt = Instant.now();
                    });
            if (paid) {
                stock.sell(current);
                emails.queueConfirmation(current, config.publicUrl() + current.pagePath());
            }
            return current;
        });
        if (order.status == OrderStatus.CANCELLED) {
            refundLate(order);
        }
    }

    /**
     * The shopper is back from paying (or looks at the order): asks the provider, in case its webhook is
     * late, and confirms or cancels accordingly. Answers the order as it is now.
     */
    public Order refresh(Order order) {
        if (order.status != OrderStatus.PENDING_PAYMENT) {
            return order;
        }
        PaymentProvider provider = providers.current();
        String actor = provider.name() + " (asked on the shopper's return)";
        PaymentProvider.Outcome outcome = provider.check(order);
        if (outcome == PaymentProvider.Outcome.SUCCEEDED) {
            paymentSucceeded(order.id, actor);
        } else if (outcome == PaymentProvider.Outcome.FAILED && cancel(order.id, "payment declined", actor)) {
            metrics.paymentFailed();
        }
        return QuarkusTransaction.requiringNew().call(() -> Order.<Order>findById(order.id));
    }

    /** A paid order's cart is emptied once the payment has committed (never for a payment rolled back). */
    void emptyThePaidCart(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderLifecycle.OrderMoved moved) {
        if (moved.to() == OrderStatus.PAID && moved.cartId() != null) {
            carts.find(moved.cartId()).ifPresent(cart -> carts.clear(cart.id()));
        }
    }

    /** The payment failed or was abandoned: CANCELLED, stock released. Idempotent; a paid order stays paid. */
    public boolean cancel(long orderId, String reason, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> cancelPending(orderId, reason, actor));
    }

    /** {@link #cancel} inside the caller's transaction (a checkout replacing the cart's previous order). */
    public boolean cancelPending(long orderId, String reason, String actor) {
        if (!lifecycle.move(orderId, OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED, actor, reason)) {
            return false;
        }
        stock.release(Order.findById(orderId));
        Payment.<Payment>findByIdOptional(orderId).filter(p -> p.status == Payment.Status.PENDING)
                .ifPresent(p -> {
                    p.status = Payment.Status.FAILED;
                    p.updatedAt = Instant.now();
                });
        return true;
    }

    /** Money arrived for an order that was cancelled meanwhile (its stock may be gone): give it back. */
    private void refundLate(Order order) {
        Payment payment = QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>findById(order.id));
        if (payment == null || payment.status == Payment.Status.REFUNDED) {
            return;
        }
        PaymentProvider provider = providers.of(payment);
        try {
            // the key makes a second call (a repeated webhook) return the same refund, never a second one
            provider.refund(order, payment.amount, "order-" + order.id + "-refund");
        } catch (PaymentProvider.UnavailableException e) {
            LOG.errorf("Payment arrived for cancelled order %s but the refund failed; refund it by hand: %s",
                    order.number, e.getMessage());
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Payment refunded = Payment.findById(order.id);
            refunded.status = Payment.Status.REFUNDED;
            refunded.updatedAt = Instant.now();
            Order cancelled = Order.findById(order.id);
            cancelled.refundedAmount = Math.min(cancelled.totalAmount, payment.amount);
        });
        LOG.warnf("Payment arrived for cancelled order %s; refunded %d %s", order.number, payment.amount,
                payment.currency);
    }
}
