package dev.storefront.search;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.annotation.Timed;
import io.micrometer.core.instrument.MeterRegistry;

import dev.storefront.catalog.CatalogChanges;
import dev.storefront.catalog.CatalogChanges.CatalogChanged;
import dev.storefront.catalog.ProductCard;
import dev.storefront.catalog.ReadModelCache;

/**
 * Listings, search results with their facets, and related products, answered from memory
 * until the catalog changes: the same query and filters cost one index search per catalog change, not
 * one per request. Any change empties all of them, since a price, a stock level or a switched-off
 * product moves counts and orders across many listings.
 */
@ApplicationScoped
public class Listings {

    /** Listings kept: each about 10 KB with its facets. */
    private static final int LISTINGS_KEPT = 10_000;
    private static final int RELATED_KEPT = 20_000;

    private record RelatedKey(String categorySlug, String exceptSlug, int limit) {
    }

    @Inject
    ProductSearch search;

    private final ReadModelCache<ListingQuery, ListingResult> listings;
    private final ReadModelCache<RelatedKey, List<ProductCard>> related;

    @Inject
    Listings(CatalogChanges changes, MeterRegistry registry) {
        listings = new ReadModelCache<>("listings", LISTINGS_KEPT, changes::listening, registry);
        related = new ReadModelCache<>("related-products", RELATED_KEPT, changes::listening, registry);
    }

    void onCatalogChanged(@Observes CatalogChanged change) {
        listings.invalidateAll();
        related.invalidateAll();
    }

    /** A listing or search with its facets; see {@link ProductSearch#search}. */
    @Timed(value = "storefront.search.duration",
            description = "A listing or search with its facets, from memory or the index", percentiles = { 0.5, 0.99 })
    public ListingResult search(ListingQuery query) {
        return listings.get(query, search::search);
    }

    /** Up to 8 products whose names match what has been typed so far (kept as JSON by the API). */
    public List<ProductSearch.Suggestion> suggest(String typed) {
        return search.suggest(typed);
    }

    /** Other products of the same category, featured and newest first. */
    public List<ProductCard> related(String categorySlug, String exceptSlug, int limit) {
        return related.get(new RelatedKey(categorySlug, exceptSlug, limit),
                key -> search.related(key.categorySlug(), key.exceptSlug(), key.limit()));
    }
}
