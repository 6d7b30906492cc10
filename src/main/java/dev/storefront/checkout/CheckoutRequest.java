package dev.storefront.checkout;

/** What the shopper submits: the cart, an email, where to ship, and how. Prices never come from here. */
public record CheckoutRequest(String cartId, String email, ShippingAddress shippingAddress, String shippingMethod) {
}
