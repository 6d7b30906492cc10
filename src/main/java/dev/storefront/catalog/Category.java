package dev.storefront.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
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

    /** Subcategories; also lets the search index find the products to refresh when a category changes. */
    @OneToMany(mappedBy = "parent")
    public List<Category> children = new ArrayList<>();

    /** Products filed directly under this category. */
    @OneToMany(mappedBy = "category")
    public List<Product> products = new ArrayList<>();

    /** This category and its ancestors, root first. */
    public List<Category> path() {
        List<Category> path = new ArrayList<>();
        for (Category c = this; c != null; c = c.parent) {
            path.add(0, c);
        }
        return path;
    }
}
