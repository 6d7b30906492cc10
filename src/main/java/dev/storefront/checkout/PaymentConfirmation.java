package dev.storefront.checkout;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storefront.cart.CartService;
import dev.storefront.config.StoreConfig;
import dev.storefront.mail.OrderEmails;
import dev.storefront.order.Order;
import dev.storefront.order.OrderStatus;
import dev.storefront.payment.Payment;
import dev.storefront.payment.PaymentProvider;

/**
 * Stage 5, confirm, and its failure twin. Each starts with a conditional status change
 * (PENDING_PAYMENT to PAID or CANCELLED), so that however many times and in whatever order webhooks,
 * return visits and the sweeper arrive, exactly one of them does the work: one sale, one email.
 */
@ApplicationScoped
public class PaymentConfirmation {

    private static final Logger LOG = Logger.getLogger(PaymentConfirmation.class);

    @Inject
    EntityManager entityManager;

    @Inject
    StockReservation stock;

    @Inject
    OrderEmails emails;

    @Inject
    CartService carts;

    @Inject
    Instance<PaymentProvider> providers;

    @Inject
    StoreConfig config;

    /** The payment of the order succeeded: PAID, stock sold, confirmation queued, cart emptied. Idempotent. */
    public void paymentSucceeded(long orderId) {
        Order paid = QuarkusTransaction.requiringNew().call(() -> {
            int changed = entityManager.createNativeQuery("""
                    update orders set status = 'PAID', paid_at = now()
                    where id = ?1 and status = 'PENDING_PAYMENT'""").setParameter(1, orderId).executeUpdate();
            Order order = Order.findById(orderId);
            entityManager.refresh(order);
            Payment.<Payment>findByIdOptional(orderId).filter(p -> p.status == Payment.Status.PENDING)
                    .ifPresent(p -> {
                        p.status = Payment.Status.SUCCEEDED;
                        p.updatedAt = Instant.now();
                    });
            if (changed == 0) {
                return order.status == OrderStatus.CANCELLED ? refundLate(order) : null;
            }
            stock.sell(order);
            emails.queueConfirmation(order, config.publicUrl() + order.pagePath());
            return order;
        });
        if (paid != null && paid.status == OrderStatus.PAID) {
            if (paid.cartId != null) {
                carts.find(paid.cartId).ifPresent(cart -> carts.clear(cart.id()));
            }
        }
    }

    /** The payment failed or was abandoned: CANCELLED, stock released. Idempotent; a paid order stays paid. */
    public boolean cancel(long orderId, String reason) {
        Order cancelled = QuarkusTransaction.requiringNew().call(() -> {
            int changed = entityManager.createNativeQuery("""
                    update orders set status = 'CANCELLED', cancelled_at = now(), cancel_reason = ?2
                    where id = ?1 and status = 'PENDING_PAYMENT'""").setParameter(1, orderId)
                    .setParameter(2, reason).executeUpdate();
            if (changed == 0) {
                return null;
            }
            Order order = Order.findById(orderId);
            entityManager.refresh(order);
            stock.release(order);
            Payment.<Payment>findByIdOptional(orderId).filter(p -> p.status == Payment.Status.PENDING)
                    .ifPresent(p -> {
                        p.status = Payment.Status.FAILED;
                        p.updatedAt = Instant.now();
                    });
            return order;
        });
        return cancelled != null;
    }

    /** Money arrived for an order that was cancelled meanwhile (its stock may be gone): give it back. */
    private Order refundLate(Order order) {
        Payment payment = Payment.<Payment>findById(order.id);
        if (payment == null || payment.status == Payment.Status.REFUNDED) {
            return order;
        }
        PaymentProvider provider = providers.stream().filter(p -> p.name().equals(payment.provider)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no payment provider " + payment.provider));
        try {
            provider.refund(order, payment.amount, "order-" + order.id + "-refund");
            payment.status = Payment.Status.REFUNDED;
            payment.updatedAt = Instant.now();
            order.refundedAmount = Math.min(order.totalAmount, payment.amount);
            LOG.warnf("Payment arrived for cancelled order %s; refunded %d %s", order.number, payment.amount,
                    payment.currency);
        } catch (PaymentProvider.UnavailableException e) {
            LOG.errorf("Payment arrived for cancelled order %s but the refund failed; refund it by hand: %s",
                    order.number, e.getMessage());
        }
        return order;
    }
}
