package dev.storefront.inventory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Stock of one SKU: what is on the shelf, what checkouts hold, and when to warn that it runs low. */
@Entity
@Table(name = "stock_levels")
public class StockLevel extends PanacheEntityBase {

    @Id
    @Column(name = "variant_id")
    public Long variantId;

    public int onHand;
    public int reserved;
    public int lowStockThreshold = 5;

    @Version
    public long version;

    public Instant updatedAt = Instant.now();

    public int available() {
        return Math.max(0, onHand - reserved);
    }
}
