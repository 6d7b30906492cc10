package dev.storefront.web;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** Conditional GET for cacheable responses: an ETag, a Cache-Control policy, and 304 when the client is current. */
public final class HttpCaching {

    private HttpCaching() {
    }

    /**
     * A rendered page with a weak ETag of its content and {@code private, no-cache}: the browser keeps it
     * but asks again each time, and gets a 304 without the body while the page has not changed. Pages
     * show stock and carry the visitor's cart count and CSRF token, so no shared cache may keep them and
     * nothing may serve them stale.
     */
    public static Response page(Request request, String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        return cacheable(request, new EntityTag(fingerprint(body), true), "private, no-cache", body,
                "text/html;charset=UTF-8");
    }

    /** A shared page with this visitor's own parts filled in; see {@link #page(Request, String)}. */
    public static Response page(Request request, SharedPage page, String cartCount, String csrfToken) {
        EntityTag tag = new EntityTag(page.etag(cartCount, csrfToken), true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = notModified != null ? notModified
                : Response.ok(page.fill(cartCount, csrfToken), "text/html;charset=UTF-8").tag(tag);
        return answer.header("Cache-Control", "private, no-cache").build();
    }

    /** 16 hex digits that change whenever the text does. */
    public static String digest(String text) {
        return fingerprint(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Two different CRCs of the bytes, 64 bits together: an ETag needs to change with the content, not to
     * resist forgery, and both CRCs run in hardware, where a cryptographic hash of every page would cost
     * each request several times more.
     */
    public static String fingerprint(byte[] bytes) {
        CRC32C crc32c = new CRC32C();
        crc32c.update(bytes);
        CRC32 crc32 = new CRC32();
        crc32.update(bytes);
        return String.format("%08x%08x", crc32c.getValue(), crc32.getValue());
    }

    /** 304 when the request's If-None-Match matches {@code tag}, otherwise 200 with the body. */
    public static Response cacheable(Request request, EntityTag tag, String cacheControl, Object body,
            String contentType) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(body, contentType).tag(tag);
        return answer.header("Cache-Control", cacheControl).build();
    }
}
