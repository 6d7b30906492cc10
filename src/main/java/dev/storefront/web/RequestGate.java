package dev.storefront.web;

import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.vertx.core.http.HttpServerRequest;

/**
 * The checks every request passes before a resource runs, in this order: no control characters in its
 * path, query or form (a 400 naming the field), then the CSRF token of a state-changing form (a 403).
 * One filter calls both so that the order is written here, not left to filter priorities (which Quarkus
 * applies in reverse among filters that read the form body).
 */
public class RequestGate {

    @Inject
    CsrfProtection csrf;

    @ServerRequestFilter(readBody = true)
    public void check(ResteasyReactiveContainerRequestContext context, HttpServerRequest request) {
        ControlCharacters.reject(context);
        csrf.verify(context, request);
    }
}
