package dev.storefront.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import dev.storefront.catalog.CatalogChanges;
import dev.storefront.catalog.CatalogChanges.CatalogChanged;
import dev.storefront.catalog.Product;
import dev.storefront.config.StoreConfig;

/**
 * Keeps the product index in step with the database. Every committed change of a product, variant,
 * price, category or stock level, however it was written, is announced by {@link CatalogChanges} on
 * every instance, and each instance re-indexes those products in its own index before its read models
 * are emptied (Hibernate Search's own listeners are off: this is the one way in). Rows written before
 * the store listened (the demo loader, a restored backup) are picked up by a full rebuild, which runs at
 * start when the index and the database disagree, after a lost connection, and on an admin's request.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    EntityManager entityManager;

    @Inject
    StoreConfig config;

    private static final int REINDEX_BATCH = 500;

    private final AtomicBoolean rebuilding = new AtomicBoolean();

    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "search-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs after the demo catalog loader (priority APPLICATION + 500), so that a fresh demo is indexed. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        long inDatabase = QuarkusTransaction.requiringNew().call(() -> Product.count());
        long inIndex = documentCount();
        Path versionFile = config.searchIndexDir().resolve("mapping-version");
        String written = readVersion(versionFile);
        if (!String.valueOf(ProductIndexMapping.VERSION).equals(written)) {
            LOG.infof("Search index written by mapping version %s, this store uses %d: rebuilding",
                    written == null ? "unknown" : written, ProductIndexMapping.VERSION);
            rebuild();
            writeVersion(versionFile);
        } else if (inDatabase != inIndex) {
            LOG.infof("Search index holds %,d products, the database %,d: rebuilding", inIndex, inDatabase);
            rebuild();
        }
    }

    private static String readVersion(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void writeVersion(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.valueOf(ProductIndexMapping.VERSION));
        } catch (IOException e) {
            LOG.warnf("Could not record the search index's mapping version in %s: %s", file, e.getMessage());
        }
    }

    /** Runs before the read models are emptied (they observe at the default priority, APPLICATION + 500). */
    void onCatalogChanged(@Observes @Priority(Interceptor.Priority.APPLICATION) CatalogChanged change) {
        if (change.everything()) {
            // announcements were missed: rebuild in the background, the old index answers meanwhile
            rebuilder.execute(this::rebuild);
        } else {
            reindex(change.productIds());
        }
    }

    /** Re-indexes these products as they are committed now, and drops those that no longer exist. */
    void reindex(Collection<Long> productIds) {
        List<Long> ids = List.copyOf(productIds);
        for (int from = 0; from < ids.size(); from += REINDEX_BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + REINDEX_BATCH));
            QuarkusTransaction.requiringNew().run(() -> {
                SearchSession session = Search.session(entityManager);
                Set<Long> found = new HashSet<>();
                for (Product product : entityManager.createQuery("from Product p where p.id in :ids", Product.class)
                        .setParameter("ids", batch).getResultList()) {
                    session.indexingPlan().addOrUpdate(product);
                    found.add(product.id);
                }
                for (Long id : batch) {
                    if (!found.contains(id)) {
                        session.indexingPlan().purge(Product.class, id, null);
                    }
                }
            });
        }
    }

    /** Whether a full rebuild is running now. */
    public boolean rebuilding() {
        return rebuilding.get();
    }

    /** Products in the index, listed or not. */
    public long documentCount() {
        return QuarkusTransaction.requiringNew().call(() -> Search.session(entityManager).search(Product.class)
                .where(f -> f.matchAll()).fetchTotalHitCount());
    }

    /**
     * Re-indexes every product from the database and waits until done; progress goes to the log.
     * Returns false without doing anything when a rebuild is already running.
     */
    public boolean rebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        try {
            long started = System.nanoTime();
            Search.mapping(entityManagerFactory).scope(Product.class).massIndexer()
                    .threadsToLoadObjects(2)
                    .batchSizeToLoadObjects(100)
                    // one segment: facets are then counted on it directly, without merging every segment's
                    // terms into one ordinal map on each search (later changes add small segments, merged as usual)
                    .mergeSegmentsOnFinish(true)
                    .startAndWait();
            LOG.infof("Search index rebuilt: %,d products in %.1f s", documentCount(),
                    (System.nanoTime() - started) / 1e9);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Search index rebuild interrupted", e);
        } finally {
            rebuilding.set(false);
        }
    }
}
