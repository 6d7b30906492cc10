package dev.storefront.catalog;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;

import dev.storefront.catalog.CatalogChanges.CatalogChanged;
import dev.storefront.web.HttpCaching;
import dev.storefront.web.SharedPage;

/**
 * Catalog answers of the JSON API (products, listings, search, categories) serialised once and kept as
 * bytes until the catalog changes. They are the same for every client, so they say so:
 * {@code Cache-Control: public, no-cache} with an ETag lets browsers, apps and Nginx keep a copy and
 * revalidate it, and the revalidation costs the store a lookup, not a search.
 */
@ApplicationScoped
public class JsonCache {

    private static final long MAXIMUM_BYTES = 8L * 1024 * 1024;

    @Inject
    ObjectMapper json;

    @Inject
    HttpServerRequest http;

    private final ReadModelCache<String, SharedPage> answers;

    @Inject
    JsonCache(CatalogChanges changes, MeterRegistry registry) {
        answers = ReadModelCache.weighed("json", MAXIMUM_BYTES, SharedPage::weight,
                changes::cacheable, registry);
    }

    void onCatalogChanged(@Observes CatalogChanged change) {
        answers.invalidateAll();
    }

    /** The answer kept under {@code key} (the path and its normalised parameters), or {@code body}'s. */
    public Response json(Request request, String key, Supplier<Object> body) {
        SharedPage answer = answers.get(key, k -> serialise(body.get()));
        return HttpCaching.shared(request, answer, MediaType.APPLICATION_JSON, "public, no-cache", "", "",
                http.getHeader("Accept-Encoding"));
    }

    private SharedPage serialise(Object body) {
        try {
            return SharedPage.of(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An API record always serialises", e);
        }
    }
}
