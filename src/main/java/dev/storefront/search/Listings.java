package dev.storefront.search;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.annotation.Timed;
import io.micrometer.core.instrument.MeterRegistry;

import dev.storefront.catalog.CatalogChanges.CatalogChanged;
import dev.storefront.catalog.CatalogChanges;
import dev.storefront.catalog.ProductCard;
import dev.storefront.catalog.ReadModelCache;
import dev.storefront.catalog.RelatedProducts;

/**
 * Listings and search results with their facets, answered from memory until the catalog changes: a
 * page and its JSON twin (each kept whole by PageCache and JsonCache) cost one index search together,
 * not one each. Any change empties them all, since a price, a stock level or a switched-off product
 * moves counts and orders across many listings.
 */
@ApplicationScoped
public class Listings implements RelatedProducts {

    /** Bytes of listings kept (estimated). */
    private static final long LISTINGS_BYTES = 8L * 1024 * 1024;

    @Inject
    ProductSearch search;

    /** Categories whose first products are kept for product pages: every category of a large store. */
    private static final int CATEGORIES_KEPT = 2000;

    private final ReadModelCache<ListingQuery, ListingResult> listings;
    private final ReadModelCache<String, List<ProductCard>> firstOfCategory;

    @Inject
    Listings(CatalogChanges changes, MeterRegistry registry) {
        listings = ReadModelCache.weighed("listings", LISTINGS_BYTES, Listings::estimatedBytes, changes::cacheable,
                registry);
        firstOfCategory = new ReadModelCache<>("related", CATEGORIES_KEPT, changes::cacheable, registry);
    }

    void onCatalogChanged(@Observes CatalogChanged change) {
        listings.invalidateAll();
        firstOfCategory.invalidateAll();
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

    /**
     * Other products of the same category, featured and newest first: the category's first products,
     * searched once per category (not once per product page) and kept until the catalog changes.
     */
    @Override
    public List<ProductCard> related(String categorySlug, String exceptSlug, int limit) {
        return firstOfCategory.get(categorySlug + "|" + limit, key -> search.firstOfCategory(categorySlug, limit + 1))
                .stream().filter(card -> !card.slug().equals(exceptSlug)).limit(limit).toList();
    }

    private static int estimatedBytes(ListingResult result) {
        int facetValues = result.facets().values().stream().mapToInt(List::size).sum();
        return 1024 + 400 * result.items().size() + 120 * facetValues;
    }
}
