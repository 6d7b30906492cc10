package dev.storefront.payment;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;

import dev.storefront.config.StoreConfig;

/**
 * The one door to Stripe's servers: one client configured once (key, API base, time-outs), and every call
 * behind SmallRye Fault Tolerance. A call that cannot reach Stripe, times out, or gets a 5xx or 429 is
 * retried twice with a growing, jittered delay (with the same idempotency key, so a retried create makes
 * nothing twice); when most recent calls failed, the circuit opens and calls fail at once for a while
 * instead of making shoppers wait on a Stripe that is down; then one call tries again.
 * Each method has its own circuit. The settings can be changed in the configuration as MicroProfile Fault
 * Tolerance allows, e.g. {@code dev.storefront.payment.StripeApi/CircuitBreaker/delay}.
 */
@ApplicationScoped
@Timeout(value = 20, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = { StripeApi.StripeDownException.class,
        TimeoutException.class })
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.8, delay = 30, delayUnit = ChronoUnit.SECONDS,
        failOn = { StripeApi.StripeDownException.class, TimeoutException.class })
public class StripeApi {

    /** Stripe could not be reached or failed on its side (5xx, 429): worth trying again later. */
    public static class StripeDownException extends RuntimeException {
        StripeDownException(StripeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @Inject
    StoreConfig config;

    private volatile StripeClient client;

    public Session createSession(SessionCreateParams params, String idempotencyKey) throws StripeException {
        try {
            return client().v1().checkout().sessions().create(params,
                    RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
        } catch (StripeException e) {
            throw transientOrNot(e);
        }
    }

    public Session retrieveSession(String id) throws StripeException {
        try {
            return client().v1().checkout().sessions().retrieve(id);
        } catch (StripeException e) {
            throw transientOrNot(e);
        }
    }

    public Refund createRefund(RefundCreateParams params, String idempotencyKey) throws StripeException {
        try {
            return client().v1().refunds().create(params, RequestOptions.builder().setIdempotencyKey(idempotencyKey)
                    .build());
        } catch (StripeException e) {
            throw transientOrNot(e);
        }
    }

    /** A failure on Stripe's side or on the way becomes {@link StripeDownException}; a refusal stays as it is. */
    private static RuntimeException transientOrNot(StripeException e) throws StripeException {
        Integer status = e.getStatusCode();
        if (e instanceof ApiConnectionException || e instanceof RateLimitException
                || (status != null && status >= 500)) {
            return new StripeDownException(e);
        }
        throw e;
    }

    private StripeClient client() {
        StripeClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    StoreConfig.Stripe stripe = config.checkout().stripe();
                    StripeClient.StripeClientBuilder builder = StripeClient.builder()
                            .setApiKey(stripe.secretKey().orElse(""))
                            .setConnectTimeout((int) stripe.connectTimeout().toMillis())
                            .setReadTimeout((int) stripe.readTimeout().toMillis())
                            .setMaxNetworkRetries(0); // retried here, where the circuit breaker sees each try
                    stripe.apiBase().filter(base -> !base.isBlank()).ifPresent(builder::setApiBase);
                    client = builder.build();
                }
                current = client;
            }
        }
        return current;
    }
}
