package dev.storefront.admin;

import java.util.ArrayList;
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

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

import dev.storefront.inventory.InventoryService.MovementView;
import dev.storefront.inventory.InventoryService.StockView;
import dev.storefront.inventory.InventoryService;
import dev.storefront.inventory.MovementReason;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.StoreRoles;

/** Stock per SKU: the list, and each SKU's levels, history and the forms that change them. */
@Path("/admin/inventory")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ StoreRoles.ADMIN, StoreRoles.STAFF })
public class AdminInventoryPages {

    @Inject
    InventoryService inventory;

    @Inject
    SecurityIdentity identity;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<StockView> rows, String q, String state, String sort, int page, int pages,
                long total, String base, String notice, String error);

        static native TemplateInstance sku(StockView stock, List<MovementView> movements,
                List<MovementReason> reasons, List<String> errors, String notice, String error);
    }

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("state") String state,
            @QueryParam("sort") String sort, @QueryParam("page") String page) {
        String filter = "low".equals(state) || "out".equals(state) ? state : null;
        // lowest available first when asked, and always among the SKUs running low (what to reorder first)
        String order = "available".equals(sort) || "sku".equals(sort) ? sort : "low".equals(filter) ? "available" : "sku";
        AdminPaging paging = AdminPaging.lenient(page);
        long total = inventory.count(q, filter);
        String base = "/admin/inventory?q=" + AdminForms.enc(q) + "&state=" + (filter == null ? "" : filter)
                + "&sort=" + order + "&";
        return AdminPages.page(Templates.list(inventory.list(q, filter, "available".equals(order), paging.page(),
                paging.size()), q, filter, order, paging.page(), paging.pages(total), total, base, null, null));
    }

    @GET
    @Path("{sku}")
    public Response sku(@PathParam("sku") String sku, @QueryParam("notice") String notice) {
        return render(200, sku, List.of(), "saved".equals(notice) ? "Stock updated; the change is in the history below." : null,
                null);
    }

    @POST
    @Path("{sku}/adjust")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response adjust(@PathParam("sku") String sku, @RestForm("delta") String delta,
            @RestForm("reason") String reason, @RestForm("note") String note) {
        return act(sku, () -> {
            List<FieldError> errors = new ArrayList<>();
            Integer parsed = integer(delta, "delta", errors);
            if (parsed != null && parsed == 0) {
                errors.add(new FieldError("delta", "must not be 0"));
            }
            MovementReason why = AdminInventoryApi.reason(reason, errors);
            String text = AdminInventoryApi.note(note, errors);
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            inventory.adjust(sku, parsed, why, text, identity.getPrincipal().getName());
        });
    }

    @POST
    @Path("{sku}/set")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response set(@PathParam("sku") String sku, @RestForm("onHand") String onHand,
            @RestForm("reason") String reason, @RestForm("note") String note, @RestForm("version") String version) {
        return act(sku, () -> {
            List<FieldError> errors = new ArrayList<>();
            Integer parsed = integer(onHand, "onHand", errors);
            if (parsed != null && parsed < 0) {
                errors.add(new FieldError("onHand", "must not be negative"));
            }
            MovementReason why = AdminInventoryApi.reason(reason, errors);
            String text = AdminInventoryApi.note(note, errors);
            Long expected = AdminForms.parseLong(version);
            if (!errors.isEmpty() || expected == null) {
                throw new InvalidInputException(errors.isEmpty() ? List.of(new FieldError("version", "is missing")) : errors);
            }
            inventory.set(sku, parsed, why, text, expected, identity.getPrincipal().getName());
        });
    }

    private Response act(String sku, Runnable action) {
        try {
            action.run();
            return AdminPages.seeOther("/admin/inventory/" + sku + "?notice=saved");
        } catch (InvalidInputException e) {
            return render(400, sku, AdminForms.messages(e), null, null);
        } catch (ClientErrorException e) {
            if (e.getResponse().getStatus() == 404) {
                throw e;
            }
            return render(e.getResponse().getStatus(), sku, List.of(), null, e.getMessage());
        }
    }

    private Response render(int status, String sku, List<String> errors, String notice, String error) {
        StockView stock = inventory.level(sku);
        return AdminPages.page(status, Templates.sku(stock, inventory.movements(sku, 100), MovementReason.manual(),
                errors, notice, error));
    }

    private static Integer integer(String text, String field, List<FieldError> errors) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
    }
}
