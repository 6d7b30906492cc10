package dev.storefront.cart;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.storefront.money.Money;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.InvalidInputException.FieldError;

/** Carts for API clients; the unguessable id is the key to a cart. */
@Path("/api/v1/carts")
@Produces(MediaType.APPLICATION_JSON)
public class CartApi {

    @Inject
    CartService carts;

    public record NewCart(String id) {
    }

    public record AddItem(String sku, Integer quantity) {
    }

    public record ChangeQuantity(Integer quantity) {
    }

    public record LineJson(String sku, String name, String slug, String variant, String image, int quantity,
            Money unitPrice, Money lineTotal, Money priceWhenAdded, boolean priceChanged, boolean available,
            String warning) {
    }

    public record DiscountJson(String name, String code, Money amount) {
    }

    /**
     * {@code discounts}: what promotions give the cart now, before shipping; {@code total}: the subtotal less
     * them; {@code codes}: the codes it holds; {@code codeProblems}: why a held code gives nothing now.
     */
    public record CartJson(String id, List<LineJson> lines, Money subtotal, List<DiscountJson> discounts,
            Money discount, Money total, int itemCount, List<String> codes, List<String> codeProblems,
            List<String> notices) {
    }

    public record DiscountCode(String code) {
    }

    @POST
    public Response create() {
        return Response.status(Response.Status.CREATED).entity(new NewCart(carts.create(null).id())).build();
    }

    @GET
    @Path("{id}")
    public CartJson get(@PathParam("id") String id) {
        return json(carts.view(id));
    }

    @POST
    @Path("{id}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    public CartJson add(@PathParam("id") String id, AddItem body) {
        AddItem item = InvalidInputException.requireBody(body);
        return json(carts.view(carts.add(id, item.sku(), item.quantity())));
    }

    @PATCH
    @Path("{id}/items/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CartJson change(@PathParam("id") String id, @PathParam("sku") String sku, ChangeQuantity body) {
        return json(carts.view(carts.setQuantity(id, sku, InvalidInputException.requireBody(body).quantity())));
    }

    @DELETE
    @Path("{id}/items/{sku}")
    public CartJson remove(@PathParam("id") String id, @PathParam("sku") String sku) {
        return json(carts.view(carts.remove(id, sku)));
    }

    /** Applies a code: the cart with its discount, or 400 naming why the code gives nothing. */
    @POST
    @Path("{id}/discount-codes")
    @Consumes(MediaType.APPLICATION_JSON)
    public CartJson applyCode(@PathParam("id") String id, DiscountCode body) {
        return json(carts.applyCode(id, InvalidInputException.requireBody(body).code()));
    }

    @DELETE
    @Path("{id}/discount-codes/{code}")
    public CartJson removeCode(@PathParam("id") String id, @PathParam("code") String code) {
        if (!carts.removeCode(id, code)) {
            throw new NotFoundException("The cart does not hold the code " + code);
        }
        return json(carts.view(id));
    }

    static CartJson json(CartService.CartView view) {
        return new CartJson(view.id(), view.lines().stream().map(line -> new LineJson(line.sku(), line.name(),
                line.slug(), line.variantLabel(), line.image(), line.quantity(), line.unitPrice(), line.lineTotal(),
                line.priceWhenAdded(), line.priceChanged(), line.available(), line.warning())).toList(),
                view.subtotal(), view.discounts().stream().map(d -> new DiscountJson(d.name(), d.code(), d.amount()))
                        .toList(), view.discount(), view.total(), view.itemCount(), view.codes(), view.codeProblems(),
                view.notices());
    }

}
