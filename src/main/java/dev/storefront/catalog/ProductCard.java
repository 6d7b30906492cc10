package dev.storefront.catalog;

import dev.storefront.money.Money;

/**
 * A product as listings show it: enough to draw a tile and link to the product page. {@code singleSku}
 * is set when the product has one variant (and it is in stock), so the tile can add it to the cart directly.
 */
public record ProductCard(String slug, String name, String brand, String category, String image, Money priceFrom,
        Money priceTo, String singleSku) {

    /** True when variants differ in price, so the tile shows "from". */
    public boolean priceVaries() {
        return priceFrom.amount() != priceTo.amount();
    }
}
