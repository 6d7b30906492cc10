package dev.storefront.catalog;

import java.util.List;

/** A category as shoppers see it, detached from the database: safe to keep in memory and share. */
public record CategoryView(long id, String slug, String name, String description, Long parentId,
        List<CategoryView> children) {
}
