package dev.storefront.checkout;

import dev.storefront.order.ShippingAddress;

/** What the shopper submits: the cart, an email, where to ship, and how. Prices never come from here. */
public record CheckoutRequest(String cartId, String email, ShippingAddress shippingAddress, String shippingMethod) {
}
