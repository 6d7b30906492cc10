package dev.storefront.admin;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

import dev.storefront.account.CustomerDirectory;
import dev.storefront.account.User;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.StoreRoles;

/** Customer accounts for the admin: find, read with their orders, disable and enable, give access. */
@Path("/api/v1/admin/customers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(StoreRoles.ADMIN)
@Tag(name = "Admin: customers")
public class AdminCustomerApi {

    public record CustomerJson(long id, String email, String name, String roles, String access, boolean enabled,
            Instant createdAt) {
        static CustomerJson of(User user) {
            return new CustomerJson(user.id, user.email, user.name, user.roles, user.access().name().toLowerCase(
                    Locale.ROOT), user.enabled, user.createdAt);
        }
    }

    /** {@code customer}, {@code staff} (orders and stock in the back office) or {@code admin} (everything). */
    public record AccessJson(String access) {
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

    /** Changes what the account may do; its sessions end, so its next sign-in carries the new access. */
    @PUT
    @Path("{id}/access")
    @Consumes(MediaType.APPLICATION_JSON)
    public CustomerJson access(@PathParam("id") long id, AccessJson body) {
        User.Access access = User.Access.named(InvalidInputException.requireBody(body).access());
        if (access == null) {
            throw InvalidInputException.of("access", "must be customer, staff or admin");
        }
        return CustomerJson.of(customers.setAccess(id, access, identity.getPrincipal().getName()));
    }
}
