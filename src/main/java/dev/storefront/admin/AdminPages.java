package dev.storefront.admin;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.storefront.search.SearchIndex;

/** The store admin's pages; for now the home with the search index and its rebuild action. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class AdminPages {

    @Inject
    SearchIndex searchIndex;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(long indexedProducts, String notice);
    }

    @GET
    public Response home(@QueryParam("notice") String notice) {
        String message = "reindexed".equals(notice) ? "The search index has been rebuilt."
                : "busy".equals(notice) ? "A rebuild is already running; try again when it has finished." : null;
        return Response.ok(Templates.home(searchIndex.documentCount(), message).render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store").build();
    }

    /** Re-reads every product into the search index; the page comes back when it is done. */
    @POST
    @Path("search/reindex")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reindex() {
        boolean ran = searchIndex.rebuild();
        return Response.seeOther(URI.create("/admin?notice=" + (ran ? "reindexed" : "busy"))).build();
    }
}
