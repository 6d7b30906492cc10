package dev.storefront.checkout;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.vertx.core.http.HttpServerRequest;

import dev.storefront.config.StoreConfig;
import dev.storefront.money.Money;
import dev.storefront.payment.PaymentProviders;
import dev.storefront.web.ClientAddress;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;

/** Checkout for API clients: shipping methods, and placing an order from a cart. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CheckoutApi {

    @Inject
    CheckoutService checkout;

    @Inject
    PaymentProviders payments;

    @Inject
    CheckoutValidation validation;

    @Inject
    StoreConfig config;

    @Inject
    JsonWebToken token;

    public record ShippingMethodJson(String id, String name, Money price, Money freeFrom) {
    }

    public record PaymentJson(String provider, String redirectUrl) {
    }

    public record PlacedJson(String orderNumber, String status, Money total, String orderUrl, PaymentJson payment) {
    }

    @GET
    @Path("shipping-methods")
    public List<ShippingMethodJson> shippingMethods() {
        return validation.shippingMethods().stream().map(e -> new ShippingMethodJson(e.getKey(), e.getValue().name(),
                Money.of(e.getValue().price(), config.currency()),
                e.getValue().freeFrom().map(from -> Money.of(from, config.currency())).orElse(null))).toList();
    }

    /**
     * Validates, reserves stock and creates the order PENDING_PAYMENT; pay at {@code payment.redirectUrl}.
     * The same cart again answers with its pending order (200) instead of a second one.
     */
    @POST
    @Path("checkout")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(CheckoutRequest body, HttpServerRequest request) {
        InvalidInputException.requireBody(body);
        Long userId = token.getSubject() == null ? null : Long.valueOf(token.getSubject());
        CheckoutService.Placed placed = checkout.checkout(body, userId, ClientAddress.of(request));
        // 201 for a new order; 200 when the cart's pending order is the answer again (a retry, a double click)
        return Response.status(placed.resumed() ? Response.Status.OK : Response.Status.CREATED).entity(new PlacedJson(placed.order().number,
                placed.order().status.name(), placed.order().total(), placed.orderPath(),
                new PaymentJson(payments.current().name(), placed.payment().redirectUrl()))).build();
    }
}
