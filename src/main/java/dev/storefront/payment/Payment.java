package dev.storefront.payment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The one payment of an order, with the provider's reference to it. */
@Entity
@Table(name = "payments")
public class Payment extends PanacheEntityBase {

    public enum Status {
        PENDING, SUCCEEDED, FAILED, REFUNDED
    }

    @Id
    @Column(name = "order_id")
    public Long orderId;

    public String provider;
    public String providerRef;

    @Enumerated(EnumType.STRING)
    public Status status = Status.PENDING;

    public long amount;
    public String currency;
    public Instant createdAt = Instant.now();
    public Instant updatedAt = Instant.now();
}
