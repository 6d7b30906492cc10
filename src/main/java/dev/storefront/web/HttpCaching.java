package dev.storefront.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** Conditional GET for cacheable responses: an ETag, a Cache-Control policy, and 304 when the client is current. */
public final class HttpCaching {

    private HttpCaching() {
    }

    /** 304 when the request's If-None-Match matches {@code tag}, otherwise 200 with the body. */
    public static Response cacheable(Request request, EntityTag tag, String cacheControl, Object body,
            String contentType) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(body, contentType).tag(tag);
        return answer.header("Cache-Control", cacheControl).build();
    }
}
