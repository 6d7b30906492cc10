package dev.storefront.admin;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.security.identity.SecurityIdentity;

import dev.storefront.catalog.CatalogAdminService.CategoryInput;
import dev.storefront.catalog.CatalogAdminService.ProductInput;
import dev.storefront.catalog.CatalogAdminService.OptionInput;
import dev.storefront.catalog.CatalogAdminService.VariantInput;
import dev.storefront.catalog.CatalogAdminService;
import dev.storefront.catalog.Category;
import dev.storefront.catalog.Product;
import dev.storefront.catalog.ProductFilter;
import dev.storefront.catalog.ProductImages;
import dev.storefront.catalog.Variant;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.money.Money;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.MoneyFormat;
import dev.storefront.web.StoreRoles;

/** Products, variants, categories and product pictures for integrations, with a bearer token of an admin. */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(StoreRoles.ADMIN)
@Tag(name = "Admin: catalog")
public class AdminCatalogApi {

    public record VariantJson(String sku, Map<String, String> attributes, String price, String compareAtPrice,
            String currency, boolean active, String image, int onHand, int reserved, int available) {
    }

    /** Options and their values, from which the variants a product lacks are made. */
    public record MatrixRequest(List<OptionInput> options, String skuPrefix, String price) {
    }

    /** The product's pictures in a new order (each once; the first is the main one). */
    public record PictureOrder(List<String> images) {
    }

    public record PictureText(String url, String alt) {
    }

    public record ProductJson(long id, String slug, String name, String brand, long categoryId, String category,
            String description, boolean active, boolean featured, List<String> images, Map<String, String> imageAlts,
            List<VariantJson> variants,
            String url, Instant createdAt, Instant updatedAt) {
    }

    public record CategoryJson(long id, String slug, String name, Long parentId, String description, int position,
            long products) {
    }

    public record ListJson<T>(List<T> items, long total, int page, int size) {
    }

    @Inject
    CatalogAdminService catalog;

    @Inject
    ProductImages images;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("products")
    @Operation(summary = "Products matching a text (name, slug or SKU), category, active flag and stock state")
    public ListJson<ProductJson> products(@QueryParam("q") String q, @QueryParam("category") Long category,
            @QueryParam("active") Boolean active, @QueryParam("stock") String stock, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        AdminPaging paging = AdminPaging.strict(page, size);
        ProductFilter filter = new ProductFilter(q, category, active, ProductFilter.stockState(stock, true));
        return new ListJson<>(catalog.find(filter, null, paging.offset(), paging.size(), AdminCatalogApi::json),
                catalog.count(filter), paging.page(), paging.size());
    }

    @GET
    @Path("products/{id}")
    public ProductJson product(@PathParam("id") long id) {
        return reread(id);
    }

    @POST
    @Path("products")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a product with at least one variant; prices are decimals such as \"19.99\"")
    public Response create(ProductInput input) {
        Product product = catalog.create(InvalidInputException.requireBody(input), actor());
        return Response.created(URI.create("/api/v1/admin/products/" + product.id)).entity(reread(product.id)).build();
    }

    @PUT
    @Path("products/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes the given fields; variants are matched by SKU, new SKUs are added")
    public ProductJson update(@PathParam("id") long id, ProductInput input) {
        catalog.update(id, InvalidInputException.requireBody(input), actor());
        return reread(id);
    }

    @DELETE
    @Path("products/{id}")
    @Operation(summary = "Deletes a product never ordered (409 otherwise: switch it off with active=false)")
    public Response delete(@PathParam("id") long id) {
        catalog.delete(id, actor());
        return Response.noContent().build();
    }

    @POST
    @Path("products/{id}/variants")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addVariant(@PathParam("id") long id, VariantInput input) {
        catalog.addVariant(id, InvalidInputException.requireBody(input), actor());
        return Response.status(201).entity(reread(id)).build();
    }

    @POST
    @Path("products/{id}/variants/matrix")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds a variant for every combination of the options' values the product lacks (SKU prefix-values, the price, no stock)")
    public ProductJson matrix(@PathParam("id") long id, MatrixRequest request) {
        MatrixRequest body = InvalidInputException.requireBody(request);
        catalog.addVariantMatrix(id, body.options() == null ? List.of() : body.options(), body.skuPrefix(),
                body.price(), actor());
        return reread(id);
    }

    @PUT
    @Path("products/{id}/images/order")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Puts the product's pictures in this order; the first becomes the main picture")
    public ProductJson orderImages(@PathParam("id") long id, PictureOrder order) {
        catalog.orderImages(id, InvalidInputException.requireBody(order).images(), actor());
        return reread(id);
    }

    @PUT
    @Path("products/{id}/images/alt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets a picture's alternative text (empty: the product's name is used)")
    public ProductJson describeImage(@PathParam("id") long id, PictureText text) {
        PictureText body = InvalidInputException.requireBody(text);
        catalog.describeImage(id, body.url(), body.alt(), actor());
        return reread(id);
    }

    @PUT
    @Path("variants/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProductJson updateVariant(@PathParam("sku") String sku, VariantInput input) {
        Variant variant = catalog.updateVariant(sku, InvalidInputException.requireBody(input), actor());
        return reread(variant.product.id);
    }

    @DELETE
    @Path("variants/{sku}")
    public Response deleteVariant(@PathParam("sku") String sku) {
        catalog.deleteVariant(sku, actor());
        return Response.noContent().build();
    }

    @POST
    @Path("products/{id}/images")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Uploads a JPEG, PNG or WebP picture (at most 5 MB) as form field 'image'")
    public Response upload(@PathParam("id") long id, @RestForm("image") FileUpload image,
            @RestForm("main") boolean main) throws IOException {
        if (image == null) {
            throw InvalidInputException.of("image", "is required");
        }
        CatalogAdminService.product(id);
        String url = images.store(image.uploadedFile(), "image");
        catalog.addImage(id, url, main, actor());
        return Response.status(201).entity(reread(id)).build();
    }

    @DELETE
    @Path("products/{id}/images")
    @Operation(summary = "Removes a picture (by its URL) from the product; variants that showed it show the main one")
    public ProductJson removeImage(@PathParam("id") long id, @QueryParam("url") String url) {
        if (url == null || url.isBlank()) {
            throw InvalidInputException.of("url", "is required");
        }
        catalog.removeImage(id, url, actor());
        return reread(id);
    }

    @GET
    @Path("categories")
    public List<CategoryJson> categories() {
        return catalog.categories(AdminCatalogApi::json);
    }

    @POST
    @Path("categories")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createCategory(CategoryInput input) {
        Category category = catalog.createCategory(InvalidInputException.requireBody(input), actor());
        return Response.created(URI.create("/api/v1/admin/categories/" + category.id))
                .entity(rereadCategory(category.id)).build();
    }

    @PUT
    @Path("categories/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CategoryJson updateCategory(@PathParam("id") long id, CategoryInput input) {
        catalog.updateCategory(id, InvalidInputException.requireBody(input), actor());
        return rereadCategory(id);
    }

    @DELETE
    @Path("categories/{id}")
    public Response deleteCategory(@PathParam("id") long id) {
        catalog.deleteCategory(id, actor());
        return Response.noContent().build();
    }

    private ProductJson reread(long id) {
        return catalog.product(id, AdminCatalogApi::json);
    }

    private CategoryJson rereadCategory(long id) {
        return catalog.category(id, AdminCatalogApi::json);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }


    static ProductJson json(Product product) {
        List<VariantJson> variants = new ArrayList<>();
        for (Variant v : product.variants) {
            int onHand = v.stock == null ? 0 : v.stock.onHand;
            int reserved = v.stock == null ? 0 : v.stock.reserved;
            variants.add(new VariantJson(v.sku, v.attributes, MoneyFormat.decimal(v.price()),
                    v.compareAtAmount == null ? null : MoneyFormat.decimal(Money.of(v.compareAtAmount, v.currency)),
                    v.currency, v.active, v.image, onHand, reserved, v.available()));
        }
        return new ProductJson(product.id, product.slug, product.name, product.brand, product.category.id,
                product.category.slug, product.description, product.active, product.featured, product.images,
                product.imageAlts, variants, "/p/" + product.slug, product.createdAt, product.updatedAt);
    }

    private static CategoryJson json(Category category) {
        return new CategoryJson(category.id, category.slug, category.name,
                category.parent == null ? null : category.parent.id, category.description, category.position,
                category.products.size());
    }
}
