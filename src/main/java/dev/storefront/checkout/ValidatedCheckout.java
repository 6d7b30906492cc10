package dev.storefront.checkout;

import java.util.List;

/** A checkout that passed validation: lines priced from the database and the totals, in minor units. */
public record ValidatedCheckout(String cartId, String email, Long userId, ShippingAddress address,
        String shippingMethod, String currency, List<PricedLine> lines, long subtotal, long shipping, long tax,
        long total) {

    /** A cart line at the price the database says now. */
    public record PricedLine(long variantId, long productId, String sku, String name, String variantLabel,
            long unitPrice, int quantity) {

        public long lineTotal() {
            return unitPrice * quantity;
        }
    }
}
