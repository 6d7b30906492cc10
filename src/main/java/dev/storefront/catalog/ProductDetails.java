package dev.storefront.catalog;

import java.util.List;

import dev.storefront.inventory.Availability;
import dev.storefront.money.Money;

/** Everything the product page shows: the product, where it sits, and each variant with its stock. */
public record ProductDetails(Product product, List<Category> breadcrumb, List<VariantOption> variants,
        VariantOption selected, Money priceFrom, Money priceTo) {

    /** One variant as the selector offers it. */
    public record VariantOption(Variant variant, Availability availability) {
        public String sku() {
            return variant.sku;
        }

        public String label() {
            return variant.label();
        }

        public Money price() {
            return variant.price();
        }
    }

    public boolean priceVaries() {
        return priceFrom.amount() != priceTo.amount();
    }

    public boolean hasChoice() {
        return variants.size() > 1;
    }
}
