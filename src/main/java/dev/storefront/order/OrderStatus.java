package dev.storefront.order;

/** Where an order is in its life; see the contract for the allowed moves. */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, SHIPPED, DELIVERED, CANCELLED, REFUNDED, PARTIALLY_REFUNDED
}
