package dev.storefront.checkout;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.storefront.config.StoreConfig;
import dev.storefront.inventory.StockReservation;
import dev.storefront.order.Order;
import dev.storefront.order.OrderLifecycle;
import dev.storefront.order.OrderMetrics;
import dev.storefront.order.OrderStatus;
import dev.storefront.payment.PaymentConfirmation;
import dev.storefront.payment.PaymentProvider;
import dev.storefront.payment.PaymentProviders;
import dev.storefront.promotion.Promotions;

/**
 * The order pipeline, one stage per class: {@link CheckoutValidation} → {@link StockReservation} →
 * {@link OrderCreation} → {@link PaymentProvider} → {@link PaymentConfirmation} → the email outbox.
 */
@ApplicationScoped
public class CheckoutService {

    private static final Logger LOG = Logger.getLogger(CheckoutService.class);

    @Inject
    CheckoutValidation validation;

    @Inject
    StockReservation stock;

    @Inject
    OrderCreation orders;

    @Inject
    PaymentConfirmation confirmation;

    @Inject
    PaymentProviders providers;

    @Inject
    StoreConfig config;

    @Inject
    OrderMetrics metrics;

    @Inject
    ReservationCaps caps;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    Promotions promotions;

    /**
     * A placed order, its page (with the guest's token), and where the shopper goes to pay; {@code resumed}
     * when the cart had been checked out already, just like this, and that order is the answer again.
     */
    public record Placed(Order order, String orderPath, PaymentProvider.Start payment, boolean resumed) {
    }

    private record Placement(Order order, boolean resumed) {
    }

    /**
     * Validates, reserves and creates the order in one transaction (all or nothing), then starts the
     * payment. Checkout is idempotent per cart: the same cart checked out again (a double click, a retry,
     * a second tab) resumes its one pending order and payment; a cart changed since replaces that order,
     * whose stock is released in the same transaction. If the payment service cannot be reached a new order
     * is cancelled at once and its stock released, and the shopper is told to try again.
     */
    public Placed checkout(CheckoutRequest request, Long userId, String clientAddress) {
        Timer.Sample timing = Timer.start();
        try {
            return place(request, userId, clientAddress);
        } finally {
            timing.stop(metrics.checkout());
        }
    }

    private Placed place(CheckoutRequest request, Long userId, String clientAddress) {
        ValidatedCheckout valid = validation.validate(request, userId);
        Placement placement;
        try {
            placement = placeInOneTransaction(valid, clientAddress);
        } catch (Promotions.PromotionChangedException e) {
            // used up by other orders meanwhile: the code comes off the cart, the shopper sees the new total
            valid.promotions().applied().stream().map(a -> a.offer().code()).filter(Objects::nonNull)
                    .forEach(code -> promotions.removeCode(valid.cartId(), code));
            throw new Promotions.PromotionChangedException(e.getMessage()
                    + " We took it off your cart: check the new total and place the order again.");
        }
        Order order = placement.order();
        if (!placement.resumed()) {
            metrics.orderPlaced();
        }
        MDC.put("orderNumber", order.number);
        String orderPath = order.pagePath();
        try {
            return new Placed(order, orderPath, providers.current().start(order, orderPath), placement.resumed());
        } catch (PaymentProvider.UnavailableException e) {
            if (!placement.resumed() && confirmation.cancel(order.id, "payment service unavailable", "checkout")) {
                metrics.paymentFailed();
            }
            throw e;
        }
    }

    /** Caps, the cart's earlier unpaid order, stock, the order and its promotions' uses: all or nothing. */
    private Placement placeInOneTransaction(ValidatedCheckout valid, String clientAddress) {
        String fingerprint = valid.fingerprint();
        return QuarkusTransaction.requiringNew().call(() -> {
            caps.lock(valid, clientAddress);
            Order pending = Order.<Order>find("cartId = ?1 and status = ?2", valid.cartId(),
                    OrderStatus.PENDING_PAYMENT).firstResult();
            if (pending != null) {
                if (fingerprint.equals(pending.checkoutFingerprint) && pending.reservedUntil.isAfter(Instant.now())) {
                    return new Placement(pending, true);
                }
                confirmation.cancelPending(pending.id, fingerprint.equals(pending.checkoutFingerprint)
                        ? "reservation ended; checked out again" : "replaced: the cart changed before payment",
                        OrderLifecycle.SHOPPER);
            }
            caps.check(valid, clientAddress);
            stock.reserve(valid.lines());
            Order order = orders.create(valid, clientAddress);
            promotions.redeem(order.id, valid.promotions(), valid.userId(), valid.email());
            lifecycle.created(order, OrderLifecycle.SHOPPER, "checkout");
            return new Placement(order, false);
        });
    }

    /** Unpaid orders past their reservation are cancelled and their stock released, even after a crash. */
    @Scheduled(every = "1m", identity = "release-expired-reservations",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void releaseExpiredReservations() {
        releaseExpiredNow();
    }

    public int releaseExpiredNow() {
        List<Long> expired = QuarkusTransaction.requiringNew().call(() -> Order.<Order>list(
                "status = ?1 and reservedUntil < current_timestamp", OrderStatus.PENDING_PAYMENT).stream()
                .map(o -> o.id).toList());
        int released = 0;
        for (Long id : expired) {
            if (confirmation.cancel(id, "payment not completed in time", OrderLifecycle.SWEEPER)) {
                released++;
            }
        }
        metrics.reservationsExpired(released);
        if (released > 0) {
            LOG.infof("Released the stock of %d unpaid orders past their reservation", released);
        }
        return released;
    }
}
