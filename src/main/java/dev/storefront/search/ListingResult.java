package dev.storefront.search;

import java.util.List;
import java.util.Map;

import dev.storefront.catalog.ProductCard;

/**
 * One page of a listing with its total and facet counts. Facets are keyed by the URL parameter that
 * filters on them ({@code category}, {@code brand}, {@code colour}, {@code sizeOption}, {@code price},
 * {@code inStock}); {@code correction} is a better spelling of the words when nothing matched them, and
 * {@code corrected} says the items are those of the correction (the words as typed found nothing).
 */
public record ListingResult(List<ProductCard> items, long total, int page, int size,
        Map<String, List<FacetValue>> facets, String correction, boolean corrected) {

    public int pageCount() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** One value of a facet: what to put in the URL, what to show, and how many products have it. */
    public record FacetValue(String value, String label, long count) {
    }
}
