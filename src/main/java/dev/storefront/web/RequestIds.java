package dev.storefront.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every request an id for the logs: Nginx's {@code X-Request-Id} when it sent one, a new one
 * otherwise. It is in every log line of the request ({@code requestId}) and sent back in the answer, so
 * an operator can find a customer's failed request from the id in Nginx's log or the browser.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && VALID.matcher(given).matches() ? given
                : UUID.randomUUID().toString().replace("-", "");
        MDC.put("requestId", id);
        request.setProperty("requestId", id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty("requestId");
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        MDC.remove("requestId");
        MDC.remove("orderNumber");
    }
}
