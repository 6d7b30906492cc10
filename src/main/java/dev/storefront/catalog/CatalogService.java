package dev.storefront.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

import dev.storefront.catalog.CatalogChanges.CatalogChanged;
import dev.storefront.db.PlainJdbc;
import dev.storefront.money.Money;

/**
 * Reads the catalog the way shoppers see it (only active products and variants), from read models kept
 * in memory until a catalog change concerns them ({@link CatalogChanges}): the category tree, the home
 * page's tiles and each product page. Only the first read after a change touches the database.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogService {

    /** What the shared read models are kept under: one list or tree each, {@code limit} where it has one. */
    private record SharedKey(String name, int limit) {
    }

    private final ReadModelCache<SharedKey, Object> shared;

    @Inject
    ObjectMapper json;

    @Inject
    CatalogService(CatalogChanges changes, MeterRegistry registry) {
        shared = new ReadModelCache<>("catalog-shared", 100, changes::cacheable, registry);
    }

    void onCatalogChanged(@Observes CatalogChanged change) {
        shared.invalidateAll();
    }

    /** Every category: departments with their subcategories, in display order. */
    public CategoryTree categoryTree() {
        return (CategoryTree) shared.get(new SharedKey("category-tree", 0),
                key -> new CategoryTree(Category.list("order by position, name")));
    }

    @SuppressWarnings("unchecked")
    public List<ProductCard> featured(int limit) {
        return (List<ProductCard>) shared.get(new SharedKey("featured", limit), key -> cards(
                Product.find("active = true and featured = true order by createdAt desc, id").page(0, limit).list()));
    }

    @SuppressWarnings("unchecked")
    public List<ProductCard> newest(int limit) {
        return (List<ProductCard>) shared.get(new SharedKey("newest", limit), key -> cards(
                Product.find("active = true order by createdAt desc, id").page(0, limit).list()));
    }

    public Optional<CategoryView> category(String slug) {
        return categoryTree().bySlug(slug);
    }

    /** Categories holding the most active products, for shoppers whose search found nothing. */
    @SuppressWarnings("unchecked")
    public List<CategoryView> popularCategories(int limit) {
        CategoryTree tree = categoryTree(); // outside the load: one cache never loads inside itself
        return (List<CategoryView>) shared.get(new SharedKey("popular-categories", limit), key -> Category
                .getEntityManager().createQuery("""
                        select p.category.slug from Product p where p.active = true
                        group by p.category.slug, p.category.name order by count(p) desc, p.category.name""",
                        String.class).setMaxResults(limit).getResultList().stream()
                .flatMap(slug -> tree.bySlug(slug).stream()).toList());
    }

    /**
     * The product page for a slug, with the variant whose SKU is given (or the first in stock) selected.
     * Read from the database each time: what shoppers see is kept whole, as a page (PageCache) or as JSON
     * (JsonCache), so this runs only when neither has it.
     */
    public Optional<ProductDetails> productDetails(String slug, String selectedSku) {
        return Optional.ofNullable(loadProductPage(PRODUCT_PAGE + "where p.slug = ? and p.active and v.active"
                + PRODUCT_PAGE_ORDER, statement -> statement.setString(1, slug))).map(page -> page.select(selectedSku));
    }

    /**
     * The product page of any product, switched off or not, with every variant (for the admin's preview before
     * enabling it); empty when there is no such product or it has no variant.
     */
    public Optional<ProductDetails> previewDetails(long productId) {
        return Optional.ofNullable(loadProductPage(PRODUCT_PAGE + "where p.id = ?" + PRODUCT_PAGE_ORDER,
                statement -> statement.setLong(1, productId)));
    }

    // one statement: the product with its category, variants and their stock, read as rows into the page's records
    // (no entities to build, track and throw away)
    private static final String PRODUCT_PAGE = """
            select p.id, p.slug, p.name, p.brand, p.description, p.attributes::text, p.images::text,
                   c.id, c.slug, c.name, c.description,
                   v.sku, v.attributes::text, v.price_amount, v.currency, v.image,
                   s.on_hand, s.reserved, s.low_stock_threshold, v.compare_at_amount, p.image_alts::text
            from products p join categories c on c.id = p.category_id
            join variants v on v.product_id = p.id
            left join stock_levels s on s.variant_id = v.id
            """;
    private static final String PRODUCT_PAGE_ORDER = " order by v.position, v.id";

    private ProductDetails loadProductPage(String sql, PlainJdbc.Parameters parameters) {
        CategoryTree tree = categoryTree();
        return PlainJdbc.query(Product.getEntityManager(), sql, parameters, rows -> productPage(rows, tree));
    }

    private ProductDetails productPage(ResultSet rows, CategoryTree tree) throws SQLException {
        if (!rows.next()) {
            return null; // no such product, switched off, or without an active variant
        }
        String name = rows.getString(3);
        // a category outside the tree (a broken parent chain) still gets a page, without its ancestors
        String categorySlug = rows.getString(9);
        CategoryView category = tree.bySlug(categorySlug).orElse(new CategoryView(rows.getLong(8), categorySlug,
                rows.getString(10), rows.getString(11), null, List.of()));
        ProductView product = new ProductView(rows.getLong(1), rows.getString(2), name, rows.getString(4),
                rows.getString(5), Collections.unmodifiableMap(json(rows.getString(6), ATTRIBUTES)),
                List.copyOf(json(rows.getString(7), IMAGES)),
                Collections.unmodifiableMap(json(rows.getString(21), ATTRIBUTES)), category);
        List<ProductDetails.VariantOption> options = new ArrayList<>();
        do {
            Map<String, String> attributes = Collections.unmodifiableMap(json(rows.getString(13), ATTRIBUTES));
            int onHand = rows.getInt(17);
            Availability availability = rows.wasNull() ? Availability.NONE
                    : new Availability(StockLevel.available(onHand, rows.getInt(18)), rows.getInt(19));
            long compareAtAmount = rows.getLong(20);
            Money compareAt = rows.wasNull() ? null : Money.of(compareAtAmount, rows.getString(15));
            options.add(new ProductDetails.VariantOption(rows.getString(12), Variant.label(attributes, name),
                    Money.of(rows.getLong(14), rows.getString(15)), attributes, availability, rows.getString(16),
                    compareAt));
        } while (rows.next());
        Money from = options.stream().map(ProductDetails.VariantOption::price).min(Comparator.naturalOrder())
                .orElseThrow();
        Money to = options.stream().map(ProductDetails.VariantOption::price).max(Comparator.naturalOrder())
                .orElseThrow();
        return new ProductDetails(product, tree.path(category), List.copyOf(options), null, from, to).select(null);
    }

    private static final TypeReference<LinkedHashMap<String, String>> ATTRIBUTES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> IMAGES = new TypeReference<>() {
    };

    private <T> T json(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type); // the columns are never null (V1)
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column: " + e.getOriginalMessage(), e);
        }
    }

    /** Tiles for products, with the lowest and highest price of their active variants. */
    private static List<ProductCard> cards(List<Product> products) {
        if (products.isEmpty()) {
            return List.of();
        }
        record Facts(Money from, Money to, String singleSku) {
        }
        Map<Long, Facts> facts = new HashMap<>();
        List<Object[]> rows = Variant.getEntityManager().createQuery("""
                select v.product.id, v.currency, min(v.priceAmount), max(v.priceAmount), count(v), min(v.sku),
                       sum(case when s.onHand > s.reserved then 1 else 0 end)
                from Variant v left join v.stock s where v.product.id in :ids and v.active = true
                group by v.product.id, v.currency""", Object[].class)
                .setParameter("ids", products.stream().map(p -> p.id).toList())
                .getResultList();
        for (Object[] row : rows) {
            String currency = (String) row[1];
            boolean oneInStock = ((Number) row[4]).longValue() == 1 && ((Number) row[6]).longValue() == 1;
            facts.put((Long) row[0], new Facts(Money.of((Long) row[2], currency), Money.of((Long) row[3], currency),
                    oneInStock ? (String) row[5] : null));
        }
        List<ProductCard> cards = new ArrayList<>();
        for (Product product : products) {
            Facts fact = facts.get(product.id);
            if (fact != null) {
                cards.add(new ProductCard(product.slug, product.name, product.brand, product.category.slug,
                        product.mainImage(), fact.from(), fact.to(), fact.singleSku()));
            }
        }
        return List.copyOf(cards);
    }
}
