package dev.storefront.search;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

import dev.storefront.catalog.Category;
import dev.storefront.catalog.Product;
import dev.storefront.catalog.Variant;

/**
 * The product as the search index sees it. Besides the product's own text it carries facts derived
 * from the variants and their stock (price range, colours, sizes, SKUs, in stock), so that a listing
 * with facets is answered from the index alone. The declared dependencies make Hibernate Search
 * re-index a product when any of these change through Hibernate, stock included.
 */
public class ProductDocument implements TypeBinder {

    public static final String SLUG = "slug";
    public static final String NAME = "name";
    public static final String NAME_PREFIXES = "namePrefixes";
    public static final String NAME_SORT = "nameSort";
    public static final String BRAND = "brand";
    public static final String BRAND_TEXT = "brandText";
    public static final String DESCRIPTION = "description";
    public static final String CATEGORY = "category";
    public static final String CATEGORY_PATH = "categoryPath";
    public static final String CATEGORY_TEXT = "categoryText";
    public static final String IMAGE = "image";
    public static final String MIN_PRICE = "minPrice";
    public static final String MAX_PRICE = "maxPrice";
    public static final String CURRENCY = "currency";
    public static final String SKU = "sku";
    /** What the product and its variants are (colour, size, material, gender, origin) as searchable words. */
    public static final String ATTRIBUTES = "attributes";
    public static final String COLOUR = "colour";
    public static final String SIZE = "size";
    public static final String IN_STOCK = "inStock";
    /** The SKU of a product with one active variant, in stock: listings can add it to the cart directly. */
    public static final String SINGLE_SKU = "singleSku";
    /** Active with at least one active variant: the products shoppers may see. */
    public static final String LISTED = "listed";
    public static final String FEATURED = "featured";
    public static final String CREATED_AT = "createdAt";

    @Override
    public void bind(TypeBindingContext context) {
        context.dependencies()
                .use("slug").use("name").use("brand").use("description").use("images").use("attributes")
                .use("active").use("featured").use("createdAt")
                .use("category.slug").use("category.name")
                .use("category.parent.slug").use("category.parent.name")
                .use("variants.sku").use("variants.attributes").use("variants.priceAmount")
                .use("variants.currency").use("variants.active")
                .use("variants.stock.onHand").use("variants.stock.reserved");

        IndexSchemaElement schema = context.indexSchemaElement();
        Fields fields = new Fields(
                schema.field(SLUG, f -> f.asString().projectable(Projectable.YES)).toReference(),
                schema.field(NAME, f -> f.asString().analyzer(ProductAnalysis.ENGLISH)
                        .searchAnalyzer(ProductAnalysis.ENGLISH_QUERY).projectable(Projectable.YES)).toReference(),
                schema.field(NAME_PREFIXES, f -> f.asString().analyzer(ProductAnalysis.PREFIXES)
                        .searchAnalyzer(ProductAnalysis.PREFIX_QUERY)).toReference(),
                schema.field(NAME_SORT, f -> f.asString().normalizer(ProductAnalysis.FOLDED)
                        .sortable(Sortable.YES).searchable(Searchable.NO)).toReference(),
                schema.field(BRAND, f -> f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES))
                        .toReference(),
                schema.field(BRAND_TEXT, f -> f.asString().analyzer(ProductAnalysis.ENGLISH)
                        .searchAnalyzer(ProductAnalysis.ENGLISH_QUERY)).toReference(),
                schema.field(DESCRIPTION, f -> f.asString().analyzer(ProductAnalysis.ENGLISH)
                        .searchAnalyzer(ProductAnalysis.ENGLISH_QUERY)).toReference(),
                schema.field(CATEGORY, f -> f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES))
                        .toReference(),
                schema.field(CATEGORY_PATH, f -> f.asString()).multiValued().toReference(),
                schema.field(CATEGORY_TEXT, f -> f.asString().analyzer(ProductAnalysis.ENGLISH)
                        .searchAnalyzer(ProductAnalysis.ENGLISH_QUERY)).multiValued().toReference(),
                schema.field(IMAGE, f -> f.asString().projectable(Projectable.YES).searchable(Searchable.NO))
                        .toReference(),
                schema.field(MIN_PRICE, f -> f.asLong().sortable(Sortable.YES).aggregable(Aggregable.YES)
                        .projectable(Projectable.YES)).toReference(),
                schema.field(MAX_PRICE, f -> f.asLong().projectable(Projectable.YES).searchable(Searchable.NO))
                        .toReference(),
                schema.field(CURRENCY, f -> f.asString().projectable(Projectable.YES).searchable(Searchable.NO))
                        .toReference(),
                schema.field(SKU, f -> f.asString().normalizer(ProductAnalysis.FOLDED)).multiValued().toReference(),
                schema.field(ATTRIBUTES, f -> f.asString().analyzer(ProductAnalysis.ENGLISH)
                        .searchAnalyzer(ProductAnalysis.ENGLISH_QUERY)).multiValued().toReference(),
                schema.field(COLOUR, f -> f.asString().aggregable(Aggregable.YES)).multiValued().toReference(),
                schema.field(SIZE, f -> f.asString().aggregable(Aggregable.YES)).multiValued().toReference(),
                schema.field(IN_STOCK, f -> f.asBoolean().aggregable(Aggregable.YES)).toReference(),
                schema.field(SINGLE_SKU, f -> f.asString().projectable(Projectable.YES).searchable(Searchable.NO))
                        .toReference(),
                schema.field(LISTED, f -> f.asBoolean()).toReference(),
                schema.field(FEATURED, f -> f.asBoolean().sortable(Sortable.YES)).toReference(),
                schema.field(CREATED_AT, f -> f.asInstant().sortable(Sortable.YES)).toReference());
        context.bridge(Product.class, new Bridge(fields));
    }

    private record Fields(IndexFieldReference<String> slug, IndexFieldReference<String> name,
            IndexFieldReference<String> namePrefixes, IndexFieldReference<String> nameSort,
            IndexFieldReference<String> brand, IndexFieldReference<String> brandText,
            IndexFieldReference<String> description, IndexFieldReference<String> category,
            IndexFieldReference<String> categoryPath, IndexFieldReference<String> categoryText,
            IndexFieldReference<String> image, IndexFieldReference<Long> minPrice,
            IndexFieldReference<Long> maxPrice, IndexFieldReference<String> currency,
            IndexFieldReference<String> sku, IndexFieldReference<String> attributes, IndexFieldReference<String> colour, IndexFieldReference<String> size,
            IndexFieldReference<Boolean> inStock, IndexFieldReference<String> singleSku,
            IndexFieldReference<Boolean> listed,
            IndexFieldReference<Boolean> featured, IndexFieldReference<Instant> createdAt) {
    }

    private record Bridge(Fields fields) implements TypeBridge<Product> {

        @Override
        public void write(DocumentElement document, Product product, TypeBridgeWriteContext context) {
            document.addValue(fields.slug(), product.slug);
            document.addValue(fields.name(), product.name);
            document.addValue(fields.namePrefixes(), product.name);
            document.addValue(fields.nameSort(), product.name);
            document.addValue(fields.brand(), product.brand);
            document.addValue(fields.brandText(), product.brand);
            document.addValue(fields.description(), product.description);
            document.addValue(fields.image(), product.mainImage());
            document.addValue(fields.featured(), product.featured);
            document.addValue(fields.createdAt(), product.createdAt);
            if (product.category != null) {
                document.addValue(fields.category(), product.category.slug);
                for (Category category : product.category.path()) {
                    document.addValue(fields.categoryPath(), category.slug);
                    document.addValue(fields.categoryText(), category.name);
                }
            }

            Long minPrice = null;
            Long maxPrice = null;
            String currency = null;
            boolean inStock = false;
            Set<String> colours = new LinkedHashSet<>();
            Set<String> sizes = new LinkedHashSet<>();
            int activeVariants = 0;
            String lastSku = null;
            for (Variant variant : product.variants) {
                if (!variant.active) {
                    continue;
                }
                document.addValue(fields.sku(), variant.sku);
                activeVariants++;
                lastSku = variant.sku;
                minPrice = minPrice == null ? variant.priceAmount : Math.min(minPrice, variant.priceAmount);
                maxPrice = maxPrice == null ? variant.priceAmount : Math.max(maxPrice, variant.priceAmount);
                currency = variant.currency;
                inStock |= variant.available() > 0;
                addIfPresent(colours, variant.attributes.get("colour"));
                addIfPresent(sizes, variant.attributes.get("size"));
            }
            document.addValue(fields.minPrice(), minPrice);
            document.addValue(fields.maxPrice(), maxPrice);
            document.addValue(fields.currency(), currency);
            document.addValue(fields.inStock(), inStock);
            document.addValue(fields.singleSku(), activeVariants == 1 && inStock ? lastSku : null);
            document.addValue(fields.listed(), product.active && minPrice != null);
            colours.forEach(colour -> document.addValue(fields.colour(), colour));
            sizes.forEach(size -> document.addValue(fields.size(), size));
            for (String word : attributeWords(product, colours, sizes)) {
                document.addValue(fields.attributes(), word);
            }
        }

        /** The product's own facts and its variants' colours and sizes; "Unisex" is for men and women alike. */
        private static Set<String> attributeWords(Product product, Set<String> colours, Set<String> sizes) {
            Set<String> words = new LinkedHashSet<>();
            product.attributes.values().forEach(value -> addIfPresent(words, value));
            if (words.stream().anyMatch("Unisex"::equalsIgnoreCase)) {
                words.add("Men");
                words.add("Women");
            }
            words.addAll(colours);
            words.addAll(sizes);
            return words;
        }

        private static void addIfPresent(Set<String> values, String value) {
            if (value != null && !value.isBlank()) {
                values.add(value);
            }
        }
    }
}
