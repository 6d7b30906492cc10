package dev.storefront.catalog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

import dev.storefront.money.Money;

/** One buyable version of a product (a SKU), such as size M in blue, with its own price. */
@Entity
@Table(name = "variants")
public class Variant extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    public Product product;

    public String sku;

    /** What tells this variant apart from its siblings, e.g. {"size": "M", "colour": "Blue"}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> attributes = new LinkedHashMap<>();

    @Column(name = "price_amount")
    public long priceAmount;

    /** The "was" price shown struck through beside a lower price, in minor units; null for none. */
    @Column(name = "compare_at_amount")
    public Long compareAtAmount;

    public String currency;
    public int position;

    /** This variant's own picture, one of its product's pictures; null shows the product's main picture. */
    public String image;
    public boolean active = true;
    public Instant createdAt = Instant.now();
    public Instant updatedAt = Instant.now();

    /** Stock of this SKU; none until stock is received. */
    @OneToOne(mappedBy = "variant", fetch = FetchType.LAZY)
    public StockLevel stock;

    public Money price() {
        return Money.of(priceAmount, currency);
    }

    /** Units a shopper may buy now. */
    public int available() {
        return stock == null ? 0 : stock.available();
    }

    /** "M / Blue", or the product name when the variant has no distinguishing attributes. */
    public String label() {
        return label(attributes, product.name);
    }

    /** The label of a variant with these attributes, of a product with this name (see {@link #label()}). */
    static String label(Map<String, String> attributes, String productName) {
        return attributes.isEmpty() ? productName : String.join(" / ", attributes.values());
    }
}
