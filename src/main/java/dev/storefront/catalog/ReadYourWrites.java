package dev.storefront.catalog;

import java.time.Duration;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.core.Context;

/**
 * Whoever changes the catalog sees the change in their very next request: before a request that wrote
 * the catalog ({@link CatalogWriteDetector}) is answered, the store waits until the catalog changes
 * committed so far have reached this instance's read models (usually well under a millisecond). Other
 * instances catch up as quickly, but nobody waits for them.
 */
public class ReadYourWrites {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

    @Inject
    CatalogChanges changes;

    @Inject
    CatalogWriteDetector.WrittenInThisRequest written;

    @ServerResponseFilter
    public void afterChange(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod()) || Context.isOnEventLoopThread() || !written.written()) {
            return;
        }
        changes.awaitHandled(LONGEST_WAIT);
    }
}
