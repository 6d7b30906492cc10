package dev.storefront.account;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.Authenticated;

import dev.storefront.order.Order;
import dev.storefront.order.OrderJson;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;

/** The signed-in caller's own account. */
@Path("/api/v1/account")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AccountApi {

    @Inject
    JsonWebToken token;

    @Inject
    AccountService accounts;

    public record Profile(long id, String email, String name, List<String> roles) {
    }

    @GET
    public Profile profile() {
        User user = caller();
        return new Profile(user.id, user.email, user.name, Tokens.roles(user).stream().sorted().toList());
    }

    /** The caller's orders, newest first. */
    @GET
    @Path("orders")
    public List<OrderJson> orders() {
        return Order.<Order>list("userId = ?1 order by createdAt desc", caller().id).stream()
                .map(OrderJson::of).toList();
    }

    public record AddressJson(long id, String name, String line1, String line2, String city, String region,
            String postalCode, String country, boolean isDefault) {
        static AddressJson of(Address a) {
            return new AddressJson(a.id, a.name, a.line1, a.line2, a.city, a.region, a.postalCode, a.country,
                    a.isDefault);
        }
    }

    @GET
    @Path("addresses")
    public List<AddressJson> addresses() {
        return Address.ofUser(caller()).stream().map(AddressJson::of).toList();
    }

    /** Someone else's address is a 404, exactly like one that does not exist. */
    @GET
    @Path("addresses/{id}")
    public AddressJson address(@PathParam("id") long id) {
        return Address.findOwned(id, caller()).map(AddressJson::of)
                .orElseThrow(() -> new NotFoundException("No address " + id));
    }

    @POST
    @Path("addresses")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addAddress(AccountService.AddressForm form) {
        InvalidInputException.requireBody(form);
        Address address = accounts.addAddress(caller(), form);
        return Response.status(Response.Status.CREATED).entity(AddressJson.of(address)).build();
    }

    /** Replaces a saved address; {@code makeDefault: true} also makes it the default for shipping. */
    @PUT
    @Path("addresses/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AddressJson updateAddress(@PathParam("id") long id, AccountService.AddressForm form) {
        InvalidInputException.requireBody(form);
        return accounts.updateAddress(caller(), id, form).map(AddressJson::of)
                .orElseThrow(() -> new NotFoundException("No address " + id));
    }

    @DELETE
    @Path("addresses/{id}")
    public Response deleteAddress(@PathParam("id") long id) {
        if (!accounts.deleteAddress(caller(), id)) {
            throw new NotFoundException("No address " + id);
        }
        return Response.noContent().build();
    }

    private User caller() {
        return User.signedIn(token);
    }
}
