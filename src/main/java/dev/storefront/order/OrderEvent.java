package dev.storefront.order;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One move of an order (or its creation, {@code from} null): written only by {@link OrderLifecycle}. */
@Entity
@Table(name = "order_events")
public class OrderEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long orderId;

    @Enumerated(EnumType.STRING)
    public OrderStatus fromStatus;

    @Enumerated(EnumType.STRING)
    public OrderStatus toStatus;

    public Instant at;

    public String actor;

    public String reason;

    /** "2026-12-01 19:40 UTC" */
    public String when() {
        return WHEN.format(at);
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /** The move as the shopper reads it on the order page (no names of staff, no internal notes). */
    public String shopperWords() {
        if (fromStatus == null) {
            return "Order placed";
        }
        return switch (toStatus) {
            case PAID -> "Payment received";
            case SHIPPED -> "Shipped" + (reason.isEmpty() ? "" : ", " + reason);
            case DELIVERED -> "Delivered";
            case CANCELLED -> "Cancelled" + (reason.isEmpty() ? "" : ": " + reason);
            case REFUNDED -> "Refunded in full";
            case PARTIALLY_REFUNDED -> "Partly refunded";
            case PENDING_PAYMENT -> "Waiting for payment";
        };
    }
}
