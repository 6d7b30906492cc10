package dev.storefront.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stripe's servers, faked with WireMock on a free loopback port: stripe-java talks to it through
 * STRIPE_API_BASE. Also signs webhooks the way Stripe does, with the configured secret.
 */
public class FakeStripe implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET_KEY = "sk_test_fake";
    public static final String WEBHOOK_SECRET = "whsec_test_fake_secret";

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        answerNormally();
        Map<String, String> config = new HashMap<>();
        config.put("storefront.checkout.payment-provider", "stripe");
        config.put("storefront.checkout.stripe.secret-key", SECRET_KEY);
        config.put("storefront.checkout.stripe.webhook-secret", WEBHOOK_SECRET);
        config.put("storefront.checkout.stripe.api-base", server.baseUrl());
        return config;
    }

    /** Each new session gets its own id; a session reads back open and unpaid; refunds succeed. */
    public static void answerNormally() {
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(json(
                session("cs_test_{{randomValue length=24 type='ALPHANUMERIC'}}", "open", "unpaid"))));
        sessionsReadBack("open", "unpaid");
        server.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(json("""
                {"id": "re_test_1", "object": "refund", "status": "succeeded", "amount": 100}""")));
    }

    /** Stripe fails on its side: every new session is answered with this status. */
    public static void sessionsFailWith(int status) {
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Stripe is having a bad day\"}}")));
    }

    /** Stripe answers normally, but only after this long. */
    public static void sessionsAnswerAfter(int millis) {
        answerNormally();
        server.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(json(
                session("cs_test_{{randomValue length=24 type='ALPHANUMERIC'}}", "open", "unpaid"))
                .withFixedDelay(millis)));
    }

    /** Stripe cannot be reached: every connection is cut. */
    public static void unreachable() {
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/v1/checkout/sessions"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** What Stripe says when a session is read: paid once the shopper paid, expired when abandoned. */
    public static void sessionsReadBack(String status, String paymentStatus) {
        server.stubFor(get(urlPathMatching("/v1/checkout/sessions/.*")).willReturn(json(
                session("{{request.pathSegments.[3]}}", status, paymentStatus))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body)
                .withTransformers("response-template");
    }

    private static String session(String id, String status, String paymentStatus) {
        return """
                {"id": "%s", "object": "checkout.session", "status": "%s", "payment_status": "%s",
                 "url": "https://checkout.stripe.test/pay/%s", "payment_intent": "pi_test_fake"}"""
                .formatted(id, status, paymentStatus, id);
    }

    /** A webhook body for a session event. */
    public static String event(String type, String sessionId, String paymentStatus) {
        return """
                {"id": "evt_%s", "object": "event", "type": "%s", "api_version": "2024-06-20",
                 "data": {"object": {"id": "%s", "object": "checkout.session", "payment_status": "%s"}}}"""
                .formatted(Long.toHexString(System.nanoTime()), type, sessionId, paymentStatus);
    }

    /** The Stripe-Signature header for a body: t=<time>,v1=<HMAC-SHA256(secret, time + "." + body)>. */
    public static String signature(String payload, String secret) {
        try {
            long timestamp = System.currentTimeMillis() / 1000;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signed = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload)
                    .getBytes(StandardCharsets.UTF_8)));
            return "t=" + timestamp + ",v1=" + signed;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
