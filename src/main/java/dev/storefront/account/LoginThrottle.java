package dev.storefront.account;

import java.time.Duration;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;

import dev.storefront.web.StoreException;

/**
 * Throttles sign-in in Redis so that guessing is slow for an attacker and nobody else is locked out:
 * <ul>
 * <li>each attempt is counted <em>before</em> the password is checked (an atomic INCR), so parallel attempts
 * cannot all slip under a limit; a successful sign-in takes its attempt back;</li>
 * <li>one account from one address: 5 failures in 15 minutes, then that pair waits (the same account from
 * elsewhere is not locked);</li>
 * <li>one address, all accounts: 50 failures (an office or a carrier's NAT shares an address: one careless
 * user does not lock out the rest);</li>
 * <li>one account, all addresses: 50 failures, then only addresses that signed in to it before (within 30
 * days) may keep trying: a distributed guess slows down, the owner's usual places still get in.</li>
 * </ul>
 * Unknown accounts are throttled the same way, so the answers tell nobody which accounts exist.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int PER_PAIR = 5;
    static final int PER_ADDRESS = 50;
    static final int PER_ACCOUNT = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration KNOWN_FOR = Duration.ofDays(30);

    private final ValueCommands<String, Long> counters;
    private final RedisDataSource redis;

    @Inject
    LoginThrottle(RedisDataSource redis) {
        this.redis = redis;
        this.counters = redis.value(Long.class);
    }

    /** Counts this attempt and throws when the pair, the address or (from an unknown address) the account is spent. */
    public void attempt(String email, String clientAddress) {
        String account = normalised(email);
        long wait = 0;
        if (count(pairKey(account, clientAddress)) > PER_PAIR) {
            wait = Math.max(wait, waitFor(pairKey(account, clientAddress)));
        }
        if (count(addressKey(clientAddress)) > PER_ADDRESS) {
            wait = Math.max(wait, waitFor(addressKey(clientAddress)));
        }
        if (count(accountKey(account)) > PER_ACCOUNT && !known(account, clientAddress)) {
            wait = Math.max(wait, waitFor(accountKey(account)));
        }
        if (wait > 0) {
            throw new TooManyAttemptsException(wait);
        }
    }

    /** The right password: the pair and the account start afresh, the address takes its attempt back. */
    public void succeeded(String email, String clientAddress) {
        String account = normalised(email);
        redis.key().del(pairKey(account, clientAddress), accountKey(account));
        counters.decr(addressKey(clientAddress));
        redis.set(String.class).sadd(knownKey(account), clientAddress);
        redis.key().expire(knownKey(account), KNOWN_FOR);
    }

    private boolean known(String account, String clientAddress) {
        return redis.set(String.class).sismember(knownKey(account), clientAddress);
    }

    private long waitFor(String key) {
        long ttl = redis.key().ttl(key);
        return ttl > 0 ? ttl : WINDOW.toSeconds();
    }

    private long count(String key) {
        long attempts = counters.incr(key);
        if (attempts == 1) {
            redis.key().expire(key, WINDOW);
        }
        return attempts;
    }

    private static String normalised(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String pairKey(String account, String clientAddress) {
        return "login-failures:pair:" + account + "|" + clientAddress;
    }

    private static String accountKey(String account) {
        return "login-failures:account:" + account;
    }

    private static String addressKey(String clientAddress) {
        return "login-failures:address:" + clientAddress;
    }

    private static String knownKey(String account) {
        return "login-known:" + account;
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
