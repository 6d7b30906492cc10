package dev.storefront.admin;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import dev.storefront.content.StorePage;
import dev.storefront.content.StorePages.PageInput;
import dev.storefront.content.StorePages;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.StoreRoles;

/** The store's own pages (shipping, returns, privacy, ...): a list, and a Markdown editor with a preview. */
@Path("/admin/pages")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(StoreRoles.ADMIN)
public class AdminContentPages {

    /** The fields of the form, in the order they are shown (the first with an error gets the focus). */
    private static final List<String> FIELDS = List.of("title", "slug", "body", "position");

    /** A page as the list shows it. */
    public record Row(long id, String slug, String title, boolean published, boolean inFooter, int position,
            String changed) {
        static Row of(StorePage p) {
            return new Row(p.id, p.slug, p.title, p.published, p.inFooter, p.position, CHANGED.format(p.updatedAt));
        }
    }

    private static final DateTimeFormatter CHANGED = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** The form as shown (after an error, as it was typed); {@code preview} is the text rendered. */
    public record PageForm(Long id, String title, String slug, String body, boolean published, boolean inFooter,
            String position, String preview) {
        static PageForm of(StorePage p) {
            return new PageForm(p.id, p.title, p.slug, p.body, p.published, p.inFooter, String.valueOf(p.position),
                    StorePages.html(p.body));
        }
    }

    @Inject
    StorePages content;

    @Inject
    SecurityIdentity identity;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Row> pages, String notice, String error);

        static native TemplateInstance edit(PageForm form, Map<String, String> errors, String firstError,
                String notice, String error);

        static native TemplateInstance delete(PageForm form, String error);
    }

    @GET
    public Response list(@QueryParam("notice") String notice) {
        return AdminPages.page(Templates.list(content.all(Row::of), "deleted".equals(notice)
                ? "The page has been deleted." : null, null));
    }

    @GET
    @Path("new")
    public Response blank() {
        return AdminPages.page(Templates.edit(new PageForm(null, "", "", "", true, true, "0", ""), Map.of(), null,
                null, null));
    }

    @GET
    @Path("{id}")
    public Response edit(@PathParam("id") long id, @QueryParam("notice") String notice) {
        return AdminPages.page(Templates.edit(content.page(id, PageForm::of), Map.of(), null,
                "saved".equals(notice) ? "The page has been saved." : null, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        return save(null, form);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return save(id, form);
    }

    /** Asks first: what is deleted is gone from the shop and its footer. */
    @GET
    @Path("{id}/delete")
    public Response confirmDelete(@PathParam("id") long id) {
        return AdminPages.page(Templates.delete(content.page(id, PageForm::of), null));
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        if (!"yes".equals(form.getFirst("confirm"))) {
            return AdminPages.page(400, Templates.delete(content.page(id, PageForm::of),
                    "Tick the box to confirm that the page should be deleted."));
        }
        content.delete(id, actor());
        return AdminPages.seeOther("/admin/pages?notice=deleted");
    }

    private Response save(Long id, MultivaluedMap<String, String> form) {
        try {
            StorePage page = id == null ? content.create(input(form), actor()) : content.update(id, input(form), actor());
            return AdminPages.seeOther("/admin/pages/" + page.id + "?notice=saved");
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
            String first = FIELDS.stream().filter(errors::containsKey).findFirst().orElse(null);
            String body = AdminForms.value(form, "body");
            PageForm typed = new PageForm(id, AdminForms.value(form, "title"), AdminForms.value(form, "slug"), body,
                    form.containsKey("published"), form.containsKey("inFooter"), AdminForms.value(form, "position"),
                    body.length() > StorePages.MAX_BODY ? "" : StorePages.html(body));
            return AdminPages.page(400, Templates.edit(typed, errors, first, null, null));
        }
    }

    private static PageInput input(MultivaluedMap<String, String> form) {
        String position = AdminForms.value(form, "position").strip();
        Long parsed = position.isEmpty() ? Long.valueOf(0) : AdminForms.parseLong(position);
        // not a number: -1, which the checks refuse beside the field together with any other problem
        int checked = parsed == null || parsed > Integer.MAX_VALUE || parsed < 0 ? -1 : parsed.intValue();
        return new PageInput(AdminForms.value(form, "title"), AdminForms.value(form, "slug"),
                AdminForms.value(form, "body"), form.containsKey("published"), form.containsKey("inFooter"), checked);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
