package dev.storefront.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A product as shoppers see it: name, description, brand, images, and the variants they can buy. */
@Entity
@Table(name = "products")
public class Product extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    public Category category;

    public String slug;
    public String name;
    public String description = "";
    public String brand;

    /** Descriptive facts shared by every variant, such as material or care instructions. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> attributes = new LinkedHashMap<>();

    /** Image URLs, the first being the main image. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> images = new ArrayList<>();

    /** Each picture's alternative text, by its address; a picture without one is described by the product's name. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "image_alts")
    public Map<String, String> imageAlts = new LinkedHashMap<>();

    public boolean active = true;
    public boolean featured;
    public Instant createdAt = Instant.now();
    public Instant updatedAt = Instant.now();

    @OneToMany(mappedBy = "product")
    @OrderBy("position")
    public List<Variant> variants = new ArrayList<>();

    public static Optional<Product> findActiveBySlug(String slug) {
        return find("slug = ?1 and active = true", slug).firstResultOptional();
    }

    public String mainImage() {
        return images.isEmpty() ? null : images.get(0);
    }
}
