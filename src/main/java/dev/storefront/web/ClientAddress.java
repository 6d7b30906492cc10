package dev.storefront.web;

import io.vertx.core.http.HttpServerRequest;

/** The address a request came from: the shopper's, as Nginx forwards it (quarkus.http.proxy settings). */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
