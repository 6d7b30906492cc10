package dev.storefront.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.storefront.inventory.Availability;
import dev.storefront.inventory.InventoryService;
import dev.storefront.money.Money;

/** Reads the catalog the way shoppers see it: only active products and variants. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogService {

    @Inject
    InventoryService inventory;

    /** Departments with their subcategories, in display order. */
    public Map<Category, List<Category>> categoryTree() {
        List<Category> all = Category.list("order by position, name");
        // grouped by the parent's id, which a lazy parent reference knows without another query
        Map<Long, List<Category>> childrenByParentId = new HashMap<>();
        for (Category category : all) {
            if (category.parent != null) {
                childrenByParentId.computeIfAbsent(category.parent.id, id -> new ArrayList<>()).add(category);
            }
        }
        Map<Category, List<Category>> tree = new LinkedHashMap<>();
        for (Category category : all) {
            if (category.parent == null) {
                tree.put(category, childrenByParentId.getOrDefault(category.id, List.of()));
            }
        }
        return tree;
    }

    public List<ProductCard> featured(int limit) {
        return cards(Product.find("active = true and featured = true order by createdAt desc, id")
                .page(0, limit).list());
    }

    public List<ProductCard> newest(int limit) {
        return cards(Product.find("active = true order by createdAt desc, id").page(0, limit).list());
    }

    public Optional<Category> category(String slug) {
        return Category.find("slug", slug).firstResultOptional();
    }

    /** The subcategories of a category, in display order. */
    public List<Category> children(Category category) {
        return Category.list("parent = ?1 order by position, name", category);
    }

    /** Categories holding the most active products, for shoppers whose search found nothing. */
    public List<Category> popularCategories(int limit) {
        return Category.getEntityManager().createQuery("""
                select p.category from Product p where p.active = true
                group by p.category order by count(p) desc, p.category.name""", Category.class)
                .setMaxResults(limit).getResultList();
    }

    /** The product page for a slug, with the variant whose SKU is given (or the first in stock) selected. */
    public Optional<ProductDetails> productDetails(String slug, String selectedSku) {
        return Product.findActiveBySlug(slug).flatMap(product -> {
            List<Variant> variants = product.variants.stream().filter(v -> v.active).toList();
            if (variants.isEmpty()) {
                return Optional.empty();
            }
            Map<Long, Availability> stock = inventory.availabilityOf(variants.stream().map(v -> v.id).toList());
            List<ProductDetails.VariantOption> options = variants.stream()
                    .map(v -> new ProductDetails.VariantOption(v, stock.get(v.id)))
                    .toList();
            ProductDetails.VariantOption selected = options.stream()
                    .filter(o -> o.sku().equals(selectedSku)).findFirst()
                    .or(() -> options.stream().filter(o -> o.availability().inStock()).findFirst())
                    .orElse(options.get(0));
            Money from = variants.stream().map(Variant::price).min(Comparator.naturalOrder()).orElseThrow();
            Money to = variants.stream().map(Variant::price).max(Comparator.naturalOrder()).orElseThrow();
            return Optional.of(new ProductDetails(product, product.category.path(), options, selected, from, to));
        });
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
        return cards;
    }
}
