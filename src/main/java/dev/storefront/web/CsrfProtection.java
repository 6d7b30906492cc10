package dev.storefront.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Double-submit CSRF protection for every state-changing form: the {@code csrf} field must equal the
 * browser's {@code sf_csrf} cookie, which another site can neither read nor set. A mismatch is a 403
 * and the resource never runs. JSON requests are not forms: browsers only send them cross-site after a
 * CORS preflight the store does not allow.
 */
@Singleton
public class CsrfProtection {

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    CsrfToken csrf;

    @ConfigProperty(name = "storefront.secure-cookies")
    boolean secureCookies;

    /** Throws {@link CsrfRejectedException} for a state-changing form without the browser's token (see RequestGate). */
    void verify(ResteasyReactiveContainerRequestContext context, HttpServerRequest request) {
        if (!UNSAFE.contains(context.getMethod()) || !isForm(context.getMediaType())) {
            return;
        }
        // a bearer token is sent by the client itself, never attached by a browser to a forged request:
        // an API client uploading a picture as multipart needs no CSRF token
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return;
        }
        Cookie cookie = request.getCookie(CsrfToken.COOKIE);
        Object field = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                .getFormParameter(CsrfToken.FIELD, true, false);
        if (cookie == null || !(field instanceof String submitted) || !MessageDigest.isEqual(
                cookie.getValue().getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRejectedException();
        }
    }

    @ServerResponseFilter
    public void issueCookie(ContainerRequestContext request, ContainerResponseContext response,
            HttpServerResponse http) {
        if (csrf.issued()) {
            Cookie cookie = Cookie.cookie(CsrfToken.COOKIE, csrf.token()).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.LAX).setSecure(secureCookies);
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie.encode());
        }
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    /** A form without the right token: answered with 403. */
    public static class CsrfRejectedException extends RuntimeException {
        public CsrfRejectedException() {
            super("This form has expired or did not come from this store. Reload the page and try again.");
        }
    }
}
