package dev.storefront.admin;

import static dev.storefront.admin.AdminForms.enc;
import static dev.storefront.admin.AdminForms.messages;
import static dev.storefront.admin.AdminForms.parseLong;
import static dev.storefront.admin.AdminForms.value;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

import dev.storefront.catalog.CatalogAdminService.OptionInput;
import dev.storefront.catalog.CatalogAdminService.ProductInput;
import dev.storefront.catalog.CatalogAdminService.ProductSort;
import dev.storefront.catalog.CatalogAdminService.VariantInput;
import dev.storefront.catalog.CatalogAdminService;
import dev.storefront.catalog.CatalogPages;
import dev.storefront.catalog.Product;
import dev.storefront.catalog.ProductFilter;
import dev.storefront.catalog.ProductImages;
import dev.storefront.catalog.Variant;
import dev.storefront.catalog.transfer.CatalogCsv;
import dev.storefront.inventory.InventoryService;
import dev.storefront.inventory.MovementReason;
import dev.storefront.money.Money;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.MoneyFormat;
import dev.storefront.web.StoreRoles;

/** The admin's product list and the form that creates and edits a product with its variants and pictures. */
@Path("/admin/products")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(StoreRoles.ADMIN)
public class AdminProductPages {

    /** Blank variant rows offered on the form, for adding SKUs without JavaScript. */
    private static final int NEW_VARIANT_ROWS = 3;

    /** Option rows on the form that makes the variant matrix (colour, size, material). */
    private static final int OPTION_ROWS = 3;

    /** The most stock on hand the variant table takes for one SKU. */
    private static final int MAX_ON_HAND = 1_000_000;

    private static final Pattern VARIANT_FIELD = Pattern.compile("variants\\[(\\d+)]\\.(\\w+)");

    /** A product as the list shows it. */
    public record Row(long id, String name, String slug, String brand, String category, boolean active,
            String thumbnail, int variants, int available) {
        static Row of(Product p) {
            return new Row(p.id, p.name, p.slug, p.brand, p.category.name, p.active,
                    ProductImages.thumbnailUrl(p.mainImage()), p.variants.size(),
                    p.variants.stream().mapToInt(Variant::available).sum());
        }
    }

    /** A category to choose from. */
    public record CategoryChoice(long id, String name) {
    }

    /**
     * A row of the variant table. {@code image}: the variant's own picture, empty for the product's main picture;
     * {@code onHand}: as typed (or as it is); {@code onHandWas}: what the page showed, so that a save changes stock
     * by the difference and a sale meanwhile still counts.
     */
    public record VariantRow(int row, String sku, String attributes, String price, String compareAt, boolean active,
            boolean existing, int available, String image, String onHand, String onHandWas) {

        /** The form field of this row's {@code part} ("variant.2.price"), which its error is filed under. */
        public String field(String part) {
            return "variant." + row + "." + part;
        }
    }

    /** A picture of the product with its alternative text. */
    public record Picture(String url, String alt) {
    }

    public record ProductForm(Long id, String name, String slug, String brand, Long categoryId, String description,
            boolean active, boolean featured, List<VariantRow> variants, List<String> images, List<Picture> pictures,
            MatrixForm matrix) {

        ProductForm withMatrix(MatrixForm typed) {
            return new ProductForm(id, name, slug, brand, categoryId, description, active, featured, variants, images,
                    pictures, typed);
        }
    }

    /** The options form: its rows, the SKU prefix and the price of the variants it makes. */
    public record MatrixForm(List<OptionRow> options, String skuPrefix, String price) {
    }

    /** A row of the options form: the option's name (from the variants, when they have it) and its values. */
    public record OptionRow(int index, String name, String values) {
        public int number() {
            return index + 1;
        }

        public String nameField() {
            return "options[" + index + "].name";
        }

        public String valuesField() {
            return "options[" + index + "].values";
        }

        public String exampleName() {
            return index == 0 ? "colour" : index == 1 ? "size" : "material";
        }

        public String exampleValues() {
            return index == 0 ? "Red, Blue, Green" : index == 1 ? "S, M, L, XL" : "Cotton, Linen";
        }
    }

    @Inject
    CatalogAdminService catalog;

    @Inject
    ProductImages images;

    @Inject
    SecurityIdentity identity;

    @Inject
    InventoryService inventory;

    @Inject
    CatalogPages catalogPages;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Row> rows, List<CategoryChoice> categories, String q, Long category,
                String active, String stock, ProductSort[] sorts, String sort, int page, int pages, long total,
                String base, String notice, String error);

        static native TemplateInstance edit(ProductForm form, List<CategoryChoice> categories, List<String> errors,
                Map<String, String> fieldErrors, String firstError, String notice, String error);
    }

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("category") Long category,
            @QueryParam("active") String active, @QueryParam("stock") String stock, @QueryParam("sort") String sort,
            @QueryParam("page") String page, @QueryParam("notice") String notice) {
        AdminPaging paging = AdminPaging.lenient(page);
        Boolean activeFlag = "yes".equals(active) ? Boolean.TRUE : "no".equals(active) ? Boolean.FALSE : null;
        ProductFilter filter = new ProductFilter(q, category, activeFlag, ProductFilter.stockState(stock, false));
        ProductSort order = ProductSort.named(sort);
        long total = catalog.count(filter);
        List<Row> rows = catalog.find(filter, order, paging.offset(), paging.size(), Row::of);
        String base = "/admin/products?q=" + enc(q) + "&category=" + (category == null ? "" : category) + "&active="
                + enc(active) + "&stock=" + enc(stock) + "&sort=" + enc(sort) + "&";
        String text = notice != null && notice.matches("(enabled|disabled)-\\d{1,3}")
                ? AdminForms.count(Integer.parseInt(notice.replaceAll("\\D", "")), "product") + " "
                        + (notice.startsWith("enabled") ? "switched on: they are in"
                        + " the shop and its search." : "switched off: they are gone from the shop and its search.")
                : noticeText(notice);
        return AdminPages.page(Templates.list(rows, categories(), q, category, active, stock, ProductSort.values(),
                order == null ? "" : order.param(), paging.page(), paging.pages(total), total, base, text, null));
    }

    /** The list's bulk action: the ticked products switched on or off at once. */
    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response bulk(@RestForm("id") List<String> ids, @RestForm("action") String action) {
        List<Long> chosen = ids == null ? List.of() : ids.stream().map(AdminForms::parseLong)
                .filter(java.util.Objects::nonNull).distinct().toList();
        boolean enable = "enable".equals(action);
        if (chosen.isEmpty() || chosen.size() > AdminForms.MAX_BULK || !enable && !"disable".equals(action)) {
            return AdminPages.page(400, Templates.list(List.of(), categories(), null, null, null, null,
                    ProductSort.values(), "", 1, 1, 0, "/admin/products?", null, chosen.isEmpty()
                            ? "Tick the products to switch on or off." : chosen.size() > AdminForms.MAX_BULK
                                    ? "At most " + AdminForms.MAX_BULK + " products at once."
                                    : "Choose to switch them on or off."));
        }
        int changed = catalog.setActive(chosen, enable, actor());
        return AdminPages.seeOther("/admin/products?notice=" + (enable ? "enabled-" : "disabled-") + changed);
    }

    @GET
    @Path("new")
    public Response newProduct() {
        ProductForm form = new ProductForm(null, "", "", "", null, "", true, false, blankRows(List.of()), List.of(),
                List.of(), new MatrixForm(List.of(), "", ""));
        return AdminPages.page(Templates.edit(form, categories(), List.of(), Map.of(), null, null, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        try {
            long id = catalog.create(input(form), actor()).id;
            return AdminPages.seeOther("/admin/products/" + id + "?notice=" + stockChanges(form, "created"));
        } catch (InvalidInputException e) {
            return rerender(null, form, e);
        }
    }

    @GET
    @Path("{id}")
    public Response edit(@PathParam("id") long id, @QueryParam("notice") String notice) {
        ProductForm form = catalog.product(id, AdminProductPages::form);
        String text = "saved".equals(notice) && !form.active()
                ? "Your changes are saved. The product is switched off, so shoppers do not see it." : noticeText(notice);
        return AdminPages.page(Templates.edit(form, categories(), List.of(), Map.of(), null, text, null));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        try {
            catalog.update(id, input(form), actor());
            return AdminPages.seeOther("/admin/products/" + id + "?notice=" + stockChanges(form, "saved"));
        } catch (InvalidInputException e) {
            return rerender(id, form, e);
        }
    }

    @POST
    @Path("{id}/images")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") long id, @RestForm("image") FileUpload image,
            @RestForm("main") String main) throws IOException {
        try {
            if (image == null || image.size() == 0) {
                throw InvalidInputException.of("image", "choose a picture to upload");
            }
            String url = images.store(image.uploadedFile(), "image");
            catalog.addImage(id, url, main != null, actor());
            return AdminPages.seeOther("/admin/products/" + id + "?notice=image-added");
        } catch (InvalidInputException e) {
            return failed(id, e);
        }
    }

    @POST
    @Path("{id}/images/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeImage(@PathParam("id") long id, @RestForm("url") String url) {
        catalog.removeImage(id, url, actor());
        return AdminPages.seeOther("/admin/products/" + id + "?notice=image-removed");
    }

    /**
     * The stock typed in the variant table, applied after the product is saved: each SKU's on hand changes by
     * what was typed minus what the page showed (an inventory movement, "count correction"), so a sale meanwhile
     * still counts. A change that would leave less than is reserved is skipped and said; the notice code says so.
     */
    private String stockChanges(MultivaluedMap<String, String> form, String notice) {
        boolean refused = false;
        for (int i = 0; i < rowCount(form); i++) {
            String sku = value(form, "variant." + i + ".sku").strip().toUpperCase(Locale.ROOT);
            Long typed = parseLong(value(form, "variant." + i + ".onHand"));
            Long was = parseLong(value(form, "variant." + i + ".onHandWas"));
            long delta = typed == null ? 0 : typed - (was == null ? 0 : was);
            if (sku.isEmpty() || delta == 0) { // typed and shown were checked by input(): 0 to MAX_ON_HAND
                continue;
            }
            try {
                inventory.adjust(sku, (int) delta, MovementReason.COUNT_CORRECTION, "product editor", actor());
            } catch (ClientErrorException e) {
                refused = true;
            }
        }
        return refused ? notice + "-stock-refused" : notice;
    }

    /** The options form: names and comma-separated values, made into the variants the product lacks. */
    @POST
    @Path("{id}/variants/matrix")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response matrix(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        List<OptionInput> options = new ArrayList<>();
        List<OptionRow> typed = new ArrayList<>();
        for (int i = 0; i < OPTION_ROWS; i++) {
            options.add(new OptionInput(value(form, "option." + i + ".name"),
                    List.of(value(form, "option." + i + ".values").split(","))));
            typed.add(new OptionRow(i, value(form, "option." + i + ".name"), value(form, "option." + i + ".values")));
        }
        try {
            List<String> added = catalog.addVariantMatrix(id, options, value(form, "skuPrefix"),
                    value(form, "price"), actor());
            return AdminPages.seeOther("/admin/products/" + id + "?notice=" + (added.isEmpty() ? "matrix-complete"
                    : "matrix-added") + "#variants");
        } catch (InvalidInputException e) {
            return failed(id, e, new MatrixForm(typed, value(form, "skuPrefix"), value(form, "price")));
        }
    }

    /** The product's page as shoppers will see it, before it is switched on (never cached, never indexed). */
    @GET
    @Path("{id}/preview")
    public Response preview(@PathParam("id") long id) {
        return catalogPages.preview(id).map(html -> Response.ok(html).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex").build())
                .orElseGet(() -> AdminPages.page(409, Templates.edit(catalog.product(id, AdminProductPages::form),
                        categories(), List.of("The product has no variant yet: add one to preview its page."), Map.of(),
                        null, null, null)));
    }

    /** Up and down buttons (without JavaScript) move a picture one place. */
    @POST
    @Path("{id}/images/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response moveImage(@PathParam("id") long id, @RestForm("url") String url,
            @RestForm("direction") String direction) {
        if (!"up".equals(direction) && !"down".equals(direction)) {
            return failed(id, InvalidInputException.of("direction", "must be up or down"));
        }
        catalog.moveImage(id, url, "up".equals(direction) ? -1 : 1, actor());
        return AdminPages.seeOther("/admin/products/" + id + "?notice=images-ordered#pictures");
    }

    /** Drag and drop sends the whole order: {@code url} once per picture, in their new order. */
    @POST
    @Path("{id}/images/order")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response orderImages(@PathParam("id") long id, @RestForm("url") List<String> urls) {
        try {
            catalog.orderImages(id, urls, actor());
            return AdminPages.seeOther("/admin/products/" + id + "?notice=images-ordered#pictures");
        } catch (InvalidInputException e) {
            return failed(id, e);
        }
    }

    @POST
    @Path("{id}/images/alt")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response describeImage(@PathParam("id") long id, @RestForm("url") String url, @RestForm("alt") String alt) {
        try {
            catalog.describeImage(id, url, alt, actor());
            return AdminPages.seeOther("/admin/products/" + id + "?notice=image-described#pictures");
        } catch (InvalidInputException e) {
            return failed(id, e);
        }
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private Response failed(long id, InvalidInputException e) {
        return failed(id, e, null);
    }

    /** The product's page again with the errors beside their fields, and the options form as typed (if given). */
    private Response failed(long id, InvalidInputException e, MatrixForm typed) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.errors().forEach(error -> fields.putIfAbsent(error.field(), error.message()));
        ProductForm form = catalog.product(id, AdminProductPages::form);
        return AdminPages.page(400, Templates.edit(typed == null ? form : form.withMatrix(typed), categories(),
                messages(e), fields, fields.keySet().stream().findFirst().orElse(null), null, null));
    }

    private Response rerender(Long id, MultivaluedMap<String, String> submitted, InvalidInputException e) {
        List<String> existingImages = id == null ? List.of() : catalog.product(id, p -> List.copyOf(p.images));
        // the stock shown as it is, not 0, beside what was typed (found: "Available 0" after a price error)
        Map<String, Integer> available = id == null ? Map.of() : catalog.product(id,
                p -> p.variants.stream().collect(Collectors.toMap(v -> v.sku, Variant::available, (a, b) -> a)));
        List<Picture> pictures = id == null ? List.of() : catalog.product(id, AdminProductPages::pictures);
        List<VariantRow> rows = new ArrayList<>();
        for (int i = 0; i < rowCount(submitted); i++) {
            String sku = value(submitted, "variant." + i + ".sku");
            rows.add(new VariantRow(i, sku, value(submitted, "variant." + i + ".attributes"),
                    value(submitted, "variant." + i + ".price"), value(submitted, "variant." + i + ".compareAt"),
                    submitted.containsKey("variant." + i + ".active"),
                    "true".equals(value(submitted, "variant." + i + ".existing")), available.getOrDefault(sku, 0),
                    value(submitted, "variant." + i + ".image"), value(submitted, "variant." + i + ".onHand"),
                    value(submitted, "variant." + i + ".onHandWas")));
        }
        ProductForm form = new ProductForm(id, value(submitted, "name"), value(submitted, "slug"),
                value(submitted, "brand"), parseLong(value(submitted, "categoryId")), value(submitted, "description"),
                submitted.containsKey("active"), submitted.containsKey("featured"), rows, existingImages, pictures,
                id == null ? new MatrixForm(List.of(), "", "") : catalog.product(id, AdminProductPages::form).matrix());
        Map<String, String> fields = fieldErrors(submitted, e);
        return AdminPages.page(400, Templates.edit(form, categories(), messages(e), fields,
                fields.keySet().stream().findFirst().orElse(null), null, null));
    }

    /**
     * The service's errors by the form field they belong to: "variants[1].price" (the second variant given, blank
     * rows left out) becomes the price field of the row it was typed in, "variant.3.price".
     */
    private static Map<String, String> fieldErrors(MultivaluedMap<String, String> submitted, InvalidInputException e) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < rowCount(submitted); i++) {
            if (!value(submitted, "variant." + i + ".sku").isBlank()) {
                rows.add(i);
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : e.errors()) {
            Matcher variant = VARIANT_FIELD.matcher(error.field());
            String field = error.field();
            if (variant.matches() && Integer.parseInt(variant.group(1)) < rows.size()) {
                String part = variant.group(2).equals("compareAtPrice") ? "compareAt" : variant.group(2);
                field = "variant." + rows.get(Integer.parseInt(variant.group(1))) + "." + part;
            }
            fields.putIfAbsent(field, error.message());
        }
        return fields;
    }

    /** The submitted form as the service's input; blank variant rows are left out. */
    private static ProductInput input(MultivaluedMap<String, String> form) {
        List<VariantInput> variants = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < rowCount(form); i++) {
            String sku = value(form, "variant." + i + ".sku");
            if (sku.isBlank()) {
                continue;
            }
            Map<String, String> attributes = CatalogCsv.parseAttributes(value(form, "variant." + i + ".attributes"));
            if (attributes == null) {
                errors.add(new FieldError("variants[" + variants.size() + "].attributes",
                        "must be name=value pairs joined by ';', like colour=Navy; size=M"));
            }
            String onHand = value(form, "variant." + i + ".onHand").strip();
            String onHandWas = value(form, "variant." + i + ".onHandWas").strip();
            if (!onHand.isEmpty() && !(onHand.matches("\\d{1,7}") && Long.parseLong(onHand) <= MAX_ON_HAND)) {
                errors.add(new FieldError("variants[" + variants.size() + "].onHand",
                        "must be a whole number from 0 to " + MAX_ON_HAND));
            } else if (!onHandWas.isEmpty() && !onHandWas.matches("\\d{1,9}")) {
                errors.add(new FieldError("variants[" + variants.size() + "].onHand",
                        "could not be compared with what the page showed: reload the page and try again"));
            }
            // no picture field (a new product has no pictures yet) leaves the variant's picture as it is
            variants.add(new VariantInput(sku, attributes, value(form, "variant." + i + ".price"),
                    form.containsKey("variant." + i + ".active"), form.getFirst("variant." + i + ".image"),
                    value(form, "variant." + i + ".compareAt")));
        }
        String category = value(form, "categoryId").strip();
        if (!category.isEmpty() && parseLong(category) == null) {
            errors.add(0, new FieldError("categoryId", "names no category"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ProductInput(value(form, "name"), value(form, "slug"), value(form, "brand"),
                parseLong(category), value(form, "description"), form.containsKey("active"),
                form.containsKey("featured"), variants);
    }

    private static ProductForm form(Product product) {
        List<VariantRow> rows = new ArrayList<>();
        for (Variant v : product.variants) {
            String onHand = v.stock == null ? "0" : Integer.toString(v.stock.onHand);
            rows.add(new VariantRow(rows.size(), v.sku, CatalogCsv.formatAttributes(v.attributes).replace(";", "; "),
                    MoneyFormat.decimal(v.price()), v.compareAtAmount == null ? "" : MoneyFormat.decimal(
                            Money.of(v.compareAtAmount, v.currency)), v.active, true, v.available(),
                    v.image == null ? "" : v.image, onHand, onHand));
        }
        List<String> names = product.variants.stream().flatMap(v -> v.attributes.keySet().stream()).distinct().toList();
        List<OptionRow> options = new ArrayList<>();
        for (int i = 0; i < OPTION_ROWS; i++) {
            String name = i < names.size() ? names.get(i) : "";
            options.add(new OptionRow(i, name, String.join(", ", product.variants.stream()
                    .map(v -> v.attributes.get(name)).filter(java.util.Objects::nonNull).distinct().toList())));
        }
        MatrixForm matrix = new MatrixForm(options, product.slug.toUpperCase(Locale.ROOT),
                rows.isEmpty() ? "" : rows.get(0).price());
        return new ProductForm(product.id, product.name, product.slug, product.brand, product.category.id,
                product.description, product.active, product.featured, blankRows(rows), List.copyOf(product.images),
                pictures(product), matrix);
    }

    private static List<Picture> pictures(Product product) {
        return product.images.stream().map(url -> new Picture(url, product.imageAlts.getOrDefault(url, ""))).toList();
    }

    private static List<VariantRow> blankRows(List<VariantRow> rows) {
        List<VariantRow> all = new ArrayList<>(rows);
        for (int i = 0; i < NEW_VARIANT_ROWS; i++) {
            all.add(new VariantRow(all.size(), "", "", "", "", true, false, 0, "", "", "0"));
        }
        return all;
    }

    private static int rowCount(MultivaluedMap<String, String> form) {
        Long count = parseLong(value(form, "variantRows"));
        return count == null ? 0 : (int) Math.min(count, 200);
    }

    private List<CategoryChoice> categories() {
        return catalog.categories(c -> new CategoryChoice(c.id, c.name)).stream()
                .sorted(java.util.Comparator.comparing(CategoryChoice::name)).toList();
    }

    private static String noticeText(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "created" -> "The product has been created.";
            case "saved" -> "Your changes are saved and live in the shop and its search.";
            case "image-added" -> "The picture has been added.";
            case "image-removed" -> "The picture has been removed.";
            case "images-ordered" -> "The pictures are in their new order; the first is the main one.";
            case "image-described" -> "The picture's description is saved.";
            case "matrix-added" -> "The missing variants are added, active and with no stock yet: give them stock"
                    + " and prices below.";
            case "matrix-complete" -> "The product already has a variant for every combination.";
            case "created-stock-refused", "saved-stock-refused" -> "Saved; but some stock was not changed, since it"
                    + " would have gone below what unpaid orders hold (see each SKU's inventory page).";
            default -> null;
        };
    }
}
