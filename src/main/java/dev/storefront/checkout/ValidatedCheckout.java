package dev.storefront.checkout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import dev.storefront.inventory.StockReservation;
import dev.storefront.order.ShippingAddress;
import dev.storefront.promotion.DiscountRules;

/**
 * A checkout that passed validation: lines priced from the database, the promotions given, and the totals, in
 * minor units ({@code discount} includes any taken off shipping).
 */
public record ValidatedCheckout(String cartId, String email, Long userId, ShippingAddress address,
        String shippingMethod, String currency, List<PricedLine> lines, long subtotal, long discount, long shipping,
        long tax, long total, DiscountRules.Outcome promotions) {

    /**
     * What this checkout is (who, where, how, what at which price): two checkouts of a cart with the same
     * fingerprint are the same order. Hex SHA-256, 64 characters.
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder().append(cartId).append('\n').append(email.toLowerCase(Locale.ROOT))
                .append('\n').append(userId).append('\n').append(address).append('\n').append(shippingMethod)
                .append('\n').append(currency).append('\n').append(total).append('\n').append(discount);
        promotions.applied().forEach(applied -> text.append('\n').append(applied.offer().id()).append(' ')
                .append(applied.offer().code()).append(' ').append(applied.amount()));
        lines.stream().sorted(Comparator.comparing(PricedLine::sku)).forEach(line -> text.append('\n')
                .append(line.sku()).append(' ').append(line.quantity()).append(' ').append(line.unitPrice()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Units of stock the checkout holds. */
    public int units() {
        return lines.stream().mapToInt(PricedLine::quantity).sum();
    }

    /** A cart line at the price the database says now. */
    public record PricedLine(long variantId, long productId, String sku, String name, String variantLabel,
            long unitPrice, int quantity) implements StockReservation.Line {

        public long lineTotal() {
            return unitPrice * quantity;
        }
    }
}
