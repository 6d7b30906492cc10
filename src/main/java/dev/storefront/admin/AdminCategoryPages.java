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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

import dev.storefront.catalog.CatalogAdminService.CategoryInput;
import dev.storefront.catalog.CatalogAdminService.CategoryNode;
import dev.storefront.catalog.CatalogAdminService;
import dev.storefront.catalog.Category;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.StoreRoles;

/** The category tree: every category indented under its parent, each editable in place, plus a new one. */
@Path("/admin/categories")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(StoreRoles.ADMIN)
public class AdminCategoryPages {

    @Inject
    CatalogAdminService catalog;

    @Inject
    SecurityIdentity identity;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tree(List<CategoryNode> nodes, List<String> errors, String notice,
                String error);

        static native TemplateInstance delete(CategoryNode category);
    }

    @GET
    public Response tree(@QueryParam("notice") String notice) {
        return render(200, List.of(), "saved".equals(notice) ? "The category tree has been saved." : null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        return act(() -> catalog.createCategory(input(form), identity.getPrincipal().getName()));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return act(() -> catalog.updateCategory(id, input(form), identity.getPrincipal().getName()));
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id, @org.jboss.resteasy.reactive.RestForm("confirm") String confirm) {
        if (!"yes".equals(confirm)) { // asks first, naming the category and what happens to its address
            CategoryNode node = catalog.categoryTree().stream().filter(n -> n.id() == id).findFirst()
                    .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("No category " + id));
            return AdminPages.page(Templates.delete(node));
        }
        return act(() -> {
            catalog.deleteCategory(id, identity.getPrincipal().getName());
            return null;
        });
    }

    private Response act(java.util.function.Supplier<Category> action) {
        try {
            action.get();
            return AdminPages.seeOther("/admin/categories?notice=saved");
        } catch (InvalidInputException e) {
            return render(400, AdminForms.messages(e), null, null);
        } catch (ClientErrorException e) {
            return render(e.getResponse().getStatus(), List.of(), null, e.getMessage());
        }
    }

    private Response render(int status, List<String> errors, String notice, String error) {
        return AdminPages.page(status, Templates.tree(catalog.categoryTree(), errors, notice, error));
    }

    private static CategoryInput input(MultivaluedMap<String, String> form) {
        Long parent = AdminForms.parseLong(AdminForms.value(form, "parentId"));
        Long position = AdminForms.parseLong(AdminForms.value(form, "position"));
        return new CategoryInput(AdminForms.value(form, "name"), AdminForms.value(form, "slug"),
                parent == null ? 0L : parent, AdminForms.value(form, "description"),
                position == null ? null : position.intValue());
    }
}
