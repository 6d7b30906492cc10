package dev.storefront.order;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** What an operator watches of the order pipeline, as Prometheus metrics (see docs/operations.md, "Health and metrics"). */
@ApplicationScoped
public class OrderMetrics {

    private final Timer checkout;
    private final Counter ordersPlaced;
    private final Counter paymentsFailed;
    private final Counter reservationsExpired;
    private final Timer webhookLag;

    OrderMetrics(MeterRegistry registry) {
        checkout = Timer.builder("storefront.checkout.duration")
                .description("Validate, reserve and create the order, then start the payment")
                .publishPercentiles(0.5, 0.99).register(registry);
        ordersPlaced = Counter.builder("storefront.orders.placed").description("Orders created at checkout")
                .register(registry);
        paymentsFailed = Counter.builder("storefront.payments.failed")
                .description("Orders cancelled because the payment was declined, abandoned or could not start")
                .register(registry);
        reservationsExpired = Counter.builder("storefront.reservations.expired")
                .description("Unpaid orders whose stock was released by the sweeper").register(registry);
        webhookLag = Timer.builder("storefront.webhook.lag")
                .description("From the payment provider creating an event to the store receiving it")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    public Timer checkout() {
        return checkout;
    }

    public void orderPlaced() {
        ordersPlaced.increment();
    }

    public void paymentFailed() {
        paymentsFailed.increment();
    }

    public void reservationsExpired(int count) {
        reservationsExpired.increment(count);
    }

    public void webhookReceived(Duration lag) {
        webhookLag.record(lag.isNegative() ? Duration.ZERO : lag);
    }
}
