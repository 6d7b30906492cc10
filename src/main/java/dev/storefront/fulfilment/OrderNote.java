package dev.storefront.fulfilment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A note the store's people write on an order ("customer called: leave at the back door"); never shown to the shopper. */
@Entity
@Table(name = "order_notes")
public class OrderNote extends PanacheEntityBase {

    public static final int MAX_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long orderId;

    /** The admin or staff member's email. */
    public String author;

    public String body;

    public Instant createdAt = Instant.now();
}
