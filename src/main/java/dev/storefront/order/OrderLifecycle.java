package dev.storefront.order;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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

    /**
     * A committed move is the after-commit hook for an order's side effects outside the database (an
     * emptied cart): observe it with {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}.
     */
    public record OrderMoved(long orderId, String number, OrderStatus from, OrderStatus to, String cartId) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Event<OrderMoved> moves;

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
        Order moved = entityManager.find(Order.class, orderId);
        entityManager.refresh(moved);
        // observers with during = AFTER_SUCCESS act once the move has committed (and never if it rolls back)
        moves.fire(new OrderMoved(orderId, moved.number, from, to, moved.cartId));
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
