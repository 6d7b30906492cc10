package dev.storefront.content;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.storefront.catalog.PageCache;

/** The store's own pages for shoppers: {@code /pages/shipping}, {@code /pages/returns}, ... */
@Path("/pages")
@Produces(MediaType.TEXT_HTML)
public class ContentPages {

    @Inject
    StorePages content;

    @Inject
    PageCache pages;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(StorePages.PageView page);
    }

    @GET
    @Path("{slug}")
    public Response page(@PathParam("slug") String slug, @Context Request request) {
        String key = StorePages.url(slug);
        Response kept = pages.kept(request, key);
        if (kept != null) {
            return kept;
        }
        StorePages.PageView page = content.published(slug).orElseThrow(() -> new NotFoundException("No page " + slug));
        return pages.page(request, key, () -> Templates.page(page));
    }
}
