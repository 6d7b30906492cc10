package dev.storefront.cart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;

import dev.storefront.web.CartBadge;

/** The units in this browser's cart (its cookie), for the page frame's header. */
@ApplicationScoped
class HeaderCartCount implements CartBadge {

    @Inject
    CartService carts;

    /**
     * 0 on an event-loop thread: some error pages (a 404, a 405) are rendered there, where reading the cart
     * from Redis or PostgreSQL would block the loop; such a page shows no count rather than stall.
     */
    @Override
    public int itemCount(HttpServerRequest request) {
        if (Context.isOnEventLoopThread()) {
            return 0;
        }
        return carts.itemCount(CartCookie.of(request));
    }
}
