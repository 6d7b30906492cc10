package dev.storefront.catalog;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

import dev.storefront.catalog.CatalogChanges.CatalogChanged;
import dev.storefront.web.CsrfToken;
import dev.storefront.web.HttpCaching;
import dev.storefront.web.LayoutData;
import dev.storefront.web.PersonalParts;
import dev.storefront.web.SharedPage;

/**
 * Whole shopper pages (home, product, category, search), rendered once and shared by every visitor until
 * the catalog changes; each visitor's cart count and CSRF token are filled in per request
 * ({@link PersonalParts}). Any catalog change empties them all: a page shows other products too (related
 * products, listings, facets), and a few rebuilt pages cost far less than tracking what each one shows.
 */
@ApplicationScoped
public class PageCache {

    /** Bytes of pages kept, compressed: about 6,000 pages (a product page of 12 KB keeps about 3 KB). */
    private static final long MAXIMUM_BYTES = 24L * 1024 * 1024;

    @Inject
    PersonalParts personal;

    @Inject
    LayoutData layout;

    @Inject
    CsrfToken csrf;

    @Inject
    HttpServerRequest http;

    private final ReadModelCache<String, SharedPage> pages;

    @Inject
    PageCache(CatalogChanges changes, MeterRegistry registry) {
        pages = ReadModelCache.weighed("pages", MAXIMUM_BYTES, SharedPage::weight, changes::cacheable, registry);
    }

    void onCatalogChanged(@Observes CatalogChanged change) {
        pages.invalidateAll();
    }

    /**
     * The page kept under {@code key} (what the page depends on: its path and normalised parameters), or
     * the template's, rendered now; with this visitor's parts, a weak ETag and {@code private, no-cache}.
     */
    public Response page(Request request, String key, Supplier<TemplateInstance> template) {
        return answer(request, pages.get(key, k -> personal.renderShared(() -> template.get().render())));
    }

    /** The page kept under {@code key} as {@link #page} answers it, or null when none is kept. */
    public Response kept(Request request, String key) {
        SharedPage page = pages.getIfPresent(key);
        return page == null ? null : answer(request, page);
    }

    private Response answer(Request request, SharedPage page) {
        return HttpCaching.page(request, page, String.valueOf(layout.cartCount()), csrf.token(),
                http.getHeader("Accept-Encoding"));
    }
}
