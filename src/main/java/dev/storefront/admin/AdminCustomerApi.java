package dev.storefront.admin;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

import dev.storefront.account.CustomerDirectory;
import dev.storefront.account.User;

/** Customer accounts for the admin: find, read with their orders, disable and enable. */
@Path("/api/v1/admin/customers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Admin: customers")
public class AdminCustomerApi {

    public record CustomerJson(long id, String email, String name, String roles, boolean enabled, Instant createdAt) {
        static CustomerJson of(User user) {
            return new CustomerJson(user.id, user.email, user.name, user.roles, user.enabled, user.createdAt);
        }
    }

    public record CustomerDetailJson(CustomerJson customer, List<AdminOrderApi.OrderSummaryJson> orders) {
    }

    @Inject
    CustomerDirectory customers;

    @Inject
    SecurityIdentity identity;

    @GET
    public AdminCatalogApi.ListJson<CustomerJson> list(@QueryParam("q") String q, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        AdminPaging paging = AdminPaging.strict(page, size);
        return new AdminCatalogApi.ListJson<>(customers.find(q, paging.offset(), paging.size()).stream()
                .map(CustomerJson::of).toList(), customers.count(q), paging.page(), paging.size());
    }

    @GET
    @Path("{id}")
    public CustomerDetailJson get(@PathParam("id") long id) {
        return new CustomerDetailJson(CustomerJson.of(customers.user(id)),
                customers.orders(id).stream().map(AdminOrderApi.OrderSummaryJson::of).toList());
    }

    @POST
    @Path("{id}/disable")
    public CustomerJson disable(@PathParam("id") long id) {
        return CustomerJson.of(customers.setEnabled(id, false, identity.getPrincipal().getName()));
    }

    @POST
    @Path("{id}/enable")
    public CustomerJson enable(@PathParam("id") long id) {
        return CustomerJson.of(customers.setEnabled(id, true, identity.getPrincipal().getName()));
    }
}
