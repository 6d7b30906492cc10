package dev.storefront.order;

import static dev.storefront.order.OrderStatus.CANCELLED;
import static dev.storefront.order.OrderStatus.DELIVERED;
import static dev.storefront.order.OrderStatus.PAID;
import static dev.storefront.order.OrderStatus.PARTIALLY_REFUNDED;
import static dev.storefront.order.OrderStatus.PENDING_PAYMENT;
import static dev.storefront.order.OrderStatus.REFUNDED;
import static dev.storefront.order.OrderStatus.SHIPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

/** The order's moves, as the contract's "Order states" lists them. */
class OrderStatusTest {

    @Test
    void theContractsMovesAreAllowed() {
        assertTrue(PENDING_PAYMENT.canMoveTo(PAID));
        assertTrue(PAID.canMoveTo(SHIPPED));
        assertTrue(SHIPPED.canMoveTo(DELIVERED));
        assertTrue(PENDING_PAYMENT.canMoveTo(CANCELLED));
        assertTrue(PAID.canMoveTo(REFUNDED));
        assertTrue(PAID.canMoveTo(PARTIALLY_REFUNDED));
        assertTrue(PAID.canMoveTo(CANCELLED));
        assertTrue(PARTIALLY_REFUNDED.canMoveTo(REFUNDED));
        assertTrue(DELIVERED.canMoveTo(REFUNDED));
    }

    @Test
    void nothingGoesBackwardsOrLeavesAnEnd() {
        assertFalse(PAID.canMoveTo(PENDING_PAYMENT));
        assertFalse(PENDING_PAYMENT.canMoveTo(SHIPPED), "nothing ships unpaid");
        assertFalse(PENDING_PAYMENT.canMoveTo(REFUNDED), "nothing is refunded unpaid");
        assertFalse(SHIPPED.canMoveTo(CANCELLED), "a shipped order is refunded, not cancelled");
        assertFalse(DELIVERED.canMoveTo(SHIPPED));
        assertEquals(EnumSet.noneOf(OrderStatus.class), CANCELLED.next());
        assertEquals(EnumSet.noneOf(OrderStatus.class), REFUNDED.next());
        for (OrderStatus status : OrderStatus.values()) {
            assertFalse(status.next().contains(PENDING_PAYMENT), status + " never goes back to unpaid");
        }
    }

    @Test
    void theGroupsUsedByTheDashboardAndAdminAgreeWithTheMoves() {
        for (OrderStatus shippable : OrderStatus.SHIPPABLE) {
            assertTrue(shippable.canMoveTo(SHIPPED), shippable + " is shippable");
        }
        for (OrderStatus refundable : OrderStatus.REFUNDABLE) {
            assertTrue(refundable.canMoveTo(REFUNDED), refundable + " is refundable");
        }
        assertFalse(OrderStatus.PAID_FOR.contains(PENDING_PAYMENT));
        assertFalse(OrderStatus.PAID_FOR.contains(CANCELLED));
        assertEquals("'PAID', 'PARTIALLY_REFUNDED'", OrderStatus.sqlList(OrderStatus.SHIPPABLE));
    }
}
