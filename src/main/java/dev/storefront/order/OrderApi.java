package dev.storefront.order;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.storefront.money.Money;

/** An order's status and contents, for its owner, an admin, or the holder of its access token. */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderApi {

    @Inject
    OrderAccess access;

    public record LineJson(String sku, String name, String variant, Money unitPrice, int quantity, Money lineTotal) {
    }

    public record OrderJson(String number, String status, String email, List<LineJson> lines, Money subtotal,
            Money shipping, Money tax, Money total, String shippingMethod) {
        public static OrderJson of(Order order) {
            return new OrderJson(order.number, order.status.name(), order.email, order.lines.stream()
                    .map(l -> new LineJson(l.sku, l.name, l.variantLabel, Money.of(l.unitPriceAmount, order.currency),
                            l.quantity, Money.of(l.lineTotalAmount, order.currency))).toList(),
                    order.subtotal(), order.shipping(), order.tax(), order.total(), order.shippingMethod);
        }
    }

    @GET
    @Path("{number}")
    public OrderJson get(@PathParam("number") String number, @QueryParam("token") String token) {
        return OrderJson.of(access.find(number, token));
    }
}
