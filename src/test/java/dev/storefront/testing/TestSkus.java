package dev.storefront.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storefront.order.Order;

/**
 * SKUs of the demo catalog for tests that change stock, prices or switch things off: each call hands out
 * a variant no other test got from here (whatever stock changes meanwhile), so tests never share a SKU,
 * need not guess which one is free, and carve the catalog by no offsets of their own. What a test switches
 * off through {@link #switchedOff} is switched back on when it closes.
 */
public final class TestSkus {

    /** A SKU, its product's page, and its stock when it was handed out. */
    public record Sku(long variantId, String sku, String productSlug, int onHand, int reserved) {

        public int available() {
            return onHand - reserved;
        }
    }

    /** A variant switched off for the length of a test; closing switches it back on. */
    public interface SwitchedOff extends AutoCloseable {
        String sku();

        @Override
        void close();
    }

    private static final Set<Long> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private TestSkus() {
    }

    /** An active, in-stock SKU with at least {@code available} units free (and a price under $1,000). */
    public static Sku withStock(int available) {
        return take("s.on_hand - s.reserved >= " + Math.max(available, 1) + " and v.price_amount < 100000");
    }

    /** An active SKU with nothing reserved, for tests that set or adjust its stock outright. */
    public static Sku unreserved() {
        return take("s.reserved = 0");
    }

    /** The first variant of an active product (the one its page preselects) with this much free. */
    public static Sku firstVariantWithStock(int available) {
        return take("v.position = 0 and s.on_hand - s.reserved >= " + Math.max(available, 1));
    }

    /** A SKU switched off (not sold) until the returned handle is closed. */
    public static SwitchedOff switchedOff() {
        Sku sku = take("true");
        setActive(sku, false);
        return new SwitchedOff() {
            @Override
            public String sku() {
                return sku.sku();
            }

            @Override
            public void close() {
                setActive(sku, true);
            }
        };
    }

    /** The SKU's stock now. */
    public static Sku now(Sku sku) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) Order.getEntityManager().createNativeQuery(
                    "select on_hand, reserved from stock_levels where variant_id = ?1")
                    .setParameter(1, sku.variantId()).getSingleResult();
            return new Sku(sku.variantId(), sku.sku(), sku.productSlug(), ((Number) row[0]).intValue(),
                    ((Number) row[1]).intValue());
        });
    }

    private static synchronized Sku take(String condition) {
        String taken = java.util.stream.Stream.concat(java.util.stream.Stream.of(-1L), HANDED_OUT.stream())
                .map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
        Sku sku = QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) Order.getEntityManager().createNativeQuery("""
                    select v.id, v.sku, p.slug, s.on_hand, s.reserved from variants v
                    join stock_levels s on s.variant_id = v.id join products p on p.id = v.product_id
                    where v.active and p.active and %s and v.id not in %s
                    order by v.id desc limit 1""".formatted(condition, taken)).getSingleResult();
            return new Sku(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                    ((Number) row[3]).intValue(), ((Number) row[4]).intValue());
        });
        HANDED_OUT.add(sku.variantId());
        return sku;
    }

    private static void setActive(Sku sku, boolean active) {
        QuarkusTransaction.requiringNew().run(() -> Order.getEntityManager()
                .createNativeQuery("update variants set active = ?1 where id = ?2").setParameter(1, active)
                .setParameter(2, sku.variantId()).executeUpdate());
    }
}
