package dev.storefront.order;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The one door through which an order changes state. Each move is a conditional UPDATE
 * ({@code … where id = ? and status = ?}), so that of concurrent attempts (webhooks, return visits, the
 * sweeper, two admins) exactly one makes it; the one that does records the move in {@code order_events}
 * in the same transaction. Runs in the caller's transaction, so the move, its stock and its email
 * commit or roll back together.
 */
@ApplicationScoped
public class OrderLifecycle {

    /** Who made a move that no person made. */
    public static final String SHOPPER = "shopper";
    public static final String SWEEPER = "reservation sweeper";

    @Inject
    EntityManager entityManager;

    /** Records the birth of an order that has just been persisted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(Order order, String actor, String reason) {
        record(order.id, null, OrderStatus.PENDING_PAYMENT, actor, reason);
    }

    /**
     * Moves the order from {@code from} to {@code to} if it is still {@code from}; false when something
     * else moved it first. A move the lifecycle does not allow is a bug, not a race: it throws.
     * An instance of the order already loaded in this transaction is refreshed afterwards.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean move(long orderId, OrderStatus from, OrderStatus to, String actor, String reason) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("an order cannot move from " + from + " to " + to);
        }
        entityManager.flush(); // what the caller changed on the order is written before the move, not after it
        String stamp = switch (to) {
            case PAID -> ", paid_at = now()";
            case CANCELLED -> ", cancelled_at = now(), cancel_reason = left(?4, 200)";
            case SHIPPED -> ", shipped_at = now()";
            default -> "";
        };
        var update = entityManager.createNativeQuery("update orders set status = ?3" + stamp
                + " where id = ?1 and status = ?2")
                .setParameter(1, orderId).setParameter(2, from.name()).setParameter(3, to.name());
        if (to == OrderStatus.CANCELLED) {
            update.setParameter(4, reason);
        }
        if (update.executeUpdate() == 0) {
            return false;
        }
        record(orderId, from, to, actor, reason);
        Order loaded = entityManager.find(Order.class, orderId);
        if (loaded != null) {
            entityManager.refresh(loaded);
        }
        return true;
    }

    /** The order's moves, oldest first. */
    @Transactional
    public List<OrderEvent> history(long orderId) {
        return OrderEvent.list("orderId = ?1 order by id", orderId);
    }

    private void record(long orderId, OrderStatus from, OrderStatus to, String actor, String reason) {
        OrderEvent event = new OrderEvent();
        event.orderId = orderId;
        event.fromStatus = from;
        event.toStatus = to;
        event.at = java.time.Instant.now();
        event.actor = truncate(actor, 200);
        event.reason = truncate(reason == null ? "" : reason, 300);
        event.persist();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
