package dev.storefront.catalog;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The shopper's catalog pages: home and product. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CatalogPages {

    private static final int FEATURED_ON_HOME = 12;
    private static final int NEW_ON_HOME = 12;

    @Inject
    CatalogService catalog;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Map<Category, List<Category>> categories, List<ProductCard> featured,
                List<ProductCard> newest);

        static native TemplateInstance product(ProductDetails details);
    }

    @GET
    public TemplateInstance home() {
        return Templates.home(catalog.categoryTree(), catalog.featured(FEATURED_ON_HOME),
                catalog.newest(NEW_ON_HOME));
    }

    @GET
    @Path("p/{slug}")
    public TemplateInstance product(@PathParam("slug") String slug, @QueryParam("variant") String sku) {
        return catalog.productDetails(slug, sku)
                .map(Templates::product)
                .orElseThrow(() -> new NotFoundException("No product " + slug));
    }
}
