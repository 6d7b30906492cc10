package dev.storefront.web;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Answers about one person (their account, orders, cart, checkout, the back office) are never stored by a
 * browser or a shared cache: {@code Cache-Control: no-store}, whatever the resource set. So is any API
 * answer to a request with credentials that did not set a policy of its own.
 */
public class PersonalAnswers {

    private static final List<String> PERSONAL = List.of("/api/v1/account", "/api/v1/orders", "/api/v1/admin",
            "/api/v1/auth", "/api/v1/checkout", "/api/v1/carts", "/account", "/admin", "/orders", "/checkout",
            "/cart", "/pay/");

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        boolean personal = PERSONAL.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(
                prefix.endsWith("/") ? prefix : prefix + "/"));
        boolean credentialed = path.startsWith("/api/") && request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL);
        if (personal || credentialed) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
