package dev.storefront.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.storefront.web.StoreRoles;

/** The admin's "rebuild the search index" action: re-reads every product from the database. */
@Path("/api/v1/admin/search/reindex")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(StoreRoles.ADMIN)
public class SearchAdminApi {

    @Inject
    SearchIndex searchIndex;

    public record Reindexed(long products, double seconds) {
    }

    /** Waits until the index is rebuilt; 409 while another rebuild runs. */
    @POST
    public Reindexed reindex() {
        long started = System.nanoTime();
        if (!searchIndex.rebuild()) {
            throw new WebApplicationException("A rebuild of the search index is already running", Response.Status.CONFLICT);
        }
        return new Reindexed(searchIndex.documentCount(), (System.nanoTime() - started) / 1e9);
    }
}
