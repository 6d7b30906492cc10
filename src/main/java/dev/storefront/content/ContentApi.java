package dev.storefront.content;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The store's own pages for headless fronts and apps: the list for a footer, and each page as Markdown and HTML. */
@Path("/api/v1/pages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Store pages")
public class ContentApi {

    public record PageLink(String slug, String title, String url) {
    }

    /** {@code html} is {@code body} rendered, with any HTML in the Markdown escaped. */
    public record PageJson(String slug, String title, String body, String html, String url, Instant updatedAt) {
    }

    @Inject
    StorePages content;

    @GET
    @Operation(summary = "The published pages (shipping, returns, privacy, ...), in their footer order")
    public List<PageLink> pages() {
        return content.allPublished().stream().map(p -> new PageLink(p.slug(), p.title(), StorePages.url(p.slug())))
                .toList();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "A published page, its Markdown and its HTML")
    public PageJson page(@PathParam("slug") String slug) {
        return content.published(slug).map(p -> new PageJson(p.slug(), p.title(), p.body(), p.html(),
                StorePages.url(p.slug()), p.updatedAt())).orElseThrow(() -> new NotFoundException("No page " + slug));
    }
}
