package dev.storefront.cart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storefront.config.StoreConfig;
import dev.storefront.web.SecureTokens;
import dev.storefront.web.StoreException;

/**
 * Where carts live. PostgreSQL holds the durable copy and every change is committed there before it
 * is acknowledged; Redis ({@link CartCache}) serves reads and is refilled from PostgreSQL after a
 * miss, a flush or an outage. Changes to one cart are serialised by a row lock, so concurrent adds
 * (two tabs, double clicks) never lose an update.
 */
@ApplicationScoped
public class CartStore {

    public static final int MAX_QUANTITY = 99;
    public static final int MAX_LINES = 100;

    @Inject
    DataSource dataSource;

    @Inject
    CartCache cache;

    private final Duration lifetime;
    /** Time spent per change in each store, so the cost of the durable copy is visible (/q/metrics). */
    private final Timer postgresWrites;
    private final Timer redisWrites;

    @Inject
    CartStore(StoreConfig config, MeterRegistry metrics) {
        this.lifetime = config.cart().lifetime();
        this.postgresWrites = writeTimer(metrics, "postgresql");
        this.redisWrites = writeTimer(metrics, "redis");
    }

    private static Timer writeTimer(MeterRegistry metrics, String store) {
        return Timer.builder("storefront.cart.write").description("Time to store one cart change")
                .tag("store", store).publishPercentiles(0.5, 0.99).register(metrics);
    }

    /** A cart change that breaks a limit; nothing was changed. */
    public static class LimitException extends RuntimeException {
        private final String field;

        LimitException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public CartSnapshot create(Long userId) {
        String id = SecureTokens.newToken();
        QuarkusTransaction.requiringNew().run(() -> update("""
                insert into carts (id, user_id, expires_at) values (?, ?, ?)""", statement -> {
            statement.setString(1, id);
            if (userId == null) {
                statement.setNull(2, java.sql.Types.BIGINT);
            } else {
                statement.setLong(2, userId);
            }
            statement.setTimestamp(3, Timestamp.from(Instant.now().plus(lifetime)));
        }));
        CartSnapshot cart = new CartSnapshot(id, userId, 0, List.of());
        cache.put(cart, lifetime);
        return cart;
    }

    /** The cart, from Redis when it has it, else from PostgreSQL (and then put back into Redis). */
    public Optional<CartSnapshot> find(String id) {
        if (!isWellFormed(id)) {
            return Optional.empty();
        }
        Optional<CartSnapshot> cached = cache.get(id);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<CartSnapshot> stored = QuarkusTransaction.requiringNew().call(() -> load(id, false));
        stored.ifPresent(cart -> cache.put(cart, lifetime));
        return stored;
    }

    public Optional<String> findIdOfUser(long userId) {
        return QuarkusTransaction.requiringNew().call(() -> query(
                "select id from carts where user_id = ? and expires_at > now()",
                statement -> statement.setLong(1, userId), rows -> rows.next() ? rows.getString(1) : null))
                .map(String.class::cast);
    }

    /** Adds to a line (creating it), within the limits: 1 to 99 per line, 100 lines. */
    public CartSnapshot add(String id, String sku, int quantity, long unitPriceAmount, String currency) {
        return change(id, cart -> {
            int current = cart.line(sku).map(CartLine::quantity).orElse(0);
            if (current + quantity > MAX_QUANTITY) {
                throw new LimitException("quantity", "at most " + MAX_QUANTITY + " of one item per cart (the cart"
                        + " has " + current + ")");
            }
            if (current == 0 && cart.lines().size() >= MAX_LINES) {
                throw new LimitException("sku", "a cart holds at most " + MAX_LINES + " different items");
            }
            update("""
                    insert into cart_lines (cart_id, sku, quantity, unit_price_amount, currency)
                    values (?, ?, ?, ?, ?)
                    on conflict (cart_id, sku) do update set quantity = cart_lines.quantity + excluded.quantity""",
                    statement -> {
                        statement.setString(1, id);
                        statement.setString(2, sku);
                        statement.setInt(3, quantity);
                        statement.setLong(4, unitPriceAmount);
                        statement.setString(5, currency);
                    });
        });
    }

    /** Sets a line's quantity; false when the cart has no such line. */
    public Optional<CartSnapshot> setQuantity(String id, String sku, int quantity) {
        return changeLine(id, sku, () -> update("update cart_lines set quantity = ? where cart_id = ? and sku = ?",
                statement -> {
                    statement.setInt(1, quantity);
                    statement.setString(2, id);
                    statement.setString(3, sku);
                }));
    }

    public Optional<CartSnapshot> remove(String id, String sku) {
        return changeLine(id, sku, () -> update("delete from cart_lines where cart_id = ? and sku = ?",
                statement -> {
                    statement.setString(1, id);
                    statement.setString(2, sku);
                }));
    }

    public CartSnapshot clear(String id) {
        return change(id, cart -> update("delete from cart_lines where cart_id = ?",
                statement -> statement.setString(1, id)));
    }

    /**
     * Moves a guest cart's lines into the account's cart (quantities added, each capped by
     * {@code cap}) and deletes the guest cart, in one transaction.
     */
    public CartSnapshot merge(String guestId, String accountCartId, Function<CartLine, Integer> cap) {
        CartSnapshot merged = QuarkusTransaction.requiringNew().call(() -> {
            CartSnapshot guest = load(guestId, true).orElse(null);
            CartSnapshot target = load(accountCartId, true).orElseThrow(() -> new CartNotFoundException(accountCartId));
            if (guest != null) {
                for (CartLine line : guest.lines()) {
                    int already = target.line(line.sku()).map(CartLine::quantity).orElse(0);
                    int wanted = Math.min(MAX_QUANTITY, Math.min(already + line.quantity(), cap.apply(line)));
                    if (wanted <= already || already == 0 && target.lines().size() >= MAX_LINES) {
                        continue;
                    }
                    update("""
                            insert into cart_lines (cart_id, sku, quantity, unit_price_amount, currency, added_at)
                            values (?, ?, ?, ?, ?, ?)
                            on conflict (cart_id, sku) do update set quantity = excluded.quantity""", statement -> {
                        statement.setString(1, accountCartId);
                        statement.setString(2, line.sku());
                        statement.setInt(3, wanted);
                        statement.setLong(4, line.unitPriceAmount());
                        statement.setString(5, line.currency());
                        statement.setTimestamp(6, Timestamp.from(line.addedAt()));
                    });
                }
                update("delete from carts where id = ?", statement -> statement.setString(1, guestId));
            }
            touch(accountCartId);
            return load(accountCartId, false).orElseThrow();
        });
        cache.evict(guestId);
        cache.put(merged, lifetime);
        return merged;
    }

    /** Makes a guest cart the account's own (when the account has none yet). */
    public void assignToUser(String id, long userId) {
        QuarkusTransaction.requiringNew().run(() -> {
            update("update carts set user_id = ? where id = ? and user_id is null", statement -> {
                statement.setLong(1, userId);
                statement.setString(2, id);
            });
            touch(id);
        });
        cache.put(QuarkusTransaction.requiringNew().call(() -> load(id, false)).orElseThrow(), lifetime);
    }

    /** Deletes carts nobody touched within their lifetime; Redis lets their snapshots expire by itself. */
    @Transactional
    public int deleteExpired() {
        return update("delete from carts where expires_at < now()", statement -> { });
    }

    public Duration lifetime() {
        return lifetime;
    }

    public static boolean isWellFormed(String id) {
        return SecureTokens.looksLikeToken(id);
    }

    private Optional<CartSnapshot> changeLine(String id, String sku, Runnable write) {
        boolean[] found = { false };
        CartSnapshot cart = change(id, current -> {
            found[0] = current.line(sku).isPresent();
            if (found[0]) {
                write.run();
            }
        });
        return found[0] ? Optional.of(cart) : Optional.empty();
    }

    /** Locks the cart row, applies the change, bumps the version; then refreshes Redis. */
    private CartSnapshot change(String id, java.util.function.Consumer<CartSnapshot> write) {
        if (!isWellFormed(id)) {
            throw new CartNotFoundException(id);
        }
        CartSnapshot changed = postgresWrites.record(() -> QuarkusTransaction.requiringNew().call(() -> {
            CartSnapshot current = load(id, true).orElseThrow(() -> new CartNotFoundException(id));
            write.accept(current);
            touch(id);
            return load(id, false).orElseThrow();
        }));
        redisWrites.record(() -> cache.put(changed, lifetime));
        return changed;
    }

    private void touch(String id) {
        update("update carts set version = version + 1, updated_at = now(), expires_at = ? where id = ?",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(Instant.now().plus(lifetime)));
                    statement.setString(2, id);
                });
    }

    private Optional<CartSnapshot> load(String id, boolean lock) {
        Object[] header = (Object[]) query("select user_id, version from carts where id = ? and expires_at > now()"
                + (lock ? " for update" : ""), statement -> statement.setString(1, id),
                rows -> rows.next() ? new Object[] { rows.getObject(1), rows.getLong(2) } : null).orElse(null);
        if (header == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<CartLine> lines = (List<CartLine>) query("""
                select sku, quantity, unit_price_amount, currency, added_at from cart_lines
                where cart_id = ? order by added_at, sku""", statement -> statement.setString(1, id), rows -> {
            List<CartLine> found = new ArrayList<>();
            while (rows.next()) {
                found.add(new CartLine(rows.getString(1), rows.getInt(2), rows.getLong(3), rows.getString(4),
                        rows.getTimestamp(5).toInstant()));
            }
            return found;
        }).orElseThrow();
        Long userId = header[0] == null ? null : ((Number) header[0]).longValue();
        return Optional.of(new CartSnapshot(id, userId, (Long) header[1], List.copyOf(lines)));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Reader {
        Object read(ResultSet rows) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cart update failed: " + e.getMessage(), e);
        }
    }

    private Optional<Object> query(String sql, Binder binder, Reader reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                return Optional.ofNullable(reader.read(rows));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cart query failed: " + e.getMessage(), e);
        }
    }

    /** No cart with this id (never was, expired, or merged away): 404. */
    public static class CartNotFoundException extends StoreException {
        public CartNotFoundException(String id) {
            super(404, "No cart " + (isWellFormed(id) ? id.substring(0, 6) + "…" : "with this id"));
        }
    }
}
