package dev.storefront.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dev.storefront.config.StoreConfig;

/** Which payment provider takes new payments (configured), and which one took an order's payment (recorded). */
@ApplicationScoped
public class PaymentProviders {

    @Inject
    Instance<PaymentProvider> providers;

    @Inject
    StoreConfig config;

    /** The provider new checkouts pay with ({@code PAYMENT_PROVIDER}). */
    public PaymentProvider current() {
        return named(config.checkout().paymentProvider());
    }

    /** The provider of this payment, for its refunds, even after the store switched to another. */
    public PaymentProvider of(Payment payment) {
        return named(payment.provider);
    }

    private PaymentProvider named(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No payment provider " + name));
    }
}
