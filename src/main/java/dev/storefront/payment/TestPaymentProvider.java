package dev.storefront.payment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.storefront.order.Order;
import dev.storefront.web.SecureTokens;

/**
 * The {@code test} provider: a clearly labelled local page with Pay and Decline buttons
 * ({@link TestPaymentPages}) that drives the same path as a real provider: redirect, result, return.
 */
@ApplicationScoped
public class TestPaymentProvider implements PaymentProvider {

    public static final String NAME = "test";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    @Transactional
    public Start start(Order order, String returnPath) {
        Payment payment = Payment.<Payment>findByIdOptional(order.id)
                .orElseGet(() -> Payment.started(order, NAME, "test_" + SecureTokens.newToken()));
        return new Start("/pay/test/" + payment.providerRef + "?return="
                + URLEncoder.encode(returnPath, StandardCharsets.UTF_8));
    }

    @Override
    @Transactional
    public Outcome check(Order order) {
        return Payment.<Payment>findByIdOptional(order.id).map(payment -> switch (payment.status) {
            case SUCCEEDED, REFUNDED -> Outcome.SUCCEEDED;
            case FAILED -> Outcome.FAILED;
            case PENDING -> Outcome.PENDING;
        }).orElse(Outcome.PENDING);
    }

    @Override
    @Transactional
    public String refund(Order order, long amount, String key) {
        // the test provider's money never left anyone's account: the refund is a record only
        return "test-refund-" + key;
    }

    /** What the Pay or Decline button records, as a real provider's servers would. */
    @Transactional
    public Payment record(String providerRef, boolean paid) {
        Payment payment = Payment.<Payment>find("providerRef", providerRef).firstResult();
        if (payment != null && payment.status == Payment.Status.PENDING) {
            payment.status = paid ? Payment.Status.SUCCEEDED : Payment.Status.FAILED;
            payment.updatedAt = Instant.now();
        }
        return payment;
    }
}
