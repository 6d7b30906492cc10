package dev.storefront.cart;

import java.time.Instant;

/** One SKU in a cart as stored: how many, and its price when it was added. */
public record CartLine(String sku, int quantity, long unitPriceAmount, String currency, Instant addedAt) {
}
