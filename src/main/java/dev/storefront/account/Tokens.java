package dev.storefront.account;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.build.Jwt;

/** Issues the store's JWTs: who the user is, their roles (groups) and their session (sid). */
@ApplicationScoped
public class Tokens {

    /** Access tokens for API clients, and the browser's session cookie, live this long. */
    public static final Duration ACCESS_LIFETIME = Duration.ofMinutes(15);
    /** The browser's session cookie holds a token this long, renewed while the shopper is active. */
    public static final Duration BROWSER_LIFETIME = Duration.ofMinutes(30);
    public static final String SESSION_CLAIM = "sid";
    /** What a token is for: {@link #BROWSER} (the session cookie, renewed while in use) or {@link #API}. */
    public static final String USE_CLAIM = "use";
    public static final String BROWSER = "browser";
    public static final String API = "api";

    /** An API client's access token: 15 minutes, then the refresh token. */
    public String accessToken(User user, Sessions.Session session) {
        return sign(Long.toString(user.id), user.email, roles(user), session.id(), API, ACCESS_LIFETIME);
    }

    /** The browser's session cookie token: 30 minutes, renewed by page views while the session is active. */
    public String browserToken(User user, Sessions.Session session) {
        return sign(Long.toString(user.id), user.email, roles(user), session.id(), BROWSER, BROWSER_LIFETIME);
    }

    /** Whether this token is a browser session's (only those renew through the cookie). */
    public static boolean isBrowserToken(JsonWebToken token) {
        return BROWSER.equals(token.getClaim(USE_CLAIM));
    }

    /** The same claims with a fresh expiry, for a browser session that is still active. */
    public String renewed(JsonWebToken token) {
        return sign(token.getSubject(), token.getName(), token.getGroups(), token.getClaim(SESSION_CLAIM), BROWSER,
                BROWSER_LIFETIME);
    }

    private static String sign(String subject, String email, Set<String> roles, String sessionId, String use,
            Duration lifetime) {
        return Jwt.subject(subject).upn(email).groups(roles).claim(SESSION_CLAIM, sessionId).claim(USE_CLAIM, use)
                .expiresIn(lifetime).sign();
    }

    static Set<String> roles(User user) {
        return Arrays.stream(user.roles.split(",")).map(String::strip).filter(r -> !r.isEmpty())
                .collect(Collectors.toSet());
    }
}
