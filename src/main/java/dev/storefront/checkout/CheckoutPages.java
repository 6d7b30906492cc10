package dev.storefront.checkout;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

import dev.storefront.account.Address;
import dev.storefront.account.User;
import dev.storefront.cart.CartCookie;
import dev.storefront.cart.CartService;
import dev.storefront.config.StoreConfig;
import dev.storefront.inventory.InsufficientStockException;
import dev.storefront.web.ClientAddress;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;

/** The checkout form: email, shipping address and method, the order summary; then on to payment. */
@Path("/checkout")
@Produces(MediaType.TEXT_HTML)
public class CheckoutPages {

    @Inject
    CheckoutService checkout;

    @Inject
    CheckoutValidation validation;

    @Inject
    CartService carts;

    @Inject
    StoreConfig config;

    @Inject
    JsonWebToken token;

    /** What the form shows and keeps between attempts. */
    public record Form(String email, String name, String line1, String line2, String city, String region,
            String postalCode, String country, String shippingMethod) {
    }

    public record MethodView(String id, String name, String price, boolean selected) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance checkout(CartService.CartView cart, Form form, List<MethodView> methods,
                List<String> countries, Map<String, String> errors, String problem);
    }

    @GET
    public Response page(HttpServerRequest request) {
        String cartId = CartCookie.of(request);
        if (cartId == null || carts.find(cartId).map(c -> c.lines().isEmpty()).orElse(true)) {
            return Response.seeOther(URI.create("/cart")).build();
        }
        return render(200, cartId, prefilled(), Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response place(@FormParam("email") String email, @FormParam("name") String name,
            @FormParam("line1") String line1, @FormParam("line2") String line2, @FormParam("city") String city,
            @FormParam("region") String region, @FormParam("postalCode") String postalCode,
            @FormParam("country") String country, @FormParam("shippingMethod") String shippingMethod,
            HttpServerRequest request) {
        String cartId = CartCookie.of(request);
        Form form = new Form(email, name, line1, line2, city, region, postalCode, country, shippingMethod);
        try {
            CheckoutService.Placed placed = checkout.checkout(new CheckoutRequest(cartId, email,
                    new ShippingAddress(name, line1, line2, city, region, postalCode, country), shippingMethod),
                    userId(), ClientAddress.of(request));
            return Response.seeOther(URI.create(placed.payment().redirectUrl())).build();
        } catch (InvalidInputException e) {
            Map<String, String> errors = e.errors().stream().collect(Collectors.toMap(
                    error -> error.field().replace("shippingAddress.", ""), FieldError::message, (a, b) -> a));
            if (cartId == null) {
                return Response.seeOther(URI.create("/cart")).build();
            }
            // a problem with the cart itself (e.g. more items than one order may hold) has no field to mark
            String aboutTheCart = errors.remove("cartId");
            return render(400, cartId, form, errors,
                    aboutTheCart != null ? "Your cart " + aboutTheCart.replaceFirst("^the cart ", "")
                            : "Please check the fields marked below.");
        } catch (InsufficientStockException e) {
            return render(409, cartId, form, Map.of(), e.getMessage());
        } catch (ReservationCaps.CapReachedException e) {
            Response page = render(429, cartId, form, Map.of(), e.getMessage());
            page.getHeaders().putSingle("Retry-After", Long.toString(e.retryAfterSeconds()));
            return page;
        }
    }

    private Response render(int status, String cartId, Form form, Map<String, String> errors, String problem) {
        CartService.CartView cart = carts.view(cartId);
        List<MethodView> methods = validation.shippingMethods().stream().map(entry -> new MethodView(entry.getKey(),
                entry.getValue().name(), dev.storefront.web.MoneyFormat.money(config.currency(),
                        validation.shippingPrice(entry.getKey(), cart.subtotal().amount())),
                entry.getKey().equals(form.shippingMethod()))).toList();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(Templates.checkout(cart, form, methods, config.checkout().countries(), errors, problem).render())
                .build();
    }

    /** A signed-in shopper's email and default address, ready in the form. */
    private Form prefilled() {
        Long userId = userId();
        String defaultMethod = validation.shippingMethods().get(0).getKey();
        if (userId == null) {
            return new Form("", "", "", "", "", "", "", "US", defaultMethod);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            User user = User.findById(userId);
            Address address = Address.ofUser(user).stream().filter(a -> a.isDefault).findFirst().orElse(null);
            return address == null ? new Form(user.email, user.name, "", "", "", "", "", "US", defaultMethod)
                    : new Form(user.email, address.name, address.line1, address.line2, address.city, address.region,
                            address.postalCode, address.country, defaultMethod);
        });
    }

    private Long userId() {
        return token.getSubject() == null ? null : Long.valueOf(token.getSubject());
    }
}
