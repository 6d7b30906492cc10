package dev.storefront.web;

import java.net.URI;
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

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Double-submit CSRF protection for every state-changing request a browser could be made to send: the
 * {@code csrf} field (or {@code X-CSRF-Token} header) must equal the browser's {@code sf_csrf} cookie,
 * which another site can neither read nor set. A mismatch is a 403 and the resource never runs.
 */
@Singleton
public class CsrfProtection {

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** The token in a header, for requests that are not forms. */
    public static final String HEADER = "X-CSRF-Token";

    /**
     * Cookies a browser sends by itself, which give a forged request its power: the sign-in
     * (account.BrowserSession) and the cart (cart.CartCookie); CsrfCookiesTest keeps the names in step.
     */
    public static final Set<String> AMBIENT_COOKIES = Set.of("sf_session", "sf_cart");

    @Inject
    CsrfToken csrf;

    @Inject
    JWTParser jwt;

    @ConfigProperty(name = "storefront.secure-cookies")
    boolean secureCookies;

    /**
     * Throws {@link CsrfRejectedException} for a state-changing request a browser may have been tricked into
     * sending (see RequestGate): every form, and every request carrying the store's ambient cookies (the
     * sign-in or the cart), whatever its content type or lack of body, needs the browser's token, in the
     * {@code csrf} field or the {@code X-CSRF-Token} header. Only a bearer token that verifies exempts a
     * request: it is what authenticates it, and no browser attaches one to a forged request. A second
     * layer refuses what the browser itself marks as cross-site ({@code Sec-Fetch-Site}, {@code Origin}).
     */
    void verify(ResteasyReactiveContainerRequestContext context, HttpServerRequest request) {
        if (!UNSAFE.contains(context.getMethod())) {
            return;
        }
        boolean form = isForm(context.getMediaType());
        boolean ambient = AMBIENT_COOKIES.stream().anyMatch(name -> request.getCookie(name) != null);
        if (!form && !ambient) {
            return; // an API client with its own credentials: nothing a browser would send by itself
        }
        if (verifiedBearer(request)) {
            return;
        }
        if (crossSite(request)) {
            throw new CsrfRejectedException();
        }
        Cookie cookie = request.getCookie(CsrfToken.COOKIE);
        String submitted = request.getHeader(HEADER);
        if (submitted == null && form) {
            Object field = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                    .getFormParameter(CsrfToken.FIELD, true, false);
            submitted = field instanceof String value ? value : null;
        }
        if (cookie == null || submitted == null || !MessageDigest.isEqual(
                cookie.getValue().getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRejectedException();
        }
    }

    /** A bearer token that verifies (signature, issuer, expiry); a junk one exempts nothing. */
    private boolean verifiedBearer(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        try {
            jwt.parse(authorization.substring(7).strip());
            return true;
        } catch (ParseException | RuntimeException e) {
            return false;
        }
    }

    /** What the browser says came from another site: Sec-Fetch-Site, or an Origin of another host. */
    private static boolean crossSite(HttpServerRequest request) {
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return false;
        }
        String host = request.getHeader(HttpHeaders.HOST);
        try {
            String originHost = URI.create(origin).getHost();
            String requestHost = host == null ? null : URI.create("http://" + host).getHost();
            return originHost != null && requestHost != null && !originHost.equalsIgnoreCase(requestHost);
        } catch (IllegalArgumentException e) {
            return true;
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
