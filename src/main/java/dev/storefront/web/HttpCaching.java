package dev.storefront.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** Conditional GET for cacheable responses: an ETag, a Cache-Control policy, and 304 when the client is current. */
public final class HttpCaching {

    private HttpCaching() {
    }

    /**
     * A rendered page with a weak ETag of its content and {@code no-cache}: browsers and proxies keep it
     * but ask again each time, and get a 304 without the body while the page has not changed. Pages
     * can show stock and, later, the visitor's cart, so nothing may serve them stale.
     */
    public static Response page(Request request, String html) {
        return cacheable(request, new EntityTag(digest(html), true), "no-cache", html, "text/html;charset=UTF-8");
    }

    /** The first 16 hex digits of the SHA-256 of the text. */
    public static String digest(String text) {
        return SecureTokens.sha256Hex(text).substring(0, 16);
    }

    /** 304 when the request's If-None-Match matches {@code tag}, otherwise 200 with the body. */
    public static Response cacheable(Request request, EntityTag tag, String cacheControl, Object body,
            String contentType) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(body, contentType).tag(tag);
        return answer.header("Cache-Control", cacheControl).build();
    }
}
