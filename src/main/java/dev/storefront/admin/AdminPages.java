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
import dev.storefront.web.StoreRoles;

/**
 * The back office's dashboard (admin and staff): sales, the 30-day chart, what waits to ship, low stock, failed
 * emails; the search index's rebuild is the admin's.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ StoreRoles.ADMIN, StoreRoles.STAFF })
public class AdminPages {

    @Inject
    SearchIndex searchIndex;

    @Inject
    Dashboard dashboard;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Dashboard.Summary summary, Dashboard.Period[] periods, int chartHeight, int chartWidth, int barWidth,
                long indexedProducts, String notice, String error);
    }

    @GET
    public Response home(@QueryParam("notice") String notice, @QueryParam("period") String period) {
        String message = "reindexed".equals(notice) ? "The search index has been rebuilt."
                : "busy".equals(notice) ? "A rebuild is already running; try again when it has finished." : null;
        Dashboard.Summary summary = dashboard.summary(Dashboard.Period.named(period));
        return page(Templates.home(summary, Dashboard.Period.values(), Dashboard.CHART_HEIGHT, summary.chart().size() * (Dashboard.BAR_WIDTH + 4),
                Dashboard.BAR_WIDTH,
                searchIndex.documentCount(), message, null));
    }

    /** Re-reads every product into the search index; the page comes back when it is done. */
    @POST
    @Path("search/reindex")
    @RolesAllowed(StoreRoles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reindex() {
        boolean ran = searchIndex.rebuild();
        return Response.seeOther(URI.create("/admin?notice=" + (ran ? "reindexed" : "busy"))).build();
    }

    /** An admin page: never stored by a cache, since it holds the shop's private figures. */
    static Response page(TemplateInstance template) {
        return page(200, template);
    }

    static Response page(int status, TemplateInstance template) {
        return Response.status(status).entity(template.render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store").build();
    }

    static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }
}
