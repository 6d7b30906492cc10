package dev.storefront.cart;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

import dev.storefront.config.StoreConfig;
import dev.storefront.order.Order;
import dev.storefront.order.OrderAccess;
import dev.storefront.promotion.Promotions;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.Problem;

/** The cart page and its forms; with the cart script, adding happens without leaving the page. */
@Path("/cart")
@Produces(MediaType.TEXT_HTML)
public class CartPages {

    static final Map<String, String> NOTICES = Map.of(
            "added", "Added to your cart.",
            "updated", "Your cart is updated.",
            "removed", "The item is removed.",
            "cleared", "Your cart is empty now.",
            "merged", "We added the items from your earlier visit to your cart.",
            "code-applied", "The discount code is applied.",
            "code-removed", "The discount code is removed.",
            "reordered", "We added the items of your order to your cart.",
            "reordered-partly", "We added what is still for sale from your order; some items are sold out or"
                    + " no longer sold, or fewer are left than you ordered.",
            "reordered-none", "None of the items of that order can be bought now: they are sold out or no longer"
                    + " sold.");
    /** Sent by assets/js/cart.js, which wants a short JSON answer instead of a redirect. */
    static final String SCRIPT_HEADER = "X-Requested-With";

    @Inject
    CartService carts;

    @Inject
    StoreConfig config;

    @Inject
    OrderAccess orders;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cart(CartService.CartView cart, String notice, String error, CodeForm code);

        static native TemplateInstance clear(CartService.CartView cart);
    }

    public record Added(int itemCount) {
    }

    @GET
    public Response page(@QueryParam("notice") String notice, HttpServerRequest request) {
        return render(200, CartCookie.of(request), notice == null ? null : NOTICES.get(notice), null);
    }

    @POST
    @Path("items")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({ MediaType.TEXT_HTML, MediaType.APPLICATION_JSON })
    public Response add(@FormParam("sku") String sku, @FormParam("quantity") String quantity,
            @HeaderParam(SCRIPT_HEADER) String script, HttpServerRequest request) {
        String cartId = CartCookie.of(request);
        boolean newCart = cartId == null || carts.find(cartId).isEmpty();
        try {
            Integer units = quantity == null || quantity.isBlank() ? Integer.valueOf(1) : number(quantity);
            // a first add makes the cart only once the item is accepted: a refused one leaves nothing behind
            CartSnapshot cart = newCart ? carts.createWith(sku, units) : carts.add(cartId, sku, units);
            Response.ResponseBuilder answer = script != null
                    ? Response.ok(new Added(cart.itemCount()), MediaType.APPLICATION_JSON_TYPE)
                    : Response.seeOther(URI.create("/cart?notice=added"));
            if (newCart) {
                answer.cookie(CartCookie.holding(cart.id(), config.cart().lifetime(), config.secureCookies()));
            }
            return answer.build();
        } catch (InvalidInputException e) {
            if (script != null) {
                return Response.status(400).type(Problem.MEDIA_TYPE).entity(Problem.invalid(e.errors(), "/cart/items"))
                        .build();
            }
            return render(400, newCart ? null : cartId, null, "Could not add it: " + e.getMessage());
        }
    }

    @POST
    @Path("items/{sku}/quantity")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("sku") String sku, @FormParam("quantity") String quantity,
            HttpServerRequest request) {
        String cartId = existing(request);
        try {
            Integer units = number(quantity);
            carts.setQuantity(cartId, sku, units);
            boolean removed = units != null && units == 0;
            return Response.seeOther(URI.create("/cart?notice=" + (removed ? "removed" : "updated"))).build();
        } catch (InvalidInputException e) {
            return render(400, cartId, null, "Could not change it. " + inWords(e));
        }
    }

    @POST
    @Path("items/{sku}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("sku") String sku, HttpServerRequest request) {
        String cartId = existing(request);
        try {
            carts.remove(cartId, sku);
        } catch (InvalidInputException e) {
            // already gone: the page shows the cart as it is
        }
        return Response.seeOther(URI.create("/cart?notice=removed")).build();
    }

    /**
     * "Buy again" on an order's page: its lines go back into the cart (what is still sold, as many as are
     * left; pressed twice, the cart still holds the order once), for whoever may see the order (its owner, an admin, or the holder of its link).
     */
    @POST
    @Path("reorder")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reorder(@FormParam("order") String number, @FormParam("token") String token,
            HttpServerRequest request) {
        Order order = orders.find(number, token);
        Map<String, Integer> wanted = new LinkedHashMap<>();
        order.lines.forEach(line -> wanted.merge(line.sku, line.quantity, Integer::sum));
        String cartId = CartCookie.of(request);
        CartService.Refill refill = carts.refill(cartId, wanted);
        String notice = refill.inCart() == 0 ? "reordered-none"
                : refill.notAdded().isEmpty() && refill.fewer().isEmpty() ? "reordered" : "reordered-partly";
        Response.ResponseBuilder answer = Response.seeOther(URI.create("/cart?notice=" + notice));
        if (refill.cartId() != null && !refill.cartId().equals(cartId)) {
            answer.cookie(CartCookie.holding(refill.cartId(), config.cart().lifetime(), config.secureCookies()));
        }
        return answer.build();
    }

    /** A discount code typed in the cart; a refusal says why beside the field, with what was typed kept. */
    @POST
    @Path("discount-codes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response applyCode(@FormParam("code") String code, HttpServerRequest request) {
        String cartId = existing(request);
        try {
            carts.applyCode(cartId, code);
            return Response.seeOther(URI.create("/cart?notice=code-applied")).build();
        } catch (Promotions.CodeRefusedException e) {
            return render(400, cartId, null, null, new CodeForm(code, e.getMessage()));
        }
    }

    @POST
    @Path("discount-codes/{code}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeCode(@PathParam("code") String code, HttpServerRequest request) {
        carts.removeCode(existing(request), code);
        return Response.seeOther(URI.create("/cart?notice=code-removed")).build();
    }

    /** "Empty the cart" asks first: this page says what would go, with the button that does it. */
    @GET
    @Path("clear")
    public Response confirmClear(HttpServerRequest request) {
        String cartId = CartCookie.of(request);
        if (cartId == null || carts.find(cartId).map(c -> c.lines().isEmpty()).orElse(true)) {
            return Response.seeOther(URI.create("/cart")).build();
        }
        return Response.ok(Templates.clear(carts.view(cartId)).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("clear")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response clear(HttpServerRequest request) {
        carts.clear(existing(request));
        return Response.seeOther(URI.create("/cart?notice=cleared")).build();
    }

    /** The problems as a shopper reads them: sentences, no field names. */
    static String inWords(InvalidInputException problem) {
        StringBuilder words = new StringBuilder();
        for (InvalidInputException.FieldError error : problem.errors()) {
            String message = error.message();
            String sentence;
            if (message.startsWith("must be a whole number from 1 to ")) {
                sentence = "You can buy from 1 to " + message.substring("must be a whole number from 1 to ".length())
                        + " of one item";
            } else if (message.startsWith("only ") || message.startsWith("this ")) {
                sentence = Character.toUpperCase(message.charAt(0)) + message.substring(1);
            } else {
                sentence = "The " + error.field() + " " + message;
            }
            words.append(words.isEmpty() ? "" : " ").append(sentence).append('.');
        }
        return words.toString();
    }

    private String existing(HttpServerRequest request) {
        String cartId = CartCookie.of(request);
        if (cartId == null) {
            throw new CartStore.CartNotFoundException(null);
        }
        return cartId;
    }

    /** The discount code field as typed, and why it was refused. */
    public record CodeForm(String code, String error) {
    }

    private Response render(int status, String cartId, String notice, String error) {
        return render(status, cartId, notice, error, null);
    }

    private Response render(int status, String cartId, String notice, String error, CodeForm code) {
        CartService.CartView view = cartId == null || carts.find(cartId).isEmpty()
                ? CartService.CartView.empty(config.currency())
                : carts.view(cartId);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").entity(Templates.cart(view, notice, error, code).render()).build();
    }

    /** A quantity from a form; anything but a whole number is refused by the service's range check. */
    private static Integer number(String raw) {
        try {
            return raw == null ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
