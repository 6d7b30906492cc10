package dev.storefront.fulfilment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.storefront.order.Order;
import dev.storefront.order.OrderAccess;
import dev.storefront.order.OrderEvent;
import dev.storefront.order.OrderLifecycle;
import dev.storefront.order.OrderStatus;
import dev.storefront.order.Refund;
import dev.storefront.payment.PaymentConfirmation;
import dev.storefront.web.MoneyFormat;

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

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** One thing that happened to the order, as the shopper reads it. */
    public record TimelineEntry(Instant at, String when, String words) {
    }

    /** The order's moves and every refund with its amount, in the order they happened. */
    private List<TimelineEntry> timeline(Order order) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (OrderEvent event : lifecycle.history(order.id)) {
            if (event.toStatus != OrderStatus.REFUNDED && event.toStatus != OrderStatus.PARTIALLY_REFUNDED) {
                entries.add(new TimelineEntry(event.at, event.when(), event.shopperWords()));
            }
        }
        QuarkusTransaction.requiringNew().call(() -> Refund.<Refund>list("orderId = ?1 and status = ?2",
                order.id, Refund.Status.SUCCEEDED)).forEach(refund -> entries.add(new TimelineEntry(refund.createdAt,
                        WHEN.format(refund.createdAt), "Refunded " + MoneyFormat.formatted(refund.money(order.currency))
                                + " to your card")));
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance order(Order order, List<TimelineEntry> timeline, String token);
    }

    @GET
    @Path("{number}")
    public Response order(@PathParam("number") String number, @QueryParam("token") String token) {
        Order order = access.find(number, token);
        Order current = payments.refresh(order);
        return Response.ok(Templates.order(current, timeline(current), token).render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }
}
