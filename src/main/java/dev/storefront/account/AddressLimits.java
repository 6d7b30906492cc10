package dev.storefront.account;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.redis.datasource.RedisDataSource;

import dev.storefront.config.StoreConfig;
import dev.storefront.web.StoreException;

/**
 * How often one client address may ask for new accounts and for reset links, counted in Redis: a script
 * can neither mint accounts by the thousand nor flood inboxes with reset mail from one place.
 */
@ApplicationScoped
public class AddressLimits {

    static final Duration REGISTRATION_WINDOW = Duration.ofHours(1);

    @Inject
    RedisDataSource redis;

    @Inject
    StoreConfig config;

    /** Counts a registration; throws (429) beyond the address's hourly allowance. */
    public void registration(String clientAddress) {
        String key = "limits:registrations:" + clientAddress;
        if (spend(key, REGISTRATION_WINDOW) > config.accounts().registrationsPerAddressPerHour()) {
            long ttl = redis.key().ttl(key);
            throw new TooManyRegistrationsException(ttl > 0 ? ttl : REGISTRATION_WINDOW.toSeconds());
        }
    }

    /** Counts a reset request; false beyond the address's allowance (the caller then sends nothing). */
    public boolean resetRequest(String clientAddress) {
        return spend("limits:reset-requests:" + clientAddress, LoginThrottle.WINDOW)
                <= config.accounts().resetRequestsPerAddress();
    }

    private long spend(String key, Duration window) {
        long used = redis.value(Long.class).incr(key);
        if (used == 1) {
            redis.key().expire(key, window);
        }
        return used;
    }

    /** Answered with 429 and Retry-After. */
    public static class TooManyRegistrationsException extends StoreException {
        private final long retryAfterSeconds;

        TooManyRegistrationsException(long retryAfterSeconds) {
            super(429, "Too many new accounts from your network; try again in "
                    + Math.max(1, (retryAfterSeconds + 59) / 60) + " minutes");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
