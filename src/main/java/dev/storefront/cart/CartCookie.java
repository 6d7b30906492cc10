package dev.storefront.cart;

import jakarta.ws.rs.core.NewCookie;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/** The browser's cart: its id in an HttpOnly cookie, for guests and signed-in shoppers alike. */
public final class CartCookie {

    public static final String NAME = "sf_cart";

    private CartCookie() {
    }

    /** The cart id the browser holds, if it looks like one. */
    public static String of(HttpServerRequest request) {
        Cookie cookie = request.getCookie(NAME);
        return cookie != null && CartStore.isWellFormed(cookie.getValue()) ? cookie.getValue() : null;
    }

    public static NewCookie holding(String cartId, java.time.Duration lifetime, boolean secure) {
        return new NewCookie.Builder(NAME).value(cartId).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge((int) lifetime.toSeconds()).build();
    }

    public static NewCookie cleared(boolean secure) {
        return new NewCookie.Builder(NAME).value("").path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
    }
}
