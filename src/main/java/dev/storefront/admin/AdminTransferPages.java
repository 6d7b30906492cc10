package dev.storefront.admin;

import java.io.IOException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

import dev.storefront.catalog.transfer.CatalogCsv;
import dev.storefront.catalog.transfer.CatalogTransfer;
import dev.storefront.catalog.transfer.ImportJob;
import dev.storefront.web.StoreRoles;

/** Bulk CSV: download the catalog, upload a file, and watch an import (the page refreshes itself). */
@Path("/admin/catalog")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(StoreRoles.ADMIN)
public class AdminTransferPages {

    @Inject
    CatalogTransfer transfer;

    @Inject
    SecurityIdentity identity;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance transfer(List<ImportJob> jobs, List<String> columns, String notice,
                String error);

        static native TemplateInstance job(ImportJob job, String notice, String error);
    }

    @GET
    public Response page() {
        return AdminPages.page(Templates.transfer(transfer.recentJobs(), CatalogCsv.COLUMNS, null, null));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export() {
        StreamingOutput body = transfer::export;
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"catalog.csv\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file) throws IOException {
        if (file == null || file.size() == 0) {
            return AdminPages.page(400, Templates.transfer(transfer.recentJobs(), CatalogCsv.COLUMNS, null,
                    "Choose a CSV file to import."));
        }
        ImportJob job = transfer.start(file.uploadedFile(), file.fileName(), identity.getPrincipal().getName());
        return AdminPages.seeOther("/admin/catalog/imports/" + job.id);
    }

    @GET
    @Path("imports/{id}")
    public Response job(@PathParam("id") String id) {
        ImportJob job = transfer.job(id).orElseThrow(() -> new NotFoundException("No import " + id));
        return AdminPages.page(Templates.job(job, job.status == ImportJob.Status.SUCCEEDED ? job.message : null,
                job.status == ImportJob.Status.FAILED ? job.message : null));
    }
}
