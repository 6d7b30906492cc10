package dev.storefront.catalog;

import java.util.List;
import java.util.Map;

/** A product as its page shows it, detached from the database: safe to keep in memory and share. */
public record ProductView(long id, String slug, String name, String brand, String description,
        Map<String, String> attributes, List<String> images, Map<String, String> imageAlts, CategoryView category) {

    public String mainImage() {
        return images.isEmpty() ? null : images.get(0);
    }

    /** What a picture shows, in words: its own description, or the product's name. */
    public String altOf(String image) {
        return imageAlts.getOrDefault(image, name);
    }
}
