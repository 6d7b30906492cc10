package dev.storefront.account;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

import dev.storefront.config.StoreConfig;

/**
 * The browser's sign-in: a short-lived JWT in an HttpOnly, SameSite=Lax cookie (Secure in production),
 * renewed on any page while the shopper is active and the session still exists in Redis.
 */
public class BrowserSession {

    public static final String COOKIE = "sf_session";

    @Inject
    StoreConfig config;

    @Inject
    JWTParser parser;

    @Inject
    Sessions sessions;

    @Inject
    Tokens tokens;

    public static NewCookie cookie(String token, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(token).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge((int) Sessions.IDLE_LIFETIME.toSeconds()).build();
    }

    public static NewCookie expired(boolean secure) {
        return new NewCookie.Builder(COOKIE).value("").path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
    }

    /** Past half its life, a page view swaps the cookie's token for a fresh one of the same session. */
    @ServerResponseFilter
    public void renew(ContainerResponseContext response, HttpServerRequest request) {
        Cookie cookie = request.getCookie(COOKIE);
        // renewal asks Redis, which must not block an event-loop thread (assets and other non-blocking routes)
        if (cookie == null || cookie.getValue().isEmpty() || io.vertx.core.Context.isOnEventLoopThread()
                || response.getHeaders().containsKey(HttpHeaders.SET_COOKIE)
                && response.getHeaders().get(HttpHeaders.SET_COOKIE).toString().contains(COOKIE + "=")) {
            return;
        }
        try {
            JsonWebToken token = parser.parse(cookie.getValue());
            Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(token.getExpirationTime()));
            // an API client's access token put in the cookie never renews: it ends with its 15 minutes
            if (Tokens.isBrowserToken(token) && left.compareTo(Tokens.BROWSER_LIFETIME.dividedBy(2)) < 0
                    && sessions.isActive(token.getClaim(Tokens.SESSION_CLAIM))) {
                response.getHeaders().add(HttpHeaders.SET_COOKIE,
                        cookie(tokens.renewed(token), config.secureCookies()));
            }
        } catch (ParseException e) {
            // expired or not ours: the shopper signs in again
        }
    }
}
