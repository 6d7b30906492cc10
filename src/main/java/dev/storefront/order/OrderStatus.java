package dev.storefront.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is in its life, and the moves between states (the contract's "Order states"):
 * <pre>
 * PENDING_PAYMENT → PAID → SHIPPED → DELIVERED
 * PENDING_PAYMENT → CANCELLED                     declined, expired, replaced, cancelled: stock released
 * PAID, PARTIALLY_REFUNDED → CANCELLED             refunded in full first, goods back on the shelf
 * PAID, PARTIALLY_REFUNDED, SHIPPED, DELIVERED → PARTIALLY_REFUNDED, REFUNDED
 * PARTIALLY_REFUNDED → SHIPPED
 * </pre>
 * Every move goes through {@link OrderLifecycle}, which makes it with a conditional UPDATE and records it.
 */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, SHIPPED, DELIVERED, CANCELLED, REFUNDED, PARTIALLY_REFUNDED;

    /** The money was taken (whatever happened since): what counts as a sale. */
    public static final Set<OrderStatus> PAID_FOR = EnumSet.of(PAID, SHIPPED, DELIVERED, PARTIALLY_REFUNDED, REFUNDED);

    /** Paid and waiting to be shipped. */
    public static final Set<OrderStatus> SHIPPABLE = EnumSet.of(PAID, PARTIALLY_REFUNDED);

    /** Money can still be given back. */
    public static final Set<OrderStatus> REFUNDABLE = EnumSet.of(PAID, PARTIALLY_REFUNDED, SHIPPED, DELIVERED);

    /** The states this one may move to. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING_PAYMENT -> EnumSet.of(PAID, CANCELLED);
            case PAID -> EnumSet.of(SHIPPED, CANCELLED, PARTIALLY_REFUNDED, REFUNDED);
            case PARTIALLY_REFUNDED -> EnumSet.of(SHIPPED, CANCELLED, PARTIALLY_REFUNDED, REFUNDED);
            case SHIPPED -> EnumSet.of(DELIVERED, PARTIALLY_REFUNDED, REFUNDED);
            case DELIVERED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
            case CANCELLED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus to) {
        return next().contains(to);
    }

    /** SQL for {@code status in (…)} over these states (names only, never user input). */
    public static String sqlList(Set<OrderStatus> states) {
        return states.stream().map(s -> "'" + s.name() + "'").sorted().reduce((a, b) -> a + ", " + b).orElse("''");
    }

    /** What an admin reads: "Pending payment", "Partially refunded". */
    public String words() {
        String words = name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** What a shopper reads on the order page. */
    public String shopperWords() {
        return switch (this) {
            case PENDING_PAYMENT -> "Waiting for payment";
            case PAID -> "Paid, being prepared";
            case SHIPPED -> "Shipped";
            case DELIVERED -> "Delivered";
            case CANCELLED -> "Cancelled";
            case REFUNDED -> "Refunded";
            case PARTIALLY_REFUNDED -> "Partly refunded";
        };
    }
}
