package dev.storefront.checkout;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.storefront.config.StoreConfig;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.StoreException;

/**
 * How much stock one client may hold in unpaid orders: at most so many orders and units per shopper
 * (their account, or their email as a guest) and per client address, so that a script making checkouts
 * with fresh carts cannot take a product off the shelf for everyone else. Checkouts of the same cart,
 * shopper or address wait for one another (transaction-scoped advisory locks), so the caps hold under
 * concurrency too.
 */
@ApplicationScoped
public class ReservationCaps {

    /** 429: the client holds as much as it may; says what and until when. */
    public static class CapReachedException extends StoreException {
        private final long retryAfterSeconds;

        CapReachedException(String message, Instant freedAt) {
            super(429, message);
            this.retryAfterSeconds = Math.max(1, Duration.between(Instant.now(), freedAt).toSeconds());
        }

        @Override
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    StoreConfig config;

    /**
     * Makes concurrent checkouts of the same cart, shopper or address take turns until the caller's
     * transaction ends (locks taken in one order, so never in a circle).
     */
    void lock(ValidatedCheckout checkout, String clientAddress) {
        TreeSet<String> keys = new TreeSet<>();
        keys.add("cart:" + checkout.cartId());
        keys.add("shopper:" + checkout.email().toLowerCase(Locale.ROOT));
        if (checkout.userId() != null) {
            keys.add("user:" + checkout.userId());
        }
        keys.add("address:" + clientAddress);
        for (String key : keys) {
            entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                    .setParameter(1, key).getSingleResult();
        }
    }

    /** Throws {@link CapReachedException} if this checkout would take the shopper or the address over a cap. */
    void check(ValidatedCheckout checkout, String clientAddress) {
        StoreConfig.Checkout caps = config.checkout();
        long mostInOneOrder = Math.min(caps.maxReservedUnits(), caps.maxReservedUnitsPerAddress());
        if (checkout.units() > mostInOneOrder) {
            // no wait makes this fit: say so, without a Retry-After
            throw InvalidInputException.of("cartId", "the cart holds " + checkout.units() + " items; one order may "
                    + "hold at most " + mostInOneOrder + ". Order fewer, or split them over several orders.");
        }
        Held shopper = held("(o.user_id = ?1 or lower(o.email) = ?2)",
                checkout.userId() == null ? -1L : checkout.userId(), checkout.email().toLowerCase(Locale.ROOT));
        if (shopper.orders() + 1 > caps.maxPendingOrders()) {
            throw new CapReachedException("You already have " + shopper.orders() + " orders waiting for payment, "
                    + "the most one shopper may have. Pay for one of them (the link is in its page) or wait until "
                    + "its reservation ends.", shopper.firstFreed());
        }
        if (shopper.units() + checkout.units() > caps.maxReservedUnits()) {
            throw new CapReachedException("Your unpaid orders already hold " + shopper.units() + " items; with these "
                    + checkout.units() + " they would pass the " + caps.maxReservedUnits()
                    + " one shopper may hold. Pay for an order first, or order fewer.", shopper.firstFreed());
        }
        Held address = held("o.client_address = ?1", clientAddress);
        if (address.orders() + 1 > caps.maxPendingOrdersPerAddress()
                || address.units() + checkout.units() > caps.maxReservedUnitsPerAddress()) {
            throw new CapReachedException("Too many unpaid orders come from your network right now. "
                    + "Pay for an order first, or try again later.", address.firstFreed());
        }
    }

    private record Held(long orders, long units, Instant firstFreed) {
    }

    /** Unpaid orders matching {@code who} (SQL over {@code o}, with ?1, ?2… for {@code parameters}). */
    private Held held(String who, Object... parameters) {
        var query = entityManager.createNativeQuery("""
                select count(distinct o.id), coalesce(sum(l.quantity), 0),
                    cast(extract(epoch from min(o.reserved_until)) as bigint)
                from orders o join order_lines l on l.order_id = o.id
                where o.status = 'PENDING_PAYMENT' and\s""" + who);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        Object[] row = (Object[]) query.getSingleResult();
        Instant firstFreed = row[2] == null ? Instant.now() : Instant.ofEpochSecond(((Number) row[2]).longValue());
        return new Held(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), firstFreed);
    }
}
