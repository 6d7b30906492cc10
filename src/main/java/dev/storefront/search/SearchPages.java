package dev.storefront.search;

import java.net.URI;
import java.util.List;

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
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.storefront.catalog.CatalogService;
import dev.storefront.catalog.CategoryTree;
import dev.storefront.catalog.CategoryView;
import dev.storefront.catalog.PageCache;
import dev.storefront.config.StoreConfig;

/** Category listings and search results, both answered by the product index with facets. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SearchPages {

    private static final int POPULAR_CATEGORIES = 6;

    @Inject
    Listings search;

    @Inject
    CatalogService catalog;

    @Inject
    StoreConfig config;

    @Inject
    PageCache pages;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(ListingView view, List<CategoryView> popular);

        static native TemplateInstance category(CategoryView category, List<CategoryView> breadcrumb,
                List<CategoryView> children, ListingView view);
    }

    @GET
    @Path("search")
    public Response search(@Context UriInfo uri, @Context Request request) {
        ListingQuery query = ListingParameters.lenient(uri.getQueryParameters(), null);
        Response lastPage = pastTheEnd("/search", query);
        if (lastPage != null) {
            return lastPage;
        }
        return pages.page(request, "/search?" + query, () -> {
            ListingView view = new ListingView("/search", query, search.search(query), config);
            List<CategoryView> popular = view.empty() ? catalog.popularCategories(POPULAR_CATEGORIES) : List.of();
            return Templates.search(view, popular);
        });
    }

    @GET
    @Path("c/{slug}")
    public Response category(@PathParam("slug") String slug, @Context UriInfo uri, @Context Request request) {
        CategoryTree tree = catalog.categoryTree();
        CategoryView category = tree.bySlug(slug).orElseThrow(() -> new NotFoundException("No category " + slug));
        ListingQuery query = ListingParameters.lenient(uri.getQueryParameters(), category.slug());
        String path = "/c/" + category.slug();
        Response lastPage = pastTheEnd(path, query);
        if (lastPage != null) {
            return lastPage;
        }
        return pages.page(request, path + "?" + query, () -> Templates.category(category,
                tree.path(category), category.children(), new ListingView(path, query, search.search(query), config)));
    }

    /**
     * A redirect to the last page for a page number beyond it (an old link, a hand-typed URL), or null.
     * Only pages after the first are looked at, so a cached first page still costs no index search.
     */
    private Response pastTheEnd(String path, ListingQuery query) {
        if (query.page() <= 1) {
            return null;
        }
        ListingResult result = search.search(query);
        if (!result.items().isEmpty() || result.total() == 0) {
            return null;
        }
        ListingQuery last = query.withPaging(result.pageCount(), query.size());
        return Response.seeOther(URI.create(ListingParameters.url(path, ListingParameters.toParameters(last))))
                .header("Cache-Control", "no-store").build();
    }
}
