package dev.storefront.catalog;

import java.util.List;
import java.util.Map;

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

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.storefront.money.Money;

/** The catalog for API clients: the category tree and product details (listings with facets are search's ListingApi). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogApi {

    @Inject
    CatalogService catalog;

    @Inject
    JsonCache answers;

    public record CategoryJson(String slug, String name, String description, String url, List<CategoryJson> children) {
    }

    public record ProductJson(String slug, String name, String brand, String category, String description,
            Map<String, String> attributes, List<String> images, Money price, Money priceTo, String url,
            List<VariantJson> variants) {
    }

    /** {@code available} is how many units a shopper may buy right now. */
    /** {@code image}: the variant's own picture (one of the product's {@code images}), or null. */
    /** {@code compareAtPrice}: the price before, shown struck through; null for none. */
    public record VariantJson(String sku, Map<String, String> attributes, Money price, int available, String image,
            Money compareAtPrice) {
    }

    @GET
    @Path("categories")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CategoryJson.class,
            type = SchemaType.ARRAY)))
    public Response categories(@Context Request request) {
        return answers.json(request, "/categories",
                () -> catalog.categoryTree().departments().stream().map(CatalogApi::json).toList());
    }


    @GET
    @Path("products/{slug}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProductJson.class)))
    public Response product(@PathParam("slug") String slug, @Context Request request) {
        return answers.json(request, "/products/" + slug, () -> json(catalog.productDetails(slug, null)
                .orElseThrow(() -> new NotFoundException("No product " + slug))));
    }

    private static ProductJson json(ProductDetails details) {
        ProductView product = details.product();
        return new ProductJson(product.slug(), product.name(), product.brand(), product.category().slug(),
                product.description(), product.attributes(), product.images(), details.priceFrom(), details.priceTo(),
                "/p/" + product.slug(),
                details.variants().stream().map(option -> new VariantJson(option.sku(), option.attributes(),
                        option.price(), option.availability().available(), option.image(), option.compareAt())).toList());
    }

    private static CategoryJson json(CategoryView category) {
        return new CategoryJson(category.slug(), category.name(), category.description(), "/c/" + category.slug(),
                category.children().stream().map(CatalogApi::json).toList());
    }
}
