package dev.storefront.catalog;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.storefront.config.StoreConfig;

/** The shopper's catalog pages: home and product (category listings are search's, see SearchPages). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CatalogPages {

    private static final int FEATURED_ON_HOME = 12;
    private static final int NEW_ON_HOME = 12;

    private static final int RELATED = 8;

    @Inject
    CatalogService catalog;

    @Inject
    RelatedProducts related;

    @Inject
    PageCache pages;

    @Inject
    StoreConfig config;

    @Inject
    ObjectMapper json;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<CategoryView> departments, List<ProductCard> featured,
                List<ProductCard> newest);

        static native TemplateInstance product(ProductDetails details, List<ProductCard> related, String jsonLd,
                boolean preview);
    }

    @GET
    public Response home(@Context Request request) {
        return pages.page(request, "/", () -> Templates.home(catalog.categoryTree().departments(),
                catalog.featured(FEATURED_ON_HOME), catalog.newest(NEW_ON_HOME)));
    }

    @GET
    @Path("p/{slug}")
    public Response product(@PathParam("slug") String slug, @QueryParam("variant") String sku,
            @Context Request request) {
        String bare = productPageKey(slug, null);
        if (sku == null || sku.isEmpty()) {
            // loaded inside the page cache: shoppers arriving together at a page not kept wait for one load
            return pages.page(request, bare, () -> productPage(slug, catalog.productDetails(slug, null)
                    .orElseThrow(() -> new NotFoundException("No product " + slug))));
        }
        // a kept page first: most visits cost no product lookup at all
        String asAsked = productPageKey(slug, sku);
        Response kept = pages.kept(request, asAsked);
        if (kept != null) {
            return kept;
        }
        ProductDetails details = catalog.productDetails(slug, sku)
                .orElseThrow(() -> new NotFoundException("No product " + slug));
        // an unknown variant shows the default choice, kept once under the bare path
        boolean asked = details.selected().sku().equals(sku);
        return pages.page(request, asked ? asAsked : bare, () -> productPage(slug, details));
    }

    private TemplateInstance productPage(String slug, ProductDetails details) {
        return Templates.product(details, related.related(details.product().category().slug(), slug, RELATED),
                ProductStructuredData.jsonLd(details, config.publicUrl(), json), false);
    }

    /**
     * The product's page as shoppers would see it, switched off or not, under a banner saying it is a preview (for
     * the back office, which answers it uncached); empty when there is no such product or it has no variant.
     */
    public Optional<String> preview(long productId) {
        return catalog.previewDetails(productId).map(details -> Templates.product(details, List.of(),
                ProductStructuredData.jsonLd(details, config.publicUrl(), json), true).render());
    }

    private static String productPageKey(String slug, String sku) {
        return "/p/" + slug + (sku == null ? "" : "?variant=" + sku);
    }

    /**
     * "Show this option" on the product page: the variant choice is part of the add-to-cart form (so what
     * is chosen is what is added), and this button of that form shows the chosen variant's page.
     */
    @POST
    @Path("p/{slug}/option")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response showOption(@PathParam("slug") String slug, @FormParam("sku") String sku) {
        String page = "/p/" + URLEncoder.encode(slug, StandardCharsets.UTF_8)
                + (sku == null || sku.isBlank() ? "" : "?variant=" + URLEncoder.encode(sku, StandardCharsets.UTF_8))
                + "#buy"; // back where the shopper was, not at the top of the page
        return Response.seeOther(URI.create(page)).build();
    }
}
