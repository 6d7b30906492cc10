package dev.storefront.payment;

import dev.storefront.order.Order;
import dev.storefront.web.StoreException;

/** Stage 4, pay: one door per payment service. Every method is safe to call again for the same order. */
public interface PaymentProvider {

    /** What the shopper's browser is sent to, to pay. */
    record Start(String redirectUrl) {
    }

    enum Outcome {
        PENDING, SUCCEEDED, FAILED
    }

    String name();

    /** Starts the payment of the order, or resumes the one already started: never a second charge. */
    Start start(Order order, String returnPath);

    /** What the provider says became of the order's payment. */
    Outcome check(Order order);

    /**
     * Gives {@code amount} (minor units) of the order's payment back and returns the provider's reference
     * of the refund; {@code key} identifies this refund, so that a retry never refunds twice.
     * Throws {@link UnavailableException} when the provider cannot be reached or refuses.
     */
    String refund(Order order, long amount, String key);

    /** The payment service cannot be reached; no order is left half-made. */
    class UnavailableException extends StoreException {
        public UnavailableException(String message, Throwable cause) {
            super(503, message, cause);
        }

        @Override
        public String title() {
            return "Payment unavailable";
        }

        @Override
        public String detail() {
            return "Payment is unavailable right now; nothing was charged. Please try again in a moment.";
        }

        @Override
        public long retryAfterSeconds() {
            return 30;
        }
    }
}
