package dev.storefront.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The search index can be read, how many products it holds, and whether a rebuild is running. */
@Readiness
@ApplicationScoped
public class SearchIndexHealth implements HealthCheck {

    @Inject
    SearchIndex searchIndex;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("Search index").up().withData("documents", searchIndex.documentCount())
                    .withData("rebuilding", searchIndex.rebuilding()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("Search index").down().withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
