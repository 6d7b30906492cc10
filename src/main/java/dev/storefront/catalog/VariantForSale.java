package dev.storefront.catalog;

import dev.storefront.money.Money;

/**
 * A SKU as a cart sells it: what its line shows, what it costs now and how many units can be bought
 * ({@link VariantsForSale} finds them).
 *
 * @param label the variant's attributes, "M / Blue"; empty when it has none
 */
public record VariantForSale(String sku, String productName, String productSlug, String label, String image,
        long priceAmount, String currency, int available) {

    public Money price() {
        return Money.of(priceAmount, currency);
    }
}
