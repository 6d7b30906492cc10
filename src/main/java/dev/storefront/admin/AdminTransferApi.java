package dev.storefront.admin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.security.identity.SecurityIdentity;

import dev.storefront.catalog.transfer.CatalogCsv;
import dev.storefront.catalog.transfer.CatalogTransfer;
import dev.storefront.catalog.transfer.ImportJob;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.StoreRoles;

/** The catalog as CSV: export it, import it (all or nothing), and follow an import. */
@jakarta.ws.rs.Path("/api/v1/admin/catalog")
@RolesAllowed(StoreRoles.ADMIN)
@Tag(name = "Admin: bulk CSV")
public class AdminTransferApi {

    public record ImportJson(String id, String fileName, ImportJob.Status status, int percent, int rowsRead,
            int rowsImported, int errorCount, List<CatalogCsv.Problem> errors, String message, Instant createdAt,
            Instant finishedAt) {
        static ImportJson of(ImportJob job) {
            return new ImportJson(job.id, job.fileName, job.status, job.percent(), job.rowsRead, job.rowsImported,
                    job.errorCount, job.errors, job.message, job.createdAt, job.finishedAt);
        }
    }

    @Inject
    CatalogTransfer transfer;

    @Inject
    SecurityIdentity identity;

    @GET
    @jakarta.ws.rs.Path("export")
    @Produces("text/csv")
    @Operation(summary = "Every product's variants with their stock, in the import's format")
    public Response export() {
        StreamingOutput body = transfer::export;
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"catalog.csv\"").build();
    }

    @POST
    @jakarta.ws.rs.Path("imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Starts importing a CSV file (form field 'file'); 202 with the job to poll")
    public Response importFile(@RestForm("file") FileUpload file) throws IOException {
        if (file == null) {
            throw InvalidInputException.of("file", "a CSV file is required");
        }
        return accepted(transfer.start(file.uploadedFile(), file.fileName(), identity.getPrincipal().getName()));
    }

    @POST
    @jakarta.ws.rs.Path("imports")
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Starts importing the CSV sent as the body; 202 with the job to poll")
    public Response importBody(InputStream body) throws IOException {
        Path temporary = Files.createTempFile("catalog-import", ".csv");
        try {
            Files.copy(body, temporary, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return accepted(transfer.start(temporary, "api.csv", identity.getPrincipal().getName()));
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @GET
    @jakarta.ws.rs.Path("imports/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ImportJson job(@PathParam("id") String id) {
        return ImportJson.of(transfer.job(id).orElseThrow(() -> new NotFoundException("No import " + id)));
    }

    private static Response accepted(ImportJob job) {
        return Response.accepted(ImportJson.of(job)).location(URI.create("/api/v1/admin/catalog/imports/" + job.id))
                .build();
    }
}
