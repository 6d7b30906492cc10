package dev.storefront.inventory;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.storefront.order.Order;
import dev.storefront.order.OrderLine;

/**
 * Stage 2, reserve, and what becomes of a reservation. Each change is one conditional UPDATE of the
 * stock row, so that PostgreSQL itself refuses to reserve what is not there: under any number of
 * concurrent checkouts, reserved never exceeds on hand and on hand never goes negative. Rows are
 * updated in variant order, so two checkouts never wait on each other in a circle.
 */
@ApplicationScoped
public class StockReservation {

    @Inject
    EntityManager entityManager;

    @Inject
    InventoryService inventory;

    /** Units of one variant to reserve. */
    public interface Line {
        long variantId();

        String sku();

        int quantity();
    }

    /** Reserves every line or throws; the caller's transaction then rolls back what was reserved. */
    public void reserve(List<? extends Line> lines) {
        for (Line line : lines.stream().sorted(Comparator.comparingLong(Line::variantId)).toList()) {
            int updated = entityManager.createNativeQuery("""
                    update stock_levels set reserved = reserved + ?1, version = version + 1, updated_at = now()
                    where variant_id = ?2 and on_hand - reserved >= ?1""")
                    .setParameter(1, line.quantity()).setParameter(2, line.variantId()).executeUpdate();
            if (updated == 0) {
                throw new InsufficientStockException(line.sku());
            }
        }
    }

    /** Gives an unpaid order's stock back. */
    public void release(Order order) {
        for (OrderLine line : sorted(order)) {
            entityManager.createNativeQuery("""
                    update stock_levels set reserved = reserved - ?1, version = version + 1, updated_at = now()
                    where variant_id = ?2 and reserved >= ?1""")
                    .setParameter(1, line.quantity).setParameter(2, line.variantId).executeUpdate();
        }
    }

    /** Turns a paid order's reservation into a sale: on hand and reserved go down, a movement is recorded. */
    public void sell(Order order) {
        for (OrderLine line : sorted(order)) {
            List<?> rows = entityManager.createNativeQuery("""
                    update stock_levels set on_hand = on_hand - ?1, reserved = reserved - ?1,
                        version = version + 1, updated_at = now()
                    where variant_id = ?2 and reserved >= ?1 and on_hand >= ?1
                    returning on_hand""")
                    .setParameter(1, line.quantity).setParameter(2, line.variantId).getResultList();
            if (rows.isEmpty()) {
                throw new IllegalStateException("order " + order.number + " holds no reservation of " + line.sku);
            }
            inventory.record(line.variantId, -line.quantity, MovementReason.SALE, "", order.id, "checkout",
                    ((Number) rows.get(0)).intValue());
        }
    }

    /** Puts a paid, unshipped order's goods back on the shelf when it is cancelled. */
    public void restock(Order order, String actor) {
        for (OrderLine line : sorted(order)) {
            List<?> rows = entityManager.createNativeQuery("""
                    update stock_levels set on_hand = on_hand + ?1, version = version + 1, updated_at = now()
                    where variant_id = ?2 returning on_hand""")
                    .setParameter(1, line.quantity).setParameter(2, line.variantId).getResultList();
            if (!rows.isEmpty()) {
                inventory.record(line.variantId, line.quantity, MovementReason.ORDER_CANCELLED, "", order.id, actor,
                        ((Number) rows.get(0)).intValue());
            }
        }
    }

    private static List<OrderLine> sorted(Order order) {
        return order.lines.stream().sorted(Comparator.comparingLong(l -> l.variantId)).toList();
    }
}
