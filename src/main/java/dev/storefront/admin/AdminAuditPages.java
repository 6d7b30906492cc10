package dev.storefront.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.storefront.audit.AuditEntry;
import dev.storefront.audit.AuditLog;
import dev.storefront.web.StoreRoles;

/** The audit log: every admin action, newest first, optionally for one record. */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(StoreRoles.ADMIN)
public class AdminAuditPages {

    @Inject
    AuditLog audit;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(List<AuditEntry> entries, String target, int page, int pages, long total,
                String base, String notice, String error);
    }

    @GET
    public Response log(@QueryParam("target") String target, @QueryParam("page") String page) {
        AdminPaging paging = AdminPaging.lenient(page);
        long total = audit.count(target);
        return AdminPages.page(Templates.log(audit.find(target, paging.offset(), paging.size()), target,
                paging.page(), paging.pages(total), total, "/admin/audit?target=" + AdminForms.enc(target) + "&",
                null, null));
    }
}
