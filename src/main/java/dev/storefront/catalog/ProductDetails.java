package dev.storefront.catalog;

import java.util.List;
import java.util.Map;

import dev.storefront.money.Money;

/** Everything the product page shows: the product, where it sits, and each variant with its stock. */
public record ProductDetails(ProductView product, List<CategoryView> breadcrumb, List<VariantOption> variants,
        VariantOption selected, Money priceFrom, Money priceTo) {

    /** One variant as the selector offers it. */
    public record VariantOption(String sku, String label, Money price, Map<String, String> attributes,
            Availability availability) {
    }

    /** The same page with the variant of this SKU selected, or else the first in stock, or else the first. */
    public ProductDetails select(String sku) {
        VariantOption chosen = variants.stream().filter(o -> o.sku().equals(sku)).findFirst()
                .or(() -> variants.stream().filter(o -> o.availability().inStock()).findFirst())
                .orElse(variants.get(0));
        return chosen == selected ? this : new ProductDetails(product, breadcrumb, variants, chosen, priceFrom, priceTo);
    }

    public boolean priceVaries() {
        return priceFrom.amount() != priceTo.amount();
    }

    public boolean hasChoice() {
        return variants.size() > 1;
    }

    /** Whether any variant can be bought now (the add button is offered whichever is chosen). */
    public boolean anyInStock() {
        return variants.stream().anyMatch(o -> o.availability().inStock());
    }

    /** The most units of one variant a shopper may ask for here: what the best-stocked variant has, at most 99. */
    public int maxQuantity() {
        return Math.min(99, variants.stream().mapToInt(o -> o.availability().available()).max().orElse(0));
    }
}
