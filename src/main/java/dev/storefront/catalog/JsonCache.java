package dev.storefront.catalog;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

import dev.storefront.catalog.CatalogChanges.CatalogChanged;
import dev.storefront.web.HttpCaching;

/**
 * Catalog answers of the JSON API (products, listings, search, categories) serialised once and kept as
 * bytes until the catalog changes. They are the same for every client, so they say so:
 * {@code Cache-Control: public, no-cache} with an ETag lets browsers, apps and Nginx keep a copy and
 * revalidate it, and the revalidation costs the store a lookup, not a search.
 */
@ApplicationScoped
public class JsonCache {

    private static final long MAXIMUM_BYTES = 8L * 1024 * 1024;

    private record CachedJson(byte[] body, String etag) {
    }

    @Inject
    ObjectMapper json;

    private final ReadModelCache<String, CachedJson> answers;

    @Inject
    JsonCache(CatalogChanges changes, MeterRegistry registry) {
        answers = ReadModelCache.weighed("json", MAXIMUM_BYTES, answer -> answer.body().length + 64,
                changes::cacheable, registry);
    }

    void onCatalogChanged(@Observes CatalogChanged change) {
        answers.invalidateAll();
    }

    /** The answer kept under {@code key} (the path and its normalised parameters), or {@code body}'s. */
    public Response json(Request request, String key, Supplier<Object> body) {
        CachedJson answer = answers.get(key, k -> serialise(body.get()));
        EntityTag tag = new EntityTag(answer.etag(), true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response = notModified != null ? notModified
                : Response.ok(answer.body(), MediaType.APPLICATION_JSON_TYPE).tag(tag);
        return response.header("Cache-Control", "public, no-cache").build();
    }

    private CachedJson serialise(Object body) {
        try {
            byte[] bytes = json.writeValueAsBytes(body);
            return new CachedJson(bytes, HttpCaching.fingerprint(bytes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An API record always serialises", e);
        }
    }
}
