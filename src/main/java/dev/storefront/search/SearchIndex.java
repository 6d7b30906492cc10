package dev.storefront.search;

import java.util.Collection;
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

import dev.storefront.catalog.Product;

/**
 * Keeps the product index in step with the database. Changes made through Hibernate are indexed on
 * commit; rows written by SQL (the demo loader, a restored backup) are picked up by a full rebuild,
 * which runs at start when the index and the database disagree, and on an admin's request.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    EntityManager entityManager;

    private final AtomicBoolean rebuilding = new AtomicBoolean();

    /** Runs after the demo catalog loader (priority APPLICATION + 500), so that a fresh demo is indexed. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        long inDatabase = QuarkusTransaction.requiringNew().call(() -> Product.count());
        long inIndex = documentCount();
        if (inDatabase != inIndex) {
            LOG.infof("Search index holds %,d products, the database %,d: rebuilding", inIndex, inDatabase);
            rebuild();
        }
    }

    /**
     * Re-indexes the products of these variants, in a transaction of its own so that it reads committed
     * stock. For changes made with SQL (stock reservations and sales), which Hibernate Search cannot see.
     */
    public void refreshProductsOfVariants(Collection<Long> variantIds) {
        if (variantIds.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            SearchSession session = Search.session(entityManager);
            entityManager.createQuery("select distinct v.product from Variant v where v.id in :ids", Product.class)
                    .setParameter("ids", variantIds).getResultList()
                    .forEach(product -> session.indexingPlan().addOrUpdate(product));
        });
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
