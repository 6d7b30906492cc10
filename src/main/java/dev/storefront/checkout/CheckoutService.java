package dev.storefront.checkout;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.storefront.config.StoreConfig;
import dev.storefront.order.Order;
import dev.storefront.order.OrderStatus;
import dev.storefront.payment.PaymentProvider;

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
    Instance<PaymentProvider> providers;

    @Inject
    StoreConfig config;

    @Inject
    CheckoutMetrics metrics;

    /** A placed order, its page (with the guest's token), and where the shopper goes to pay. */
    public record Placed(Order order, String orderPath, PaymentProvider.Start payment) {
    }

    /**
     * Validates, reserves and creates the order in one transaction (all or nothing), then starts the
     * payment. If the payment service cannot be reached the order is cancelled at once and its stock
     * released, and the shopper is told to try again.
     */
    public Placed checkout(CheckoutRequest request, Long userId) {
        Timer.Sample timing = Timer.start();
        try {
            return place(request, userId);
        } finally {
            timing.stop(metrics.checkout());
        }
    }

    private Placed place(CheckoutRequest request, Long userId) {
        ValidatedCheckout valid = validation.validate(request, userId);
        Order order = QuarkusTransaction.requiringNew().call(() -> {
            stock.reserve(valid.lines());
            return orders.create(valid);
        });
        metrics.orderPlaced();
        MDC.put("orderNumber", order.number);
        String orderPath = order.pagePath();
        try {
            return new Placed(order, orderPath, provider().start(order, orderPath));
        } catch (PaymentProvider.UnavailableException e) {
            if (confirmation.cancel(order.id, "payment service unavailable")) {
                metrics.paymentFailed();
            }
            throw e;
        }
    }

    /**
     * The shopper is back from paying (or looks at the order): asks the provider, in case its webhook is
     * late, and confirms or cancels accordingly.
     */
    public Order refresh(Order order, String orderPath) {
        if (order.status != OrderStatus.PENDING_PAYMENT) {
            return order;
        }
        PaymentProvider.Outcome outcome = provider().check(order);
        if (outcome == PaymentProvider.Outcome.SUCCEEDED) {
            confirmation.paymentSucceeded(order.id);
        } else if (outcome == PaymentProvider.Outcome.FAILED && confirmation.cancel(order.id, "payment declined")) {
            metrics.paymentFailed();
        }
        return QuarkusTransaction.requiringNew().call(() -> Order.<Order>findById(order.id));
    }

    public PaymentProvider provider() {
        String name = config.checkout().paymentProvider();
        return providers.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No payment provider " + name));
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
            if (confirmation.cancel(id, "payment not completed in time")) {
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
