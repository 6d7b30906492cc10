package dev.storefront.cart;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.runtime.BlockingOperationNotAllowedException;

/**
 * The Redis side of the cart store: snapshots under {@code cart:<id>}, written only when newer than
 * what Redis holds. Redis is a cache here: any failure is logged (at most once a minute) and treated
 * as a miss, and when Redis comes back after an outage every cart snapshot is dropped, since carts
 * may have changed in PostgreSQL meanwhile.
 */
@ApplicationScoped
public class CartCache {

    private static final Logger LOG = Logger.getLogger(CartCache.class);
    private static final String PREFIX = "cart:";
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);
    /** Sets the snapshot unless Redis holds a newer version of the cart. */
    private static final String PUT_IF_NEWER = """
            local current = redis.call('GET', KEYS[1])
            if current then
              local held = cjson.decode(current).version
              if held and held > tonumber(ARGV[2]) then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
            return 1""";

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    private final AtomicBoolean missedWrites = new AtomicBoolean();
    private final AtomicBoolean reachable = new AtomicBoolean(true);
    private final AtomicLong lastWarning = new AtomicLong();

    public Optional<CartSnapshot> get(String cartId) {
        try {
            recoverIfNeeded();
            String value = redis.value(String.class).get(PREFIX + cartId);
            reachable.set(true);
            return value == null ? Optional.empty() : Optional.of(json.readValue(value, CartSnapshot.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        } catch (BlockingOperationNotAllowedException e) {
            throw e;
        } catch (RuntimeException e) {
            failed("read", e);
            return Optional.empty();
        }
    }

    public void put(CartSnapshot cart, Duration lifetime) {
        try {
            recoverIfNeeded();
            redis.execute("EVAL", PUT_IF_NEWER, "1", PREFIX + cart.id(), json.writeValueAsString(cart),
                    Long.toString(cart.version()), Long.toString(lifetime.toSeconds()));
            reachable.set(true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cart always serialises", e);
        } catch (BlockingOperationNotAllowedException e) {
            throw e;
        } catch (RuntimeException e) {
            missedWrites.set(true);
            failed("write", e);
        }
    }

    public void evict(String cartId) {
        try {
            redis.key().del(PREFIX + cartId);
        } catch (BlockingOperationNotAllowedException e) {
            throw e;
        } catch (RuntimeException e) {
            missedWrites.set(true);
            failed("evict", e);
        }
    }

    /** False while the last call to Redis failed: carts are served from PostgreSQL alone. */
    public boolean reachable() {
        return reachable.get();
    }

    /** Tries Redis now, for the health check. */
    public boolean ping() {
        try {
            redis.execute("PING");
            reachable.set(true);
            return true;
        } catch (RuntimeException e) {
            failed("ping", e);
            return false;
        }
    }

    /** After writes were missed, snapshots in Redis may be older than PostgreSQL: drop them all. */
    private void recoverIfNeeded() {
        if (missedWrites.compareAndSet(true, false)) {
            try {
                var keys = redis.key().scan(new KeyScanArgs().match(PREFIX + "*").count(1000));
                while (keys.hasNext()) {
                    for (String key : keys.next()) {
                        redis.key().unlink(key);
                    }
                }
                LOG.info("Redis is back: cart snapshots dropped, they refill from PostgreSQL");
            } catch (RuntimeException e) {
                missedWrites.set(true);
                throw e;
            }
        }
    }

    private void failed(String what, RuntimeException e) {
        reachable.set(false);
        long now = System.nanoTime();
        long last = lastWarning.get();
        if ((last == 0 || now - last > WARN_EVERY.toNanos()) && lastWarning.compareAndSet(last, now)) {
            LOG.warnf("Redis unreachable (cart %s failed: %s); serving carts from PostgreSQL", what, e.getMessage());
        }
    }
}
