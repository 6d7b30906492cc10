package dev.storefront.catalog;

import java.util.List;

/** Other products a product page suggests; answered by the search index (search's Listings). */
public interface RelatedProducts {

    /** Up to {@code limit} other products of the category, featured and newest first. */
    List<ProductCard> related(String categorySlug, String exceptSlug, int limit);
}
