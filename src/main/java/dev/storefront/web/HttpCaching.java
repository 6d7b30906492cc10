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
     * A shared page with this visitor's own parts filled in, a weak ETag and {@code private, no-cache}: the
     * browser keeps it but asks again each time, and gets a 304 without the body while the page has not
     * changed. Pages show stock and carry the visitor's cart count and CSRF token, so no shared cache may
     * keep them and nothing may serve them stale. Sent gzip-encoded as it is kept when the client accepts
     * gzip (the HTTP layer leaves an encoded answer as it is).
     */
    public static Response page(Request request, SharedPage page, String cartCount, String csrfToken,
            String acceptEncoding) {
        return shared(request, page, "text/html;charset=UTF-8", "private, no-cache", cartCount, csrfToken,
                acceptEncoding);
    }

    /** A kept answer (a page, an API record) as {@link #page(Request, SharedPage, String, String, String)} sends it. */
    public static Response shared(Request request, SharedPage page, String contentType, String cacheControl,
            String cartCount, String csrfToken, String acceptEncoding) {
        EntityTag tag = new EntityTag(page.etag(cartCount, csrfToken), true);
        Response.ResponseBuilder answer = request.evaluatePreconditions(tag);
        if (answer == null) {
            boolean gzip = acceptsGzip(acceptEncoding);
            answer = Response.ok(gzip ? page.gzip(cartCount, csrfToken) : page.plain(cartCount, csrfToken), contentType)
                    .tag(tag);
            if (gzip) {
                answer.header("Content-Encoding", "gzip");
            }
        }
        return answer.header("Cache-Control", cacheControl).header("Vary", "Accept-Encoding").build();
    }

    /** Whether an Accept-Encoding header value admits gzip (named, or by {@code *}, with a quality above 0). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        boolean starAdmits = false;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim();
            boolean admitted = true;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                    try {
                        admitted = Double.parseDouble(parameter.substring(2).trim()) > 0;
                    } catch (NumberFormatException e) {
                        admitted = false;
                    }
                }
            }
            if (name.equalsIgnoreCase("gzip") || name.equalsIgnoreCase("x-gzip")) {
                return admitted;
            }
            if (name.equals("*")) {
                starAdmits = admitted;
            }
        }
        return starAdmits;
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
