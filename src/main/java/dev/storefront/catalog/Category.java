package dev.storefront.catalog;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A node of the category tree that products are filed under. */
@Entity
@Table(name = "categories")
public class Category extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Category parent;

    public String slug;
    public String name;
    public String description = "";
    public int position;
    public Instant createdAt = Instant.now();
    public Instant updatedAt = Instant.now();
}
