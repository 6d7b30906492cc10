package dev.storefront.web;

import io.vertx.core.http.HttpServerRequest;

/** How many units the browser's cart holds, shown in every page's header; the cart feature answers it. */
public interface CartBadge {

    int itemCount(HttpServerRequest request);
}
