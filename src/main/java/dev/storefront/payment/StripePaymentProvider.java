package dev.storefront.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;

import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storefront.config.StoreConfig;
import dev.storefront.order.Order;

/**
 * The {@code stripe} provider: a Stripe Checkout Session per order, created with an idempotency key
 * derived from the order, so a retry after a timeout finds the same session and never charges twice.
 * The only class that talks to stripe-java.
 */
@ApplicationScoped
public class StripePaymentProvider implements PaymentProvider {

    public static final String NAME = "stripe";
    private static final Logger LOG = Logger.getLogger(StripePaymentProvider.class);

    @Inject
    StoreConfig config;

    @Inject
    StripeApi stripe;

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The order is sent to Stripe as one line at its total, discount included, not as a Stripe coupon: the amount
     * charged is then exactly the one the store computed (per-line rounding, tax on discounted amounts), with
     * nothing to keep in step at Stripe. The discount is named in the line's description, which the shopper sees.
     */
    static SessionCreateParams.LineItem.PriceData.ProductData productData(Order order, String storeName) {
        var product = SessionCreateParams.LineItem.PriceData.ProductData.builder()
                .setName(storeName + " order " + order.number);
        if (order.discountAmount > 0) {
            product.setDescription("Includes " + dev.storefront.web.MoneyFormat.formatted(order.discount())
                    + " off: " + order.discountLabel);
        }
        return product.build();
    }

    private SessionCreateParams.LineItem.PriceData.ProductData productData(Order order) {
        return productData(order, config.name());
    }

    @Override
    public Start start(Order order, String returnPath) {
        Payment existing = QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>findById(order.id));
        try {
            Session session;
            if (existing != null && existing.providerRef != null) {
                session = stripe.retrieveSession(existing.providerRef);
            } else {
                String back = config.publicUrl() + returnPath;
                SessionCreateParams params = SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.PAYMENT)
                        .setClientReferenceId(order.number)
                        .setCustomerEmail(order.email)
                        .setSuccessUrl(back)
                        .setCancelUrl(back)
                        .putMetadata("order_number", order.number)
                        .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                                .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                        .setCurrency(order.currency.toLowerCase(java.util.Locale.ROOT))
                                        .setUnitAmount(order.totalAmount)
                                        .setProductData(productData(order))
                                        .build())
                                .build())
                        .build();
                session = stripe.createSession(params, "order-" + order.id + "-session");
                String sessionId = session.getId();
                // the same idempotency key gives concurrent starts the same session: one record for it
                QuarkusTransaction.requiringNew().run(() -> Payment.started(order, NAME, sessionId));
            }
            return new Start(session.getUrl());
        } catch (StripeApi.StripeDownException | FaultToleranceException e) {
            throw new UnavailableException("Stripe could not be reached: " + e.getMessage(), e);
        } catch (StripeException e) {
            throw new UnavailableException("Stripe refused the session: " + e.getMessage(), e);
        }
    }

    @Override
    public Outcome check(Order order) {
        Payment payment = QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>findById(order.id));
        if (payment == null || payment.providerRef == null) {
            return Outcome.PENDING;
        }
        try {
            Session session = stripe.retrieveSession(payment.providerRef);
            if ("paid".equals(session.getPaymentStatus()) || "no_payment_required".equals(session.getPaymentStatus())) {
                return Outcome.SUCCEEDED;
            }
            return "expired".equals(session.getStatus()) ? Outcome.FAILED : Outcome.PENDING;
        } catch (StripeException | StripeApi.StripeDownException | FaultToleranceException e) {
            LOG.warnf("Could not ask Stripe about order %s: %s", order.number, e.getMessage());
            return Outcome.PENDING;
        }
    }

    @Override
    public String refund(Order order, long amount, String key) {
        Payment payment = QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>findById(order.id));
        if (payment == null || payment.providerRef == null) {
            throw new UnavailableException("Order " + order.number + " has no Stripe payment to refund", null);
        }
        try {
            Session session = stripe.retrieveSession(payment.providerRef);
            if (session.getPaymentIntent() == null) {
                throw new UnavailableException("Stripe holds no payment for order " + order.number, null);
            }
            Refund refund = stripe.createRefund(RefundCreateParams.builder()
                    .setPaymentIntent(session.getPaymentIntent()).setAmount(amount).build(), key);
            return refund.getId();
        } catch (StripeApi.StripeDownException | FaultToleranceException e) {
            throw new UnavailableException("Stripe could not be reached: " + e.getMessage(), e);
        } catch (StripeException e) {
            throw new UnavailableException("Stripe refused the refund: " + e.getMessage(), e);
        }
    }
}
