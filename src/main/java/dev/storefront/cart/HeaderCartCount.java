package dev.storefront.cart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpServerRequest;

import dev.storefront.web.CartBadge;

/** The units in this browser's cart (its cookie), for the page frame's header. */
@ApplicationScoped
class HeaderCartCount implements CartBadge {

    @Inject
    CartService carts;

    @Override
    public int itemCount(HttpServerRequest request) {
        return carts.itemCount(CartCookie.of(request));
    }
}
