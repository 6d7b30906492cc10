package dev.storefront.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
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

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "variant_id")
    public Variant variant;

    public int onHand;
    public int reserved;
    public int lowStockThreshold = 5;

    @Version
    public long version;

    public Instant updatedAt = Instant.now();

    /**
     * A new stock level for a variant, linked both ways: the search index reads stock through the
     * variant, so a level that the variant does not know of would be indexed as out of stock.
     */
    public static StockLevel forVariant(Variant variant, int onHand) {
        StockLevel level = new StockLevel();
        level.variant = variant;
        level.onHand = onHand;
        variant.stock = level;
        return level;
    }

    public int available() {
        return available(onHand, reserved);
    }

    /** Units a shopper may buy of a SKU with this much on hand and reserved. */
    static int available(int onHand, int reserved) {
        return Math.max(0, onHand - reserved);
    }
}
