package dev.storefront.catalog;

import dev.storefront.money.Money;

/** A product as listings show it: enough to draw a tile and link to the product page. */
public record ProductCard(String slug, String name, String brand, String category, String image, Money priceFrom,
        Money priceTo) {

    /** True when variants differ in price, so the tile shows "from". */
    public boolean priceVaries() {
        return priceFrom.amount() != priceTo.amount();
    }
}
