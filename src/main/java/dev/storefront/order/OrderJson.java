package dev.storefront.order;

import java.util.List;

import dev.storefront.money.Money;

/** An order as its owner, an admin or the holder of its access token reads it in the JSON API. */
/** {@code discount}: what promotions gave (lines and shipping), named by {@code discountLabel}. */
public record OrderJson(String number, String status, String email, List<LineJson> lines, Money subtotal,
        Money discount, String discountLabel, Money shipping, Money tax, Money total, String shippingMethod) {
    public static OrderJson of(Order order) {
        return new OrderJson(order.number, order.status.name(), order.email, order.lines.stream()
                .map(l -> new LineJson(l.sku, l.name, l.variantLabel, Money.of(l.unitPriceAmount, order.currency),
                        l.quantity, Money.of(l.lineTotalAmount, order.currency),
                        Money.of(l.discountAmount, order.currency))).toList(),
                order.subtotal(), order.discount(), order.discountLabel, order.shipping(), order.tax(), order.total(), order.shippingMethod);
    }

    /** One line, at its price then; {@code discount} is what promotions took off it. */
    public record LineJson(String sku, String name, String variant, Money unitPrice, int quantity, Money lineTotal,
            Money discount) {
    }
}
