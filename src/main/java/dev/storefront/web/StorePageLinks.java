package dev.storefront.web;

import java.time.Instant;
import java.util.List;

/**
 * The store's own pages (shipping, returns, ...) as links, for every page's footer and for the sitemap; the
 * content package answers it, so that the layout and the catalog need not know that package.
 */
public interface StorePageLinks {

    record Link(String title, String url, Instant updatedAt) {
    }

    /** The published pages marked for the footer, in their order. */
    List<Link> footer();

    /** Every published page. */
    List<Link> published();
}
