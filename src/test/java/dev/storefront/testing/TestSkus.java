package dev.storefront.testing;

import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storefront.order.Order;

/**
 * SKUs of the demo catalog for tests that change stock: each call hands out another active, in-stock
 * variant (from the end of the catalog, away from the SKUs older tests pick by offset), so tests never
 * share a SKU and need not guess which one is free.
 */
public final class TestSkus {

    /** A SKU and its stock when it was handed out. */
    public record Sku(long variantId, String sku, int onHand, int reserved) {

        public int available() {
            return onHand - reserved;
        }
    }

    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestSkus() {
    }

    /** A SKU no other test got from here, with at least {@code available} units free. */
    public static Sku withStock(int available) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) Order.getEntityManager().createNativeQuery("""
                    select v.id, v.sku, s.on_hand, s.reserved from variants v join stock_levels s on s.variant_id = v.id
                    join products p on p.id = v.product_id
                    where v.active and p.active and s.on_hand - s.reserved >= ?1 and v.price_amount < 100000
                    order by v.id desc limit 1 offset ?2""").setParameter(1, Math.max(available, 1))
                    .setParameter(2, NEXT.getAndIncrement()).getSingleResult();
            return new Sku(((Number) row[0]).longValue(), (String) row[1], ((Number) row[2]).intValue(),
                    ((Number) row[3]).intValue());
        });
    }

    /** The SKU's stock now. */
    public static Sku now(Sku sku) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) Order.getEntityManager().createNativeQuery(
                    "select on_hand, reserved from stock_levels where variant_id = ?1")
                    .setParameter(1, sku.variantId()).getSingleResult();
            return new Sku(sku.variantId(), sku.sku(), ((Number) row[0]).intValue(), ((Number) row[1]).intValue());
        });
    }
}
