package dev.storefront.payment;

import dev.storefront.order.Order;

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

    /**
     * The order's payment as started with the provider under {@code providerRef}: recorded by the first of
     * any number of concurrent starts (a checkout submitted twice), and the same record for all of them.
     * Call inside a transaction.
     */
    public static Payment started(Order order, String provider, String providerRef) {
        getEntityManager().createNativeQuery("""
                insert into payments (order_id, provider, provider_ref, status, amount, currency)
                values (?1, ?2, ?3, 'PENDING', ?4, ?5) on conflict (order_id) do nothing""")
                .setParameter(1, order.id).setParameter(2, provider).setParameter(3, providerRef)
                .setParameter(4, order.totalAmount).setParameter(5, order.currency).executeUpdate();
        return findById(order.id);
    }
}
