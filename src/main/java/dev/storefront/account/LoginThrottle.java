package dev.storefront.account;

import java.time.Duration;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;

import dev.storefront.web.StoreException;

/**
 * Counts failed sign-ins in Redis per account and per client address. After 5 failures within 15
 * minutes further attempts are refused until the window runs out, whether or not the account exists.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final ValueCommands<String, Long> counters;
    private final RedisDataSource redis;

    @Inject
    LoginThrottle(RedisDataSource redis) {
        this.redis = redis;
        this.counters = redis.value(Long.class);
    }

    /** Throws when the account or the address has used up its attempts. */
    public void check(String email, String clientAddress) {
        long wait = Math.max(blockedFor(accountKey(email)), blockedFor(addressKey(clientAddress)));
        if (wait > 0) {
            throw new TooManyAttemptsException(wait);
        }
    }

    public void failed(String email, String clientAddress) {
        count(accountKey(email));
        count(addressKey(clientAddress));
    }

    /** A successful sign-in clears the account's count (the address keeps its own). */
    public void succeeded(String email) {
        redis.key().del(accountKey(email));
    }

    private long blockedFor(String key) {
        Long failures = counters.get(key);
        if (failures == null || failures < MAX_FAILURES) {
            return 0;
        }
        long ttl = redis.key().ttl(key);
        return ttl > 0 ? ttl : WINDOW.toSeconds();
    }

    private void count(String key) {
        long failures = counters.incr(key);
        if (failures == 1) {
            redis.key().expire(key, WINDOW);
        }
    }

    private static String accountKey(String email) {
        return "login-failures:account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String clientAddress) {
        return "login-failures:address:" + clientAddress;
    }

    /** Answered with 429 and Retry-After. */
    public static class TooManyAttemptsException extends StoreException {
        private final long retryAfterSeconds;

        TooManyAttemptsException(long retryAfterSeconds) {
            super(429, "Too many sign-in attempts; try again in " + Math.max(1, (retryAfterSeconds + 59) / 60)
                    + " minutes");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
