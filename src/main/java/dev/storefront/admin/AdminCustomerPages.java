package dev.storefront.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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
import dev.storefront.web.StoreRoles;

/** Customers: the list, and each with their orders, the switch that disables the account, and its access. */
@Path("/admin/customers")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(StoreRoles.ADMIN)
public class AdminCustomerPages {

    @Inject
    CustomerDirectory customers;

    @Inject
    SecurityIdentity identity;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<User> users, String q, String sort, int page, int pages, long total,
                String base, String notice, String error);

        static native TemplateInstance customer(User user, List<Order> orders, User.Access[] accesses, boolean own,
                String notice, String error);
    }

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("page") String page) {
        AdminPaging paging = AdminPaging.lenient(page);
        long total = customers.count(q);
        String order = "oldest".equals(sort) || "email".equals(sort) ? sort : "newest";
        return AdminPages.page(Templates.list(customers.find(q, order, paging.offset(), paging.size()), q, order,
                paging.page(), paging.pages(total), total, "/admin/customers?q=" + AdminForms.enc(q) + "&sort="
                        + order + "&", null, null));
    }

    @GET
    @Path("{id}")
    public Response customer(@PathParam("id") long id, @QueryParam("notice") String notice) {
        String text = "disabled".equals(notice) ? "The account is disabled and signed out everywhere."
                : "enabled".equals(notice) ? "The account can sign in again."
                : "access".equals(notice) ? "The access is changed; the account was signed out everywhere and its next"
                        + " sign-in has it." : null;
        return AdminPages.page(customerPage(id, text, null));
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

    /** Customer, staff or admin; the form names one of {@link User.Access}. */
    @POST
    @Path("{id}/access")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response access(@PathParam("id") long id, @FormParam("access") String name) {
        User.Access access = User.Access.named(name);
        if (access == null) {
            return AdminPages.page(400, customerPage(id, null, "Choose customer, staff or admin access."));
        }
        return change(id, "access", () -> customers.setAccess(id, access, identity.getPrincipal().getName()));
    }

    private Response toggle(long id, boolean enabled) {
        return change(id, enabled ? "enabled" : "disabled",
                () -> customers.setEnabled(id, enabled, identity.getPrincipal().getName()));
    }

    private Response change(long id, String notice, Runnable change) {
        try {
            change.run();
            return AdminPages.seeOther("/admin/customers/" + id + "?notice=" + notice);
        } catch (ClientErrorException e) {
            if (e.getResponse().getStatus() == 404) {
                throw e;
            }
            return AdminPages.page(e.getResponse().getStatus(), customerPage(id, null, e.getMessage()));
        }
    }

    private TemplateInstance customerPage(long id, String notice, String error) {
        User user = customers.user(id);
        return Templates.customer(user, customers.orders(id), User.Access.values(),
                user.email.equalsIgnoreCase(identity.getPrincipal().getName()), notice, error);
    }
}
