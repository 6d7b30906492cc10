package dev.storefront.payment;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.storefront.order.Order;

/** The test provider's payment page: an order total and two buttons, Pay and Decline. Never real money. */
@Path("/pay/test")
@Produces(MediaType.TEXT_HTML)
public class TestPaymentPages {

    @Inject
    TestPaymentProvider provider;

    @Inject
    PaymentConfirmation confirmation;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pay(Order order, String reference, String returnPath);
    }

    @GET
    @Path("{reference}")
    public Response page(@PathParam("reference") String reference, @QueryParam("return") String returnPath) {
        Order order = orderOf(reference);
        return Response.ok(Templates.pay(order, reference, safe(returnPath, order)).render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store").build();
    }

    /** Pay or Decline; the result reaches the order as a provider's webhook would, then the shopper returns. */
    @POST
    @Path("{reference}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("reference") String reference, @FormParam("decision") String decision,
            @FormParam("return") String returnPath) {
        Order order = orderOf(reference);
        Payment payment = provider.record(reference, "pay".equals(decision));
        if (payment.status == Payment.Status.SUCCEEDED) {
            confirmation.paymentSucceeded(order.id, "test payment page");
        } else if (payment.status == Payment.Status.FAILED) {
            confirmation.cancel(order.id, "payment declined", "test payment page");
        }
        return Response.seeOther(URI.create(safe(returnPath, order))).build();
    }

    private static Order orderOf(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>find("providerRef", reference)
                .firstResultOptional().map(p -> Order.<Order>findById(p.orderId)))
                .orElseThrow(() -> new NotFoundException("No test payment " + reference));
    }

    /** Back to this order's page only, never elsewhere. */
    private static String safe(String returnPath, Order order) {
        if (returnPath == null || !returnPath.startsWith("/orders/" + order.number + "?")) {
            return "/orders/" + order.number;
        }
        try {
            URI.create(returnPath); // a space or a '|' would fail the redirect after the payment is recorded
            return returnPath;
        } catch (IllegalArgumentException e) {
            return "/orders/" + order.number;
        }
    }
}
