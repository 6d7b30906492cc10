package dev.storefront.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storefront.audit.AuditLog;
import dev.storefront.catalog.Availability;
import dev.storefront.catalog.StockLevel;

/**
 * Reads and changes stock per SKU. Every change of stock on hand locks the SKU's row, checks, updates
 * and writes an inventory movement in one transaction, so concurrent changes add up exactly and a
 * writer holding an old version is refused instead of overwriting.
 */
@ApplicationScoped
public class InventoryService {

    /** Stock of one SKU as the admin and the API see it. */
    public record StockView(String sku, long variantId, String productName, String variantLabel, int onHand,
            int reserved, int available, long version, int lowStockThreshold) {

        public boolean low() {
            return available <= lowStockThreshold;
        }
    }

    /** One line of a SKU's stock history. */
    public record MovementView(Instant at, int delta, String reason, String note, String actor, int onHandAfter,
            String orderNumber) {
    }

    /** Someone changed the stock since the writer read it. */
    public static class StaleVersionException extends ClientErrorException {
        public StaleVersionException(String sku, long current) {
            super("Stock of " + sku + " was changed by someone else (now at version " + current
                    + "); read it again and retry", 409);
        }
    }

    /** The change would leave less on hand than unpaid orders hold. */
    public static class BelowReservedException extends ClientErrorException {
        public BelowReservedException(String sku, int wouldBe, int reserved) {
            super("Stock of " + sku + " cannot go to " + wouldBe + ": " + reserved
                    + " units are reserved for unpaid orders", 409);
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    AuditLog audit;

    /** Availability keyed by variant id; a variant without a stock row has none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Availability> availabilityOf(Collection<Long> variantIds) {
        Map<Long, Availability> result = new HashMap<>();
        if (variantIds.isEmpty()) {
            return result;
        }
        for (StockLevel level : StockLevel.<StockLevel>list("variantId in ?1", variantIds)) {
            result.put(level.variantId, new Availability(level.available(), level.lowStockThreshold));
        }
        for (Long id : variantIds) {
            result.putIfAbsent(id, Availability.NONE);
        }
        return result;
    }

    /** The stock of a SKU; 404 when no such SKU exists. A SKU never stocked reads as zero. */
    public StockView level(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> read(sku, false));
    }

    /** Sets stock on hand, if nobody changed it since {@code expectedVersion}. */
    public StockView set(String sku, int onHand, MovementReason reason, String note, long expectedVersion,
            String actor) {
        StockView after = QuarkusTransaction.requiringNew().call(() -> {
            StockView before = read(sku, true);
            if (before.version() != expectedVersion) {
                throw new StaleVersionException(sku, before.version());
            }
            return change(before, onHand - before.onHand(), reason, note, actor, "stock.set");
        });
        return after;
    }

    /** Adds (or with a negative delta removes) stock; concurrent adjustments all count. */
    public StockView adjust(String sku, int delta, MovementReason reason, String note, String actor) {
        StockView after = QuarkusTransaction.requiringNew()
                .call(() -> change(read(sku, true), delta, reason, note, actor, "stock.adjust"));
        return after;
    }

    /** The latest movements of a SKU, newest first. */
    @SuppressWarnings("unchecked")
    public List<MovementView> movements(String sku, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = entityManager.createNativeQuery("""
                    select m.created_at, m.delta, m.reason, m.note, m.actor, m.on_hand_after, o.number
                    from inventory_movements m join variants v on v.id = m.variant_id
                    left join orders o on o.id = m.order_id
                    where v.sku = ?1 order by m.created_at desc, m.id desc limit ?2""")
                    .setParameter(1, sku).setParameter(2, limit).getResultList();
            List<MovementView> result = new ArrayList<>();
            for (Object[] row : rows) {
                result.add(new MovementView((Instant) row[0], ((Number) row[1]).intValue(), (String) row[2],
                        (String) row[3], (String) row[4], ((Number) row[5]).intValue(), (String) row[6]));
            }
            return result;
        });
    }

    /**
     * One page of SKUs matching a text (SKU or product name), optionally only low or sold-out ones; low ones
     * lowest first (what runs out first is what to reorder first), the others by SKU.
     */
    public List<StockView> list(String text, String state, int page, int size) {
        return list(text, state, "low".equals(state), page, size);
    }

    /** As {@link #list(String, String, int, int)}, lowest available first when asked, else by SKU. */
    @SuppressWarnings("unchecked")
    public List<StockView> list(String text, String state, boolean lowestFirst, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = entityManager.createNativeQuery(listQuery("""
                    select v.sku, v.id, p.name, v.attributes::text, coalesce(s.on_hand, 0), coalesce(s.reserved, 0),
                        coalesce(s.version, 0), coalesce(s.low_stock_threshold, 5)""", state)
                    + (lowestFirst ? " order by coalesce(s.on_hand - s.reserved, 0), v.sku" : " order by v.sku")
                    + " limit ?2 offset ?3")
                    .setParameter(1, like(text)).setParameter(2, size).setParameter(3, (page - 1) * size)
                    .getResultList();
            return rows.stream().map(InventoryService::view).toList();
        });
    }

    public long count(String text, String state) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery(listQuery("select count(*)", state)).setParameter(1, like(text))
                .getSingleResult()).longValue());
    }

    private static String listQuery(String select, String state) {
        String where = switch (state == null ? "" : state) {
            case "low" -> " and coalesce(s.on_hand - s.reserved, 0) <= coalesce(s.low_stock_threshold, 5)"
                    + " and coalesce(s.on_hand - s.reserved, 0) > 0";
            case "out" -> " and coalesce(s.on_hand - s.reserved, 0) <= 0";
            default -> "";
        };
        return select + """
                 from variants v join products p on p.id = v.product_id
                left join stock_levels s on s.variant_id = v.id
                where (v.sku ilike ?1 or p.name ilike ?1)""" + where;
    }

    private static String like(String text) {
        String plain = text == null ? "" : text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + plain + "%";
    }

    private StockView read(String sku, boolean lock) {
        if (lock) {
            // a SKU never stocked gets its row now, so that there is a row to lock
            entityManager.createNativeQuery("""
                    insert into stock_levels (variant_id) select id from variants where sku = ?1
                    on conflict (variant_id) do nothing""").setParameter(1, sku).executeUpdate();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select v.sku, v.id, p.name, v.attributes::text, coalesce(s.on_hand, 0), coalesce(s.reserved, 0),
                    coalesce(s.version, 0), coalesce(s.low_stock_threshold, 5)
                from variants v join products p on p.id = v.product_id
                """ + (lock ? "join" : "left join") + """
                 stock_levels s on s.variant_id = v.id
                where v.sku = ?1""" + (lock ? " for update of s" : "")).setParameter(1, sku).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("No SKU " + sku);
        }
        return view(rows.get(0));
    }

    private StockView change(StockView before, int delta, MovementReason reason, String note, String actor,
            String action) {
        int onHand = before.onHand() + delta;
        if (onHand < before.reserved() || onHand < 0) {
            throw new BelowReservedException(before.sku(), onHand, before.reserved());
        }
        if (delta == 0) {
            return before;
        }
        entityManager.createNativeQuery("""
                update stock_levels set on_hand = ?1, version = version + 1, updated_at = now() where variant_id = ?2""")
                .setParameter(1, onHand).setParameter(2, before.variantId()).executeUpdate();
        record(before.variantId(), delta, reason, note, null, actor, onHand);
        StockView after = new StockView(before.sku(), before.variantId(), before.productName(), before.variantLabel(),
                onHand, before.reserved(), onHand - before.reserved(), before.version() + 1,
                before.lowStockThreshold());
        audit.record(actor, action, "sku", before.sku(), Map.of("onHand", before.onHand()),
                snapshot(after, reason, note));
        return after;
    }

    /** Writes a movement row; for every change of stock on hand, by whoever makes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long variantId, int delta, MovementReason reason, String note, Long orderId, String actor,
            int onHandAfter) {
        entityManager.createNativeQuery("""
                insert into inventory_movements (id, variant_id, delta, reason, note, order_id, actor, on_hand_after)
                values (nextval('inventory_movements_seq'), ?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, variantId).setParameter(2, delta).setParameter(3, reason.name())
                .setParameter(4, note == null ? "" : note).setParameter(5, orderId).setParameter(6, actor)
                .setParameter(7, onHandAfter).executeUpdate();
    }

    private static Map<String, Object> snapshot(StockView view, MovementReason reason, String note) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("onHand", view.onHand());
        map.put("reason", reason.name());
        map.put("note", note == null ? "" : note);
        return map;
    }

    private static StockView view(Object[] row) {
        int onHand = ((Number) row[4]).intValue();
        int reserved = ((Number) row[5]).intValue();
        return new StockView((String) row[0], ((Number) row[1]).longValue(), (String) row[2],
                attributesLabel((String) row[3]), onHand, reserved, Math.max(0, onHand - reserved),
                ((Number) row[6]).longValue(), ((Number) row[7]).intValue());
    }

    /** {"size":"M","colour":"Blue"} as "M / Blue", as {@code Variant.label()} shows it. */
    private static String attributesLabel(String json) {
        try {
            Map<String, String> attributes = ATTRIBUTES.readValue(json == null ? "{}" : json, ATTRIBUTES_TYPE);
            return String.join(" / ", attributes.values());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("variant attributes are not a JSON object: " + json, e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper ATTRIBUTES =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, String>> ATTRIBUTES_TYPE =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };
}
