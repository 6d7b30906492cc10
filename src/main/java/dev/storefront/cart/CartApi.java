package dev.storefront.cart;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

    public record CartJson(String id, List<LineJson> lines, Money subtotal, int itemCount, List<String> notices) {
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

    static CartJson json(CartService.CartView view) {
        return new CartJson(view.id(), view.lines().stream().map(line -> new LineJson(line.sku(), line.name(),
                line.slug(), line.variantLabel(), line.image(), line.quantity(), line.unitPrice(), line.lineTotal(),
                line.priceWhenAdded(), line.priceChanged(), line.available(), line.warning())).toList(),
                view.subtotal(), view.itemCount(), view.notices());
    }

}
