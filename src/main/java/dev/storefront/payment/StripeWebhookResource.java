package dev.storefront.payment;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storefront.config.StoreConfig;
import dev.storefront.order.OrderMetrics;

/**
 * Stripe's webhook: the signature is checked on the raw body with STRIPE_WEBHOOK_SECRET before anything
 * else; a bad or missing one is a 400 that changes nothing. Session completed (paid) confirms the order,
 * expired or failed cancels it; both are idempotent, so duplicates and late arrivals do nothing twice.
 */
@Path("/webhooks/stripe")
public class StripeWebhookResource {

    private static final Logger LOG = Logger.getLogger(StripeWebhookResource.class);

    @Inject
    StoreConfig config;

    @Inject
    PaymentConfirmation confirmation;

    @Inject
    ObjectMapper json;

    @Inject
    OrderMetrics metrics;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(String payload, @HeaderParam("Stripe-Signature") String signature) {
        String secret = config.checkout().stripe().webhookSecret().orElse("");
        if (secret.isBlank() || signature == null || payload == null) {
            throw new BadRequestException("The webhook is not signed");
        }
        try {
            Webhook.constructEvent(payload, signature, secret);
        } catch (SignatureVerificationException e) {
            throw new BadRequestException("The webhook signature does not match");
        }
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (java.io.IOException e) {
            throw new BadRequestException("The webhook body is not JSON");
        }
        String type = event.path("type").asText();
        if (event.path("created").canConvertToLong() && event.path("created").asLong() > 0) {
            metrics.webhookReceived(Duration.between(
                    Instant.ofEpochSecond(event.path("created").asLong()), Instant.now()));
        }
        JsonNode session = event.path("data").path("object");
        String sessionId = session.path("id").asText();
        Long orderId = QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>find("providerRef", sessionId)
                .firstResultOptional().map(p -> p.orderId).orElse(null));
        if (orderId == null) {
            LOG.debugf("Stripe event %s for an unknown session %s ignored", type, sessionId);
            return Response.ok().build();
        }
        String actor = "stripe:" + event.path("id").asText("event");
        switch (type) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> {
                if ("paid".equals(session.path("payment_status").asText())) {
                    confirmation.paymentSucceeded(orderId, actor);
                }
            }
            case "checkout.session.expired", "checkout.session.async_payment_failed" -> {
                if (confirmation.cancel(orderId, "payment not completed", actor)) {
                    metrics.paymentFailed();
                }
            }
            default -> LOG.debugf("Stripe event %s ignored", type);
        }
        return Response.ok().build();
    }
}
