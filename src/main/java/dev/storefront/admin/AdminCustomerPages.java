package dev.storefront.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

import dev.storefront.account.CustomerDirectory;
import dev.storefront.account.User;
import dev.storefront.order.Order;

/** Customers: the list, and each with their orders and the switch that disables the account. */
@Path("/admin/customers")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class AdminCustomerPages {

    @Inject
    CustomerDirectory customers;

    @Inject
    SecurityIdentity identity;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<User> users, String q, int page, int pages, long total, String base,
                String notice, String error);

        static native TemplateInstance customer(User user, List<Order> orders, String notice, String error);
    }

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("page") String page) {
        AdminPaging paging = AdminPaging.lenient(page);
        long total = customers.count(q);
        return AdminPages.page(Templates.list(customers.find(q, paging.offset(), paging.size()), q, paging.page(),
                paging.pages(total), total, "/admin/customers?q=" + AdminForms.enc(q) + "&", null, null));
    }

    @GET
    @Path("{id}")
    public Response customer(@PathParam("id") long id, @QueryParam("notice") String notice) {
        String text = "disabled".equals(notice) ? "The account is disabled and signed out everywhere."
                : "enabled".equals(notice) ? "The account can sign in again." : null;
        return AdminPages.page(Templates.customer(customers.user(id), customers.orders(id), text, null));
    }

    @POST
    @Path("{id}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disable(@PathParam("id") long id) {
        return toggle(id, false);
    }

    @POST
    @Path("{id}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("id") long id) {
        return toggle(id, true);
    }

    private Response toggle(long id, boolean enabled) {
        try {
            customers.setEnabled(id, enabled, identity.getPrincipal().getName());
            return AdminPages.seeOther("/admin/customers/" + id + "?notice=" + (enabled ? "enabled" : "disabled"));
        } catch (ClientErrorException e) {
            if (e.getResponse().getStatus() == 404) {
                throw e;
            }
            return AdminPages.page(e.getResponse().getStatus(),
                    Templates.customer(customers.user(id), customers.orders(id), null, e.getMessage()));
        }
    }
}
