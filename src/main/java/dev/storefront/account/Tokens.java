package dev.storefront.account;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.jwt.build.Jwt;

/** Issues the store's JWTs: who the user is, their roles (groups) and their session (sid). */
@ApplicationScoped
public class Tokens {

    /** Access tokens for API clients, and the browser's session cookie, live this long. */
    public static final Duration ACCESS_LIFETIME = Duration.ofMinutes(15);
    public static final String SESSION_CLAIM = "sid";

    public String accessToken(User user, Sessions.Session session) {
        return Jwt.subject(Long.toString(user.id))
                .upn(user.email)
                .groups(roles(user))
                .claim(SESSION_CLAIM, session.id())
                .expiresIn(ACCESS_LIFETIME)
                .sign();
    }

    static Set<String> roles(User user) {
        return Arrays.stream(user.roles.split(",")).map(String::strip).filter(r -> !r.isEmpty())
                .collect(Collectors.toSet());
    }
}
