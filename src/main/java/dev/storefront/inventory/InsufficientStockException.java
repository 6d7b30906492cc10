package dev.storefront.inventory;

import dev.storefront.web.StoreException;

/** Not enough stock left for a line of the cart; nothing was reserved. Answered with 409. */
public class InsufficientStockException extends StoreException {

    private final String sku;

    public InsufficientStockException(String sku) {
        super(409, "Not enough stock for " + sku + "; lower the quantity or remove it from the cart");
        this.sku = sku;
    }

    public String sku() {
        return sku;
    }
}
