package dev.storefront.fulfilment;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.storefront.order.OrderAccess;
import dev.storefront.order.OrderJson;

/** An order's status and contents, for its owner, an admin, or the holder of its access token. */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderApi {

    @Inject
    OrderAccess access;

    @GET
    @Path("{number}")
    public OrderJson get(@PathParam("number") String number, @QueryParam("token") String token) {
        return OrderJson.of(access.find(number, token));
    }
}
