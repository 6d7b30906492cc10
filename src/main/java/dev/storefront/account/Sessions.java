package dev.storefront.account;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.set.SetCommands;

import dev.storefront.web.SecureTokens;

/**
 * The session store, in Redis. A session is what a sign-in opens; its id travels in the {@code sid}
 * claim of every JWT issued for it, and a token is honoured only while its session exists, so that
 * logout, a password change or "sign out everywhere" ends it at once on every instance. API clients
 * also get refresh tokens, single use: presenting a used one ends the whole session (token family).
 */
@ApplicationScoped
public class Sessions {

    /** How long a session lives without being used. */
    public static final Duration IDLE_LIFETIME = Duration.ofDays(30);

    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;
    private final SetCommands<String, String> sets;

    @Inject
    Sessions(RedisDataSource redis) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
        this.sets = redis.set(String.class);
    }

    /** A session's owner, as the check on each request needs it. */
    public record Session(String id, long userId) {
    }

    /** A new refresh token and the session it belongs to. */
    public record Refreshed(Session session, String refreshToken) {
    }

    public Session open(long userId) {
        String id = SecureTokens.newToken();
        hashes.hset(sessionKey(id), Map.of("user", Long.toString(userId)));
        redis.key().expire(sessionKey(id), IDLE_LIFETIME);
        sets.sadd(userKey(userId), id);
        redis.key().expire(userKey(userId), IDLE_LIFETIME);
        return new Session(id, userId);
    }

    public boolean isActive(String sessionId) {
        return sessionId != null && redis.key().exists(sessionKey(sessionId));
    }

    public void revoke(String sessionId) {
        String user = hashes.hget(sessionKey(sessionId), "user");
        redis.key().del(sessionKey(sessionId));
        if (user != null) {
            sets.srem(userKey(Long.parseLong(user)), sessionId);
        }
    }

    /** Ends every session of the user, on every device. */
    public void revokeAll(long userId) {
        for (String sessionId : sets.smembers(userKey(userId))) {
            redis.key().del(sessionKey(sessionId));
        }
        redis.key().del(userKey(userId));
    }

    /** A refresh token for the session; only its hash is stored. */
    public String issueRefreshToken(Session session) {
        String token = SecureTokens.newToken();
        String key = refreshKey(token);
        hashes.hset(key, Map.of("session", session.id(), "user", Long.toString(session.userId()), "uses", "0"));
        redis.key().expire(key, IDLE_LIFETIME);
        redis.key().expire(sessionKey(session.id()), IDLE_LIFETIME);
        return token;
    }

    /**
     * Trades a refresh token for a new one of the same session. Empty when the token is unknown, its
     * session has ended, or it was used before, in which case the session ends too: a stolen token
     * replayed after its owner refreshed (or the other way round) shuts out both.
     */
    public Optional<Refreshed> rotate(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
            return Optional.empty();
        }
        String key = refreshKey(refreshToken);
        Map<String, String> fields = hashes.hgetall(key);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        String sessionId = fields.get("session");
        // HINCRBY is atomic: of two concurrent uses, exactly one sees 1
        if (hashes.hincrby(key, "uses", 1) != 1) {
            revoke(sessionId);
            return Optional.empty();
        }
        if (!isActive(sessionId)) {
            return Optional.empty();
        }
        Session session = new Session(sessionId, Long.parseLong(fields.get("user")));
        return Optional.of(new Refreshed(session, issueRefreshToken(session)));
    }


    private static String sessionKey(String id) {
        return "session:" + id;
    }

    private static String userKey(long userId) {
        return "user-sessions:" + userId;
    }

    private static String refreshKey(String token) {
        return "refresh:" + SecureTokens.sha256Hex(token);
    }
}
