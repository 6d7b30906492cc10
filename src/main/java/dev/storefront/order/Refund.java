package dev.storefront.order;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

import dev.storefront.money.Money;

/** Money given back for an order, in full or in part, and whether the payment provider did it. */
@Entity
@Table(name = "refunds")
public class Refund extends PanacheEntity {

    public enum Status {
        PENDING, SUCCEEDED, FAILED
    }

    @Column(name = "order_id")
    public Long orderId;

    public long amount;
    public String reason = "";

    @Enumerated(EnumType.STRING)
    public Status status = Status.PENDING;

    public String providerRef;
    public String actor;

    /** The confirmation's own key: a second refund confirmed with it on the same order is never made. */
    @Column(name = "request_key")
    public String requestKey;
    public Instant createdAt = Instant.now();

    /** The provider's idempotency key: a retry of this refund is never a second refund. */
    public String key() {
        return "refund-" + id;
    }

    public Money money(String currency) {
        return Money.of(amount, currency);
    }
}
