package dev.storefront.fulfilment;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.storefront.order.Order;
import dev.storefront.order.OrderAccess;
import dev.storefront.order.OrderEvent;
import dev.storefront.order.OrderLifecycle;
import dev.storefront.payment.PaymentConfirmation;

/** The order's confirmation and status page; asks the payment provider when the order is still unpaid. */
@Path("/orders")
@Produces(MediaType.TEXT_HTML)
public class OrderPages {

    @Inject
    OrderAccess access;

    @Inject
    PaymentConfirmation payments;

    @Inject
    OrderLifecycle lifecycle;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance order(Order order, List<OrderEvent> history);
    }

    @GET
    @Path("{number}")
    public Response order(@PathParam("number") String number, @QueryParam("token") String token) {
        Order order = access.find(number, token);
        Order current = payments.refresh(order);
        return Response.ok(Templates.order(current, lifecycle.history(current.id)).render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }
}
