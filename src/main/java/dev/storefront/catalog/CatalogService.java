package dev.storefront.catalog;

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

import io.micrometer.core.instrument.MeterRegistry;

import dev.storefront.catalog.CatalogChanges.CatalogChanged;
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
        return Optional.ofNullable(loadProductPage(slug)).map(page -> page.select(selectedSku));
    }

    private ProductDetails loadProductPage(String slug) {
        CategoryTree tree = categoryTree();
        // one query: the product with its category, variants and their stock
        return Product.<Product>find("""
                select distinct p from Product p join fetch p.category left join fetch p.variants v
                left join fetch v.stock where p.slug = ?1 and p.active = true""", slug).singleResultOptional()
                .map(product -> {
            List<Variant> variants = product.variants.stream().filter(v -> v.active).toList();
            if (variants.isEmpty()) {
                return null;
            }
            List<ProductDetails.VariantOption> options = variants.stream()
                    .map(v -> new ProductDetails.VariantOption(v.sku, v.label(), v.price(),
                            Collections.unmodifiableMap(new LinkedHashMap<>(v.attributes)),
                            v.stock == null ? Availability.NONE
                                    : new Availability(v.stock.available(), v.stock.lowStockThreshold),
                            v.image))
                    .toList();
            Category entity = product.category;
            // a category outside the tree (a broken parent chain) still gets a page, without its ancestors
            CategoryView category = tree.bySlug(entity.slug).orElseGet(() -> new CategoryView(entity.id, entity.slug,
                    entity.name, entity.description, null, List.of()));
            Money from = variants.stream().map(Variant::price).min(Comparator.naturalOrder()).orElseThrow();
            Money to = variants.stream().map(Variant::price).max(Comparator.naturalOrder()).orElseThrow();
            return new ProductDetails(ProductView.of(product, category), tree.path(category), options, null, from, to)
                    .select(null);
        }).orElse(null);
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
