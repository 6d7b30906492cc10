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

    public String accessToken(User user, Sessions.Session session) {
        return accessToken(user, session, ACCESS_LIFETIME);
    }

    public String accessToken(User user, Sessions.Session session, Duration lifetime) {
        return sign(Long.toString(user.id), user.email, roles(user), session.id(), lifetime);
    }

    /** The same claims with a fresh expiry, for a session that is still active. */
    public String renewed(JsonWebToken token, Duration lifetime) {
        return sign(token.getSubject(), token.getName(), token.getGroups(), token.getClaim(SESSION_CLAIM), lifetime);
    }

    private static String sign(String subject, String email, Set<String> roles, String sessionId, Duration lifetime) {
        return Jwt.subject(subject).upn(email).groups(roles).claim(SESSION_CLAIM, sessionId).expiresIn(lifetime).sign();
    }

    static Set<String> roles(User user) {
        return Arrays.stream(user.roles.split(",")).map(String::strip).filter(r -> !r.isEmpty())
                .collect(Collectors.toSet());
    }
}
