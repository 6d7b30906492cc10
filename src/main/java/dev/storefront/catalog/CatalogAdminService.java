package dev.storefront.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;

import dev.storefront.audit.AuditLog;
import dev.storefront.config.StoreConfig;
import dev.storefront.money.Money;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;

/**
 * Creates and changes products, variants and categories for the admin. Every change goes through the
 * entities, so the search index follows it on commit, and every change is written to the audit log.
 */
@ApplicationScoped
public class CatalogAdminService {

    public static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");
    private static final int MAX_ATTRIBUTES = 10;

    /** A product as an admin submits it; null fields of an update keep their value. */
    public record ProductInput(String name, String slug, String brand, Long categoryId, String description,
            Boolean active, Boolean featured, List<VariantInput> variants) {
    }

    /**
     * A variant as an admin gives it: prices are decimals in the store's currency, such as "19.99"; a null part is
     * left as it is, an empty {@code image} removes the variant's picture and an empty {@code compareAtPrice} its
     * "was" price.
     */
    public record VariantInput(String sku, Map<String, String> attributes, String price, Boolean active, String image,
            String compareAtPrice) {
    }

    /** An option of a product (colour, size, ...) and its values, from which the variant matrix is made. */
    public record OptionInput(String name, List<String> values) {
    }

    /** At most this many variants come out of one matrix (3 colours x 4 sizes is 12). */
    public static final int MAX_MATRIX = 100;

    /**
     * At most this many variants per product (Shopify's long-standing limit too): the editor's table of them is
     * one form, and a form is read up to 1,000 fields (9 per variant).
     */
    public static final int MAX_VARIANTS = 100;

    /** At most this many options make a matrix (colour, size, material). */
    public static final int MAX_OPTIONS = 3;

    public record CategoryInput(String name, String slug, Long parentId, String description, Integer position) {
    }

    @Inject
    AuditLog audit;

    @Inject
    StoreConfig config;

    /** A node of the category tree as the admin edits it, in tree order with its depth. */
    public record CategoryNode(long id, String name, String slug, Long parentId, int position, int depth,
            int products) {
    }

    /**
     * One page of products matching the filter, in the given order (null: most recently changed first), each
     * turned into the caller's view inside the transaction (so the view may read variants, stock and category).
     */
    @Transactional
    public <T> List<T> find(ProductFilter filter, ProductSort sort, int offset, int size, Function<Product, T> view) {
        Map<String, Object> params = new java.util.HashMap<>();
        return Product.<Product>find(where(filter, params) + " order by " + (sort == null ? ProductSort.CHANGED : sort)
                .orderBy, params).range(offset, offset + size - 1).stream().map(view).toList();
    }

    /** The orders the admin's product list offers. */
    public enum ProductSort {
        CHANGED("Recently changed", "p.updatedAt desc, p.id desc"),
        NEWEST("Newest", "p.createdAt desc, p.id desc"),
        NAME("Name A to Z", "lower(p.name), p.id");

        public final String words;
        final String orderBy;

        ProductSort(String words, String orderBy) {
            this.words = words;
            this.orderBy = orderBy;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** "name", "NAME" alike; null for anything else. */
        public static ProductSort named(String text) {
            for (ProductSort sort : values()) {
                if (sort.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return sort;
                }
            }
            return null;
        }
    }

    /**
     * Switches these products on or off at once (the list's bulk action); each change goes through the entity, so
     * search and the shop's pages follow, and each is audited. Returns how many changed.
     */
    @Transactional
    public int setActive(List<Long> ids, boolean active, String actor) {
        int changed = 0;
        for (Long id : ids) {
            Product product = Product.findById(id);
            if (product == null || product.active == active) {
                continue;
            }
            Map<String, Object> before = snapshot(product);
            product.active = active;
            product.updatedAt = Instant.now();
            audit.record(actor, active ? "product.enable" : "product.disable", "product", product.slug, before,
                    snapshot(product));
            changed++;
        }
        return changed;
    }

    /** A product turned into the caller's view inside a transaction; 404 when there is none. */
    @Transactional
    public <T> T product(long id, Function<Product, T> view) {
        return view.apply(product(id));
    }

    @Transactional
    public <T> T category(long id, Function<Category, T> view) {
        return view.apply(category(id));
    }

    /** Every category, by position and then name, turned into the caller's view inside a transaction. */
    @Transactional
    public <T> List<T> categories(Function<Category, T> view) {
        return Category.<Category>list("order by position, name").stream().map(view).toList();
    }

    /** Every category in tree order (by position, then name), each with its depth and product count. */
    @Transactional
    public List<CategoryNode> categoryTree() {
        List<CategoryNode> nodes = new ArrayList<>();
        Category.<Category>list("parent is null order by position, name").forEach(root -> walk(root, 0, nodes));
        return nodes;
    }

    private static void walk(Category category, int depth, List<CategoryNode> nodes) {
        nodes.add(new CategoryNode(category.id, category.name, category.slug,
                category.parent == null ? null : category.parent.id, category.position, depth,
                category.products.size()));
        category.children.stream().sorted(java.util.Comparator.comparingInt((Category c) -> c.position)
                .thenComparing(c -> c.name)).forEach(child -> walk(child, depth + 1, nodes));
    }

    @Transactional
    public long count(ProductFilter filter) {
        Map<String, Object> params = new java.util.HashMap<>();
        return Product.count(where(filter, params), params);
    }

    private static String where(ProductFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("from Product p where 1 = 1");
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (lower(p.name) like :text or p.slug like :text or exists"
                    + " (select 1 from Variant v where v.product = p and lower(v.sku) like :text))");
            params.put("text", "%" + filter.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.categoryId() != null) {
            where.append(" and p.category.id = :category");
            params.put("category", filter.categoryId());
        }
        if (filter.active() != null) {
            where.append(" and p.active = :active");
            params.put("active", filter.active());
        }
        String available = "select 1 from Variant v join v.stock s where v.product = p and v.active = true"
                + " and s.onHand - s.reserved > 0";
        if ("in".equals(filter.stock())) {
            where.append(" and exists (").append(available).append(")");
        } else if ("out".equals(filter.stock())) {
            where.append(" and not exists (").append(available).append(")");
        } else if ("low".equals(filter.stock())) {
            where.append(" and exists (").append(available).append(" and s.onHand - s.reserved <= s.lowStockThreshold)");
        }
        return where.toString();
    }

    @Transactional
    public Product create(ProductInput input, String actor) {
        List<FieldError> errors = new ArrayList<>();
        Product product = new Product();
        apply(product, input, true, errors);
        List<Variant> variants = applyVariants(product, input.variants(), true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        product.persist();
        variants.forEach(this::persistNew);
        audit.record(actor, "product.create", "product", product.slug, null, snapshot(product));
        return product;
    }

    @Transactional
    public Product update(long id, ProductInput input, String actor) {
        Product product = product(id);
        Map<String, Object> before = snapshot(product);
        List<FieldError> errors = new ArrayList<>();
        apply(product, input, false, errors);
        List<Variant> added = applyVariants(product, input.variants(), false, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        product.updatedAt = Instant.now();
        added.forEach(this::persistNew);
        audit.record(actor, "product.update", "product", product.slug, before, snapshot(product));
        return product;
    }

    /** Deletes a product that was never ordered; one that was can only be switched off. */
    @Transactional
    public void delete(long id, String actor) {
        Product product = product(id);
        if (everOrdered(product.variants)) {
            throw new ClientErrorException("Product " + product.slug
                    + " has been ordered, so it is kept for the order history; switch it off instead", 409);
        }
        Map<String, Object> before = snapshot(product);
        // its stock history goes with it; the audit log keeps the product as it was
        forgetMovements(product.variants);
        product.variants.forEach(v -> {
            if (v.stock != null) {
                v.stock.delete();
            }
            v.delete();
        });
        product.delete();
        audit.record(actor, "product.delete", "product", before.get("slug").toString(), before, null);
    }

    @Transactional
    public Variant addVariant(long productId, VariantInput input, String actor) {
        Product product = product(productId);
        Map<String, Object> before = snapshot(product);
        List<FieldError> errors = new ArrayList<>();
        List<Variant> added = applyVariants(product, List.of(input), false, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (added.isEmpty()) {
            throw new ClientErrorException("SKU " + input.sku() + " already belongs to this product", 409);
        }
        added.forEach(this::persistNew);
        audit.record(actor, "variant.create", "product", product.slug, before, snapshot(product));
        return added.get(0);
    }

    @Transactional
    public Variant updateVariant(String sku, VariantInput input, String actor) {
        Variant variant = variant(sku);
        Map<String, Object> before = snapshot(variant.product);
        List<FieldError> errors = new ArrayList<>();
        VariantInput same = new VariantInput(sku, input.attributes(), input.price(), input.active(), input.image(),
                input.compareAtPrice());
        applyVariants(variant.product, List.of(same), false, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        variant.product.updatedAt = Instant.now();
        audit.record(actor, "variant.update", "product", variant.product.slug, before, snapshot(variant.product));
        return variant;
    }

    @Transactional
    public void deleteVariant(String sku, String actor) {
        Variant variant = variant(sku);
        if (everOrdered(List.of(variant))) {
            throw new ClientErrorException("SKU " + sku + " has been ordered; switch it off instead", 409);
        }
        Product product = variant.product;
        Map<String, Object> before = snapshot(product);
        forgetMovements(List.of(variant));
        product.variants.remove(variant);
        if (variant.stock != null) {
            variant.stock.delete();
        }
        variant.delete();
        product.updatedAt = Instant.now();
        audit.record(actor, "variant.delete", "product", product.slug, before, snapshot(product));
    }

    /**
     * Adds the variants missing from the matrix of these options (every combination of their values), each with
     * a SKU made of the prefix and its values ({@code TEE-RED-M}), this price, and no stock yet; combinations the
     * product already has (same option values) are left as they are. Returns the SKUs added.
     */
    @Transactional
    public List<String> addVariantMatrix(long productId, List<OptionInput> options, String skuPrefix, String price,
            String actor) {
        // locked: two requests at once make the missing variants once, the second finds them made
        Product product = Product.<Product>findByIdOptional(productId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("No product " + productId));
        List<FieldError> errors = new ArrayList<>();
        List<OptionInput> named = new ArrayList<>();
        if (options.size() > MAX_OPTIONS) {
            throw InvalidInputException.of("options", "must be at most " + MAX_OPTIONS + " options");
        }
        try {
            Money.parseDecimal(price, config.currency());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("price", e.getMessage()));
        }
        for (int i = 0; i < options.size(); i++) {
            OptionInput option = options.get(i);
            if (option == null) {
                errors.add(new FieldError("options[" + i + "]", "must be an option with a name and values"));
                continue;
            }
            String name = option.name() == null ? "" : option.name().strip().toLowerCase(Locale.ROOT);
            List<String> values = option.values() == null ? List.of() : option.values().stream()
                    .filter(java.util.Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty()).toList();
            values = distinctIgnoringCase(values);
            if (name.isEmpty() && values.isEmpty()) {
                continue;
            }
            if (!name.matches("[a-z][a-z0-9 _-]{0,39}")) {
                errors.add(new FieldError("options[" + i + "].name", "must be a word such as colour or size"));
            } else if (values.isEmpty() || values.size() > MAX_MATRIX || values.stream().anyMatch(
                    v -> v.length() > 60 || v.contains("=") || v.contains(";"))) {
                errors.add(new FieldError("options[" + i + "].values", "must be at most " + MAX_MATRIX
                        + " values separated by commas, each at most 60 characters without = or ;, such as Red, Blue"));
            } else if (named.stream().anyMatch(o -> o.name().equals(name))) {
                errors.add(new FieldError("options[" + i + "].name", "appears twice"));
            } else {
                named.add(new OptionInput(name, values));
            }
        }
        if (named.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("options[0].name", "give at least one option and its values"));
        }
        long combinations = named.stream().mapToLong(o -> o.values().size()).reduce(1, (a, b) -> a * b);
        if (combinations > MAX_MATRIX) {
            errors.add(new FieldError("options", "make " + combinations + " variants; at most " + MAX_MATRIX));
        }
        String prefix = skuPrefix == null || skuPrefix.isBlank() ? product.slug : skuPrefix.strip();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<Map<String, String>> matrix = new ArrayList<>(List.of(new LinkedHashMap<>()));
        for (OptionInput option : named) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : matrix) {
                for (String value : option.values()) {
                    Map<String, String> combination = new LinkedHashMap<>(partial);
                    combination.put(option.name(), value);
                    next.add(combination);
                }
            }
            matrix = next;
        }
        List<VariantInput> inputs = new ArrayList<>();
        for (Map<String, String> combination : matrix) {
            boolean exists = product.variants.stream().anyMatch(v -> combination.entrySet().stream().allMatch(
                    e -> e.getValue().equalsIgnoreCase(v.attributes.getOrDefault(e.getKey(), ""))));
            if (!exists) {
                String sku = skuOf(prefix, combination.values());
                // a made SKU never takes over a variant that exists (it would relabel and reprice it)
                String problem = sku.isEmpty() ? "makes no SKU: use letters and digits"
                        : sku.length() > 64 ? "makes SKU " + sku.substring(0, 64) + "…, longer than 64 characters"
                        : !SKU.matcher(sku).matches() ? "makes SKU " + sku + ", which is not a valid SKU"
                        : Variant.count("sku", sku) > 0 ? "makes SKU " + sku + ", which another variant already has"
                        : null;
                if (problem != null) {
                    throw InvalidInputException.of("skuPrefix", problem);
                }
                inputs.add(new VariantInput(sku, combination, price, true, null, null));
            }
        }
        if (inputs.isEmpty()) {
            return List.of();
        }
        if (product.variants.size() + inputs.size() > MAX_VARIANTS) {
            throw InvalidInputException.of("options", "would make " + inputs.size() + " more variants; the product has "
                    + product.variants.size() + " and may have at most " + MAX_VARIANTS);
        }
        Map<String, Object> before = snapshot(product);
        List<Variant> added = applyVariants(product, inputs, false, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.stream().map(e -> e.field().endsWith(".price")
                    ? new FieldError("price", e.message()) : e.field().endsWith(".sku")
                            ? new FieldError("skuPrefix", "makes SKU " + inputs.get(index(e.field())).sku() + ", which "
                                    + e.message())
                            : e).distinct().toList());
        }
        product.updatedAt = Instant.now();
        added.forEach(this::persistNew);
        audit.record(actor, "product.variants.matrix", "product", product.slug, before, snapshot(product));
        return added.stream().map(v -> v.sku).toList();
    }

    /** "Red, red, RED" is one value, as first written. */
    private static List<String> distinctIgnoringCase(List<String> values) {
        Set<String> seen = new HashSet<>();
        return values.stream().filter(v -> seen.add(v.toLowerCase(Locale.ROOT))).toList();
    }

    /** "tee", [Red, M] → "TEE-RED-M": upper case, anything but letters and digits becomes a hyphen. */
    static String skuOf(String prefix, java.util.Collection<String> values) {
        StringBuilder sku = new StringBuilder(prefix);
        values.forEach(value -> sku.append('-').append(value));
        return java.text.Normalizer.normalize(sku, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private static int index(String field) {
        return Integer.parseInt(field.substring(field.indexOf('[') + 1, field.indexOf(']')));
    }

    /** Puts the product's pictures in this order (the same pictures, the first becoming the main one). */
    @Transactional
    public Product orderImages(long productId, List<String> order, String actor) {
        Product product = product(productId);
        if (order == null || order.size() != product.images.size() || !new HashSet<>(order).equals(
                new HashSet<>(product.images))) {
            throw InvalidInputException.of("images", "must list each of the product's pictures once");
        }
        List<String> before = List.copyOf(product.images);
        product.images = new ArrayList<>(order);
        product.updatedAt = Instant.now();
        audit.record(actor, "product.image.order", "product", product.slug, Map.of("images", before),
                Map.of("images", product.images));
        return product;
    }

    /** Moves a picture one place earlier ({@code -1}) or later ({@code 1}). */
    @Transactional
    public Product moveImage(long productId, String url, int by, String actor) {
        Product product = product(productId);
        List<String> images = new ArrayList<>(product.images);
        int from = images.indexOf(url);
        if (from < 0) {
            throw new NotFoundException("Product " + product.slug + " has no image " + url);
        }
        int to = Math.max(0, Math.min(images.size() - 1, from + by));
        images.add(to, images.remove(from));
        return orderImages(productId, images, actor);
    }

    /** Sets a picture's alternative text (what a screen reader says, and what shows if it cannot load). */
    @Transactional
    public Product describeImage(long productId, String url, String alt, String actor) {
        Product product = product(productId);
        if (!product.images.contains(url)) {
            throw new NotFoundException("Product " + product.slug + " has no image " + url);
        }
        String text = alt == null ? "" : alt.strip();
        if (text.length() > 250) {
            throw InvalidInputException.of("alt", "must be at most 250 characters");
        }
        Map<String, String> before = Map.copyOf(product.imageAlts);
        Map<String, String> alts = new LinkedHashMap<>(product.imageAlts);
        if (text.isEmpty()) {
            alts.remove(url);
        } else {
            alts.put(url, text);
        }
        product.imageAlts = alts;
        product.updatedAt = Instant.now();
        audit.record(actor, "product.image.alt", "product", product.slug, Map.of("imageAlts", before),
                Map.of("imageAlts", alts));
        return product;
    }

    /** Adds an image (a URL from {@code ProductImages}) to the end, or first when {@code main}. */
    @Transactional
    public Product addImage(long productId, String url, boolean main, String actor) {
        Product product = product(productId);
        List<String> before = List.copyOf(product.images);
        List<String> images = new ArrayList<>(product.images);
        images.remove(url);
        images.add(main ? 0 : images.size(), url);
        product.images = images;
        product.updatedAt = Instant.now();
        audit.record(actor, "product.image.add", "product", product.slug, Map.of("images", before),
                Map.of("images", images));
        return product;
    }

    @Transactional
    public Product removeImage(long productId, String url, String actor) {
        Product product = product(productId);
        List<String> before = List.copyOf(product.images);
        List<String> images = new ArrayList<>(product.images);
        if (!images.remove(url)) {
            throw new NotFoundException("Product " + product.slug + " has no image " + url);
        }
        product.images = images;
        if (product.imageAlts.containsKey(url)) {
            Map<String, String> alts = new LinkedHashMap<>(product.imageAlts);
            alts.remove(url);
            product.imageAlts = alts;
        }
        product.variants.stream().filter(v -> url.equals(v.image)).forEach(v -> {
            v.image = null; // the variant shows the product's main picture again
            v.updatedAt = Instant.now();
        });
        product.updatedAt = Instant.now();
        audit.record(actor, "product.image.remove", "product", product.slug, Map.of("images", before),
                Map.of("images", images));
        return product;
    }

    @Transactional
    public Category createCategory(CategoryInput input, String actor) {
        Category category = new Category();
        List<FieldError> errors = new ArrayList<>();
        apply(category, input, true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        category.persist();
        audit.record(actor, "category.create", "category", category.slug, null, snapshot(category));
        return category;
    }

    @Transactional
    public Category updateCategory(long id, CategoryInput input, String actor) {
        Category category = category(id);
        Map<String, Object> before = snapshot(category);
        List<FieldError> errors = new ArrayList<>();
        apply(category, input, false, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        category.updatedAt = Instant.now();
        audit.record(actor, "category.update", "category", category.slug, before, snapshot(category));
        return category;
    }

    /** Deletes an empty category: one with products or subcategories is refused with 409. */
    @Transactional
    public void deleteCategory(long id, String actor) {
        Category category = category(id);
        if (!category.children.isEmpty() || !category.products.isEmpty()) {
            throw new ClientErrorException("Category " + category.slug
                    + " still holds products or subcategories; move them first", 409);
        }
        Map<String, Object> before = snapshot(category);
        category.delete();
        audit.record(actor, "category.delete", "category", category.slug, before, null);
    }

    public static Product product(long id) {
        return Product.<Product>findByIdOptional(id).orElseThrow(() -> new NotFoundException("No product " + id));
    }

    public static Variant variant(String sku) {
        return Variant.<Variant>find("sku", sku).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("No SKU " + sku));
    }

    public static Category category(long id) {
        return Category.<Category>findByIdOptional(id).orElseThrow(() -> new NotFoundException("No category " + id));
    }

    /** The product as the audit log keeps it. */
    public static Map<String, Object> snapshot(Product product) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("slug", product.slug);
        map.put("name", product.name);
        map.put("brand", product.brand);
        map.put("category", product.category == null ? null : product.category.slug);
        map.put("description", product.description);
        map.put("active", product.active);
        map.put("featured", product.featured);
        map.put("images", List.copyOf(product.images));
        if (!product.imageAlts.isEmpty()) {
            map.put("imageAlts", Map.copyOf(product.imageAlts));
        }
        map.put("variants", product.variants.stream().map(CatalogAdminService::snapshot).toList());
        return map;
    }

    private static Map<String, Object> snapshot(Variant variant) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sku", variant.sku);
        map.put("attributes", Map.copyOf(variant.attributes));
        map.put("price", variant.priceAmount);
        if (variant.compareAtAmount != null) {
            map.put("compareAt", variant.compareAtAmount);
        }
        map.put("active", variant.active);
        if (variant.image != null) {
            map.put("image", variant.image);
        }
        return map;
    }

    private static Map<String, Object> snapshot(Category category) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("slug", category.slug);
        map.put("name", category.name);
        map.put("parent", category.parent == null ? null : category.parent.slug);
        map.put("description", category.description);
        map.put("position", category.position);
        return map;
    }

    private void apply(Product product, ProductInput input, boolean creating, List<FieldError> errors) {
        String name = text(input.name(), product.name, creating, "name", 200, errors);
        product.name = name;
        product.brand = text(input.brand(), product.brand, creating, "brand", 120, errors);
        if (input.description() != null) {
            if (input.description().length() > 20_000) {
                errors.add(new FieldError("description", "must be at most 20000 characters"));
            } else {
                product.description = input.description().strip();
            }
        }
        String slug = input.slug() == null || input.slug().isBlank()
                ? (creating && name != null ? Slugs.slugify(name) : product.slug)
                : input.slug().strip();
        if (!Slugs.isValid(slug) || slug.length() > 160) {
            errors.add(new FieldError("slug", "must be lowercase letters and digits joined by hyphens, at most 160"));
        } else if (Product.count("slug = ?1 and id <> ?2", slug, product.id == null ? -1L : product.id) > 0) {
            errors.add(new FieldError("slug", "is already used by another product"));
        } else {
            product.slug = slug;
        }
        if (input.categoryId() != null) {
            Category.<Category>findByIdOptional(input.categoryId()).ifPresentOrElse(c -> product.category = c,
                    () -> errors.add(new FieldError("categoryId", "names no category")));
        } else if (creating) {
            errors.add(new FieldError("categoryId", "is required"));
        }
        if (input.active() != null) {
            product.active = input.active();
        }
        if (input.featured() != null) {
            product.featured = input.featured();
        }
    }

    /** Updates the product's variants named by SKU and returns the new ones, not yet persisted. */
    private List<Variant> applyVariants(Product product, List<VariantInput> inputs, boolean creating,
            List<FieldError> errors) {
        List<Variant> added = new ArrayList<>();
        if (inputs == null || inputs.isEmpty()) {
            if (creating) {
                errors.add(new FieldError("variants", "at least one variant (SKU and price) is required"));
            }
            return added;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            VariantInput input = inputs.get(i);
            String field = "variants[" + i + "].";
            if (input == null) {
                errors.add(new FieldError("variants[" + i + "]", "must be a variant (an object with sku and price)"));
                continue;
            }
            String sku = input.sku() == null ? "" : input.sku().strip().toUpperCase(Locale.ROOT);
            if (!SKU.matcher(sku).matches()) {
                errors.add(new FieldError(field + "sku", "must be 1-64 letters, digits and hyphens"));
                continue;
            }
            if (!seen.add(sku)) {
                errors.add(new FieldError(field + "sku", "appears twice"));
                continue;
            }
            Variant variant = product.variants.stream().filter(v -> v.sku.equals(sku)).findFirst().orElse(null);
            if (variant == null) {
                if (Variant.count("sku", sku) > 0) {
                    errors.add(new FieldError(field + "sku", "belongs to another product"));
                    continue;
                }
                if (product.variants.size() + added.size() >= MAX_VARIANTS) {
                    errors.add(new FieldError(field + "sku", "would be variant " + (MAX_VARIANTS + 1)
                            + "; a product has at most " + MAX_VARIANTS));
                    continue;
                }
                variant = new Variant();
                variant.sku = sku;
                variant.product = product;
                variant.currency = config.currency();
                variant.position = product.variants.size() + added.size();
                if (input.price() == null) {
                    errors.add(new FieldError(field + "price", "is required"));
                }
                added.add(variant);
            }
            if (input.price() != null) {
                try {
                    variant.priceAmount = Money.parseDecimal(input.price(), config.currency()).amount();
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(field + "price", e.getMessage()));
                }
            }
            if (input.attributes() != null) {
                Map<String, String> attributes = attributes(input.attributes(), field + "attributes", errors);
                variant.attributes = attributes;
            }
            if (input.active() != null) {
                variant.active = input.active();
            }
            if (input.compareAtPrice() != null) {
                String compareAt = input.compareAtPrice().strip();
                try {
                    Long amount = compareAt.isEmpty() ? null
                            : Money.parseDecimal(compareAt, config.currency()).amount();
                    if (amount != null && amount <= variant.priceAmount) {
                        errors.add(new FieldError(field + "compareAtPrice",
                                "must be more than the price (it is shown as the price before), or empty"));
                    } else {
                        variant.compareAtAmount = amount;
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(field + "compareAtPrice", e.getMessage()));
                }
            }
            if (input.image() != null) {
                String image = input.image().strip();
                if (image.isEmpty()) {
                    variant.image = null;
                } else if (product.images.contains(image)) {
                    variant.image = image;
                } else {
                    errors.add(new FieldError(field + "image", "must be one of the product's pictures"));
                }
            }
            variant.updatedAt = Instant.now();
        }
        return added;
    }

    private static Map<String, String> attributes(Map<String, String> given, String field, List<FieldError> errors) {
        Map<String, String> result = new LinkedHashMap<>();
        if (given.size() > MAX_ATTRIBUTES) {
            errors.add(new FieldError(field, "at most " + MAX_ATTRIBUTES + " attributes"));
            return result;
        }
        given.forEach((key, value) -> {
            String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
            String v = value == null ? "" : value.strip();
            if (k.isEmpty() || k.length() > 40 || v.isEmpty() || v.length() > 60) {
                errors.add(new FieldError(field, "each attribute needs a name (1-40) and a value (1-60)"));
            } else {
                result.put(k, v);
            }
        });
        return result;
    }

    private void persistNew(Variant variant) {
        variant.persist();
        variant.product.variants.add(variant);
        StockLevel.forVariant(variant, 0).persist();
    }

    private static void apply(Category category, CategoryInput input, boolean creating, List<FieldError> errors) {
        category.name = text(input.name(), category.name, creating, "name", 120, errors);
        String slug = input.slug() == null || input.slug().isBlank()
                ? (creating && category.name != null ? Slugs.slugify(category.name) : category.slug)
                : input.slug().strip();
        if (!Slugs.isValid(slug) || slug.length() > 120) {
            errors.add(new FieldError("slug", "must be lowercase letters and digits joined by hyphens, at most 120"));
        } else if (Category.count("slug = ?1 and id <> ?2", slug, category.id == null ? -1L : category.id) > 0) {
            errors.add(new FieldError("slug", "is already used by another category"));
        } else {
            category.slug = slug;
        }
        if (input.description() != null) {
            category.description = input.description().strip();
        }
        if (input.position() != null) {
            category.position = input.position();
        }
        if (input.parentId() != null) {
            if (input.parentId() <= 0) {
                category.parent = null;
            } else {
                Category parent = Category.findById(input.parentId());
                if (parent == null) {
                    errors.add(new FieldError("parentId", "names no category"));
                } else if (category.id != null && parent.path().stream().anyMatch(c -> c.id.equals(category.id))) {
                    errors.add(new FieldError("parentId", "cannot be the category itself or one of its subcategories"));
                } else {
                    category.parent = parent;
                }
            }
        }
    }

    private static String text(String given, String current, boolean required, String field, int max,
            List<FieldError> errors) {
        if (given == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return current;
        }
        String value = given.strip();
        if (value.isEmpty() || value.length() > max) {
            errors.add(new FieldError(field, "must be 1-" + max + " characters"));
            return current;
        }
        return value;
    }

    private static void forgetMovements(List<Variant> variants) {
        if (!variants.isEmpty()) {
            Product.getEntityManager().createNativeQuery("delete from inventory_movements where variant_id in (?1)")
                    .setParameter(1, variants.stream().map(v -> v.id).toList()).executeUpdate();
        }
    }

    private static boolean everOrdered(List<Variant> variants) {
        if (variants.isEmpty()) {
            return false;
        }
        return Product.getEntityManager().createNativeQuery(
                "select count(*) from order_lines where variant_id in (?1)")
                .setParameter(1, variants.stream().map(v -> v.id).toList())
                .getSingleResult() instanceof Number n && n.longValue() > 0;
    }
}
