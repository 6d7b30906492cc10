package dev.storefront.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The audit log: every admin action, newest first, optionally for one record. */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class AdminAuditPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(List<AuditEntry> entries, String target, int page, int pages, long total,
                String base, String notice, String error);
    }

    @GET
    @Transactional
    public Response log(@QueryParam("target") String target, @QueryParam("page") String page) {
        AdminPaging paging = AdminPaging.lenient(page);
        String where = target == null || target.isBlank() ? "1 = 1" : "target = ?1";
        Object[] params = target == null || target.isBlank() ? new Object[0] : new Object[] { target.strip() };
        long total = AuditEntry.count(where, params);
        List<AuditEntry> entries = AuditEntry.<AuditEntry>find(where, Sort.descending("createdAt", "id"), params)
                .page(Page.of(paging.page() - 1, paging.size())).list();
        return AdminPages.page(Templates.log(entries, target, paging.page(), paging.pages(total), total,
                "/admin/audit?target=" + AdminForms.enc(target) + "&", null, null));
    }
}
