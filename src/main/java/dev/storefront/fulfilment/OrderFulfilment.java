package dev.storefront.fulfilment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storefront.audit.AuditLog;
import dev.storefront.config.StoreConfig;
import dev.storefront.inventory.StockReservation;
import dev.storefront.mail.OrderEmails;
import dev.storefront.mail.OutboxEmail;
import dev.storefront.money.Money;
import dev.storefront.order.Order;
import dev.storefront.order.OrderLifecycle;
import dev.storefront.order.OrderStatus;
import dev.storefront.order.Refund;
import dev.storefront.payment.Payment;
import dev.storefront.payment.PaymentConfirmation;
import dev.storefront.payment.PaymentProvider;
import dev.storefront.payment.PaymentProviders;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.MoneyFormat;
import dev.storefront.web.StoreException;

/**
 * What the admin does with an order after checkout: ship it, cancel it, refund it. Each step locks the
 * order's row first, so two admins (or an admin and a webhook) cannot both act on the same state.
 */
@ApplicationScoped
public class OrderFulfilment {

    private static final Logger LOG = Logger.getLogger(OrderFulfilment.class);

    /** The order is not in a state that allows this; 409 naming the state. */
    public static class WrongStateException extends ClientErrorException {
        public WrongStateException(Order order, String action) {
            super("Order " + order.number + " is " + order.status.words().toLowerCase(Locale.ROOT) + "; it cannot be "
                    + action, 409);
        }
    }

    /** The payment provider did not carry out a refund: nothing was refunded. */
    public static class RefundFailedException extends StoreException {
        public RefundFailedException(String message, Throwable cause) {
            super(502, message, cause);
        }
    }

    @Inject
    OrderEmails emails;

    @Inject
    StockReservation stock;

    @Inject
    PaymentConfirmation confirmation;

    @Inject
    PaymentProviders providers;

    @Inject
    AuditLog audit;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    StoreConfig config;

    /**
     * PAID to SHIPPED with a tracking number and, if given, the carrier; the shipping email is queued in the same
     * transaction.
     */
    public Order ship(String number, String trackingNumber, String carrierName, String actor) {
        String tracking = trackingNumber == null ? "" : trackingNumber.strip();
        String carrier = carrierName == null ? "" : carrierName.strip();
        List<FieldError> errors = new ArrayList<>();
        if (tracking.isEmpty() || tracking.length() > 100) {
            errors.add(new FieldError("trackingNumber", "must be 1-100 characters"));
        }
        if (carrier.length() > 60) {
            errors.add(new FieldError("carrier", "must be at most 60 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Order order = locked(number);
            if (!OrderStatus.SHIPPABLE.contains(order.status)) {
                throw new WrongStateException(order, "shipped");
            }
            Map<String, Object> before = snapshot(order);
            lifecycle.move(order.id, order.status, OrderStatus.SHIPPED, actor,
                    (carrier.isEmpty() ? "" : "with " + carrier + ", ") + "tracking number " + tracking);
            order.trackingNumber = tracking;
            order.carrier = carrier.isEmpty() ? null : carrier;
            emails.queueShipped(order, config.publicUrl() + order.pagePath());
            audit.record(actor, "order.ship", "order", number, before, snapshot(order));
            return order;
        });
    }

    /** A note on the order for the store's people (never shown to the shopper); 1 to 2,000 characters. */
    public OrderNote addNote(String number, String text, String actor) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > OrderNote.MAX_LENGTH) {
            throw InvalidInputException.of("note", "must be 1-" + OrderNote.MAX_LENGTH + " characters");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Order order = locked(number);
            OrderNote note = new OrderNote();
            note.orderId = order.id;
            note.author = actor;
            note.body = body;
            note.persist();
            audit.record(actor, "order.note", "order", number, Map.of(), Map.of("note", body));
            return note;
        });
    }

    /**
     * Sends the order's confirmation once more. Refused while the last one is not delivered yet (the outbox keeps
     * trying) or was sent again less than a minute ago, so that a double click or a repeated request sends one email.
     */
    public Order resendConfirmation(String number, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Order order = locked(number);
            if (!OrderStatus.PAID_FOR.contains(order.status)) {
                throw new WrongStateException(order, "confirmed again");
            }
            List<OutboxEmail> confirmations = OutboxEmail.list("orderId = ?1 and (kind = ?2 or kind like ?3) order by id",
                    order.id, OrderEmails.CONFIRMATION, OrderEmails.CONFIRMATION_AGAIN + "%");
            if (!confirmations.isEmpty()) {
                OutboxEmail last = confirmations.get(confirmations.size() - 1);
                if (last.sentAt == null) {
                    throw new ClientErrorException("The last confirmation of order " + number + " is not delivered"
                            + " yet; the store keeps trying to send it", 409);
                }
                if (last.kind.startsWith(OrderEmails.CONFIRMATION_AGAIN)
                        && last.createdAt.isAfter(Instant.now().minusSeconds(60))) {
                    throw new ClientErrorException("The confirmation of order " + number + " was sent less than a"
                            + " minute ago", 409);
                }
            }
            emails.queueConfirmationAgain(order, confirmations.size() + 1, config.publicUrl() + order.pagePath());
            audit.record(actor, "order.confirmation-again", "order", number, Map.of(),
                    Map.of("copy", confirmations.size() + 1));
            return order;
        });
    }

    /** SHIPPED to DELIVERED. */
    public Order markDelivered(String number, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Order order = locked(number);
            if (order.status != OrderStatus.SHIPPED) {
                throw new WrongStateException(order, "marked delivered");
            }
            Map<String, Object> before = snapshot(order);
            lifecycle.move(order.id, OrderStatus.SHIPPED, OrderStatus.DELIVERED, actor, "");
            audit.record(actor, "order.deliver", "order", number, before, snapshot(order));
            return order;
        });
    }

    /**
     * Cancels an order that has not shipped. An unpaid one releases its reservation; a paid one is
     * refunded in full first (if that fails, nothing changes) and its goods go back on the shelf.
     */
    public Order cancel(String number, String actor) {
        // an unpaid order: its reservation released and the audit entry written in one transaction
        boolean[] unpaidCancelled = { false };
        Order current = QuarkusTransaction.requiringNew().call(() -> {
            Order order = locked(number);
            if (order.status == OrderStatus.PENDING_PAYMENT
                    && confirmation.cancelPending(order.id, "cancelled by the store", actor)) {
                audit.record(actor, "order.cancel", "order", number, Map.of("status", OrderStatus.PENDING_PAYMENT),
                        Map.of("status", OrderStatus.CANCELLED));
                unpaidCancelled[0] = true;
                emails.queueCancelled(order, config.publicUrl() + order.pagePath());
            }
            return order;
        });
        if (unpaidCancelled[0]) {
            return current;
        }
        if (current.shippedAt != null || current.status == OrderStatus.CANCELLED
                || current.status == OrderStatus.PENDING_PAYMENT) {
            throw new WrongStateException(current, "cancelled");
        }
        if (current.totalAmount - committedRefunds(current.id) > 0) {
            refund(number, order -> order.totalAmount - committedRefunds(order.id), "order cancelled", null, actor,
                    false);
        }
        Order cancelled = QuarkusTransaction.requiringNew().call(() -> {
            Order order = locked(number);
            if (order.shippedAt != null || order.status == OrderStatus.CANCELLED) {
                throw new WrongStateException(order, "cancelled");
            }
            Map<String, Object> before = snapshot(order);
            lifecycle.move(order.id, order.status, OrderStatus.CANCELLED, actor, "cancelled by the store");
            stock.restock(order, actor);
            audit.record(actor, "order.cancel", "order", number, before, snapshot(order));
            emails.queueCancelled(order, config.publicUrl() + order.pagePath());
            return order;
        });
        return cancelled;
    }

    /**
     * Refunds part or all of a paid order through its payment provider: REFUNDED when everything has been
     * given back, PARTIALLY_REFUNDED otherwise. {@code amount} is a decimal in the order's currency, such as
     * "12.50"; blank refunds everything not yet refunded. Concurrent refunds never add up to more than was paid.
     */
    public Order refund(String number, String amount, String reason, String actor) {
        return refund(number, amount, reason, null, actor);
    }

    /**
     * A refund of {@code amount} (blank: what is left); {@code requestKey}, when given, makes it happen once
     * however often it is sent (a double click on the confirmation, a retried request): a second request with
     * the key refunds nothing and answers the order as it is.
     */
    public Order refund(String number, String amount, String reason, String requestKey, String actor) {
        if (requestKey != null && !requestKey.isBlank() && !requestKey.matches("[A-Za-z0-9_-]{8,64}")) {
            throw InvalidInputException.of("requestKey", "must be 8-64 letters, digits, '-' or '_'");
        }
        return refund(number, order -> {
            if (amount == null || amount.isBlank()) {
                return order.totalAmount - order.refundedAmount;
            }
            try {
                return Money.parseDecimal(amount, order.currency).amount();
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("amount", e.getMessage());
            }
        }, reason, requestKey == null || requestKey.isBlank() ? null : requestKey, actor, true);
    }

    /** A refund; {@code moveStatus} false when it is part of a cancellation, which makes the move itself. */
    private Order refund(String number, ToLongFunction<Order> amountOf, String reason, String requestKey,
            String actor, boolean moveStatus) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() > 200) {
            throw InvalidInputException.of("reason", "must be at most 200 characters");
        }
        Refund pending = QuarkusTransaction.requiringNew().call(() -> {
            Order order = locked(number);
            if (requestKey != null && Refund.count("orderId = ?1 and requestKey = ?2", order.id, requestKey) > 0) {
                return null; // made by the first of these requests, under this same lock
            }
            if (!OrderStatus.REFUNDABLE.contains(order.status)) {
                throw new WrongStateException(order, "refunded");
            }
            long amount = amountOf.applyAsLong(order);
            if (amount <= 0) {
                throw InvalidInputException.of("amount", "must be more than zero");
            }
            long refundable = order.totalAmount - committedRefunds(order.id);
            if (amount > refundable) {
                throw InvalidInputException.of("amount",
                        "is more than the " + dev.storefront.web.MoneyFormat.formatted(
                                dev.storefront.money.Money.of(refundable, order.currency)) + " left to refund");
            }
            Refund refund = new Refund();
            refund.orderId = order.id;
            refund.amount = amount;
            refund.reason = why;
            refund.actor = actor;
            refund.requestKey = requestKey;
            refund.persist();
            return refund;
        });
        if (pending == null) {
            return QuarkusTransaction.requiringNew().call(() -> find(number));
        }
        long amount = pending.amount;
        Order order = QuarkusTransaction.requiringNew().call(() -> find(number));
        String providerRef;
        try {
            providerRef = provider(order).refund(order, amount, pending.key());
        } catch (PaymentProvider.UnavailableException e) {
            QuarkusTransaction.requiringNew().run(() -> Refund.<Refund>findById(pending.id).status = Refund.Status.FAILED);
            LOG.warnf("Refund of %d on order %s failed: %s", amount, number, e.getMessage());
            throw new RefundFailedException("The payment provider did not refund order " + number
                    + "; nothing was refunded. " + e.getMessage(), e);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Order locked = locked(number);
            Map<String, Object> before = snapshot(locked);
            Refund refund = Refund.findById(pending.id);
            refund.status = Refund.Status.SUCCEEDED;
            refund.providerRef = providerRef;
            locked.refundedAmount += amount;
            boolean full = locked.refundedAmount >= locked.totalAmount;
            if (moveStatus && OrderStatus.REFUNDABLE.contains(locked.status)) {
                lifecycle.move(locked.id, locked.status, full ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED,
                        actor, "refunded " + Money.of(amount, locked.currency).decimal() + (why.isEmpty() ? "" : ": " + why));
            }
            if (full) {
                Payment.<Payment>findByIdOptional(locked.id).ifPresent(p -> {
                    p.status = Payment.Status.REFUNDED;
                    p.updatedAt = Instant.now();
                });
            }
            audit.record(actor, "order.refund", "order", number, before, snapshot(locked));
            if (moveStatus) { // a refund of its own, not the one a cancellation makes (its email says so)
                emails.queueRefunded(locked, refund.id, MoneyFormat.formatted(Money.of(amount, locked.currency)),
                        config.publicUrl() + locked.pagePath());
            }
            return locked;
        });
    }

    /** Refunds that have succeeded or may still succeed: what can no longer be promised to another refund. */
    private static long committedRefunds(long orderId) {
        return Refund.<Refund>list("orderId = ?1 and status <> ?2", orderId, Refund.Status.FAILED).stream()
                .mapToLong(r -> r.amount).sum();
    }

    private PaymentProvider provider(Order order) {
        Payment payment = QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>findById(order.id));
        if (payment == null) {
            throw new WrongStateException(order, "refunded (it has no payment)");
        }
        return providers.of(payment);
    }

    private static Order find(String number) {
        return Order.findByNumber(number).orElseThrow(() -> new NotFoundException("No order " + number));
    }

    private static Order locked(String number) {
        MDC.put("orderNumber", number);
        Order order = find(number);
        Order.getEntityManager().lock(order, LockModeType.PESSIMISTIC_WRITE);
        Order.getEntityManager().refresh(order);
        return order;
    }

    private static Map<String, Object> snapshot(Order order) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", order.status);
        map.put("trackingNumber", order.trackingNumber);
        map.put("carrier", order.carrier);
        map.put("refundedAmount", order.refundedAmount);
        return map;
    }
}
