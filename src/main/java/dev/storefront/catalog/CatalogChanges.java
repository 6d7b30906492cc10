package dev.storefront.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.storefront.config.StoreConfig;
import dev.storefront.db.PlainJdbc;

/**
 * The after-commit hook for catalog changes, on every instance: PostgreSQL triggers (migration V6)
 * announce each committed change of products, variants, prices, pictures, categories or stock on the
 * channel {@code catalog_changed}; this bean listens on a connection of its own and fires a
 * {@link CatalogChanged} event for each burst of announcements, in commit order, on one thread. The
 * search index re-indexes those products first, then the read models drop what they concern.
 * <p>
 * PostgreSQL LISTEN/NOTIFY rather than Redis pub/sub: the notification is part of the writing
 * transaction (sent on commit, never on rollback, never before the data is visible), triggers make it
 * for every writer including SQL and imports, and the store already depends on PostgreSQL while Redis
 * is allowed to be down.
 * <p>
 * While the listening connection is down, {@link #listening()} is false and read models must not
 * cache; when it comes back, everything is announced as changed, since announcements may have been missed.
 */
@ApplicationScoped
public class CatalogChanges {

    /**
     * The products that changed (a changed category counts as a change of every product under it), or
     * {@code everything} when announcements may have been missed.
     */
    public record CatalogChanged(Set<Long> productIds, boolean everything) {
    }

    static final String CHANNEL = "catalog_changed";
    private static final String BARRIER = "barrier:";
    private static final Logger LOG = Logger.getLogger(CatalogChanges.class);
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final int POLL_MILLIS = 1000;
    private static final long CHECK_IDLE_CONNECTION_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Inject
    StoreConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Inject
    Event<CatalogChanged> changed;

    @Inject
    EntityManager entityManager;

    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong barriers = new AtomicLong();
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean stopping;
    private volatile Connection connection;
    private Thread thread;

    /**
     * Listens from before the search index is checked at start (SearchIndex, APPLICATION + 1000) and after
     * the demo catalog is loaded (APPLICATION + 500), so that no change falls between the two.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        try {
            connect();
            listening = true;
        } catch (SQLException e) {
            LOG.warnf("Not listening for catalog changes yet (%s)", e.getMessage());
        }
        thread = new Thread(this::listenUntilStopped, "catalog-changes");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (thread != null) {
            thread.interrupt();
        }
        closeQuietly();
    }

    /** Whether announcements are arriving, so that what was read may be kept until the next one. */
    public boolean listening() {
        return listening;
    }

    /** Whether read models may be kept: announcements are arriving, and caching is not switched off. */
    public boolean cacheable() {
        return listening && config.readModels().cached();
    }

    /** Announcements received since start (for the metrics and tests). */
    public long received() {
        return received.get();
    }

    /**
     * Waits until every change committed before this call has been announced here and handled, so that
     * whoever made a change reads it back at once. Waits at most {@code limit}; does nothing while not
     * listening (nothing is cached then). Never call it inside a transaction that has changed the catalog.
     */
    public void awaitHandled(Duration limit) {
        if (!listening) {
            return;
        }
        String token = BARRIER + instance + ":" + barriers.incrementAndGet();
        CompletableFuture<Void> handled = new CompletableFuture<>();
        waiting.put(token, handled);
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("select pg_notify('" + CHANNEL + "', ?1)").setParameter(1, token)
                    .getSingleResult());
            handled.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debugf("Catalog change barrier not confirmed: %s", e.toString());
        } finally {
            waiting.remove(token);
        }
    }

    private void listenUntilStopped() {
        boolean warned = false;
        while (!stopping) {
            try {
                if (connection == null) {
                    connect();
                    if (warned) {
                        LOG.info("Listening for catalog changes again");
                        warned = false;
                    }
                    // anything may have changed while nobody listened
                    announce(new CatalogChanged(Set.of(), true));
                    listening = true;
                }
                receive();
            } catch (SQLException | RuntimeException | Error e) { // even out of memory: keep listening
                if (!stopping && !warned) {
                    LOG.warnf("Not listening for catalog changes (%s); read models are not cached until it is back",
                            e.getMessage());
                    warned = true;
                }
            } finally {
                listening = false;
                closeQuietly();
            }
            sleep(RECONNECT_DELAY);
        }
    }

    private void connect() throws SQLException {
        Connection opened = DriverManager.getConnection(url, username, password);
        try (Statement statement = opened.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        connection = opened;
    }

    private void receive() throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (!stopping) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications == null || notifications.length == 0) {
                // a silent peer may be a dead one: make sure the connection still answers now and then
                if (System.nanoTime() - lastHeard > CHECK_IDLE_CONNECTION_NANOS) {
                    if (!connection.isValid(2)) {
                        throw new SQLException("the listening connection stopped answering");
                    }
                    lastHeard = System.nanoTime();
                }
                continue;
            }
            lastHeard = System.nanoTime();
            handle(notifications);
        }
    }

    /** Merges a burst of announcements into one event, then confirms the barriers among them. */
    private void handle(PGNotification[] notifications) {
        Set<Long> products = new HashSet<>();
        Set<Long> categories = new HashSet<>();
        boolean any = false;
        Set<String> barriersSeen = new HashSet<>();
        for (PGNotification notification : notifications) {
            String payload = notification.getParameter();
            if (payload.startsWith(BARRIER)) {
                barriersSeen.add(payload);
                continue;
            }
            received.incrementAndGet();
            any = true;
            Set<Long> into = payload.startsWith("c:") ? categories : products;
            for (String id : payload.substring(payload.indexOf(':') + 1).split(",")) {
                if (!id.isBlank()) {
                    into.add(Long.parseLong(id.strip()));
                }
            }
        }
        if (!categories.isEmpty()) {
            products.addAll(productsUnder(categories));
        }
        if (any) {
            announce(new CatalogChanged(Set.copyOf(products), false));
        }
        for (String token : barriersSeen) {
            CompletableFuture<Void> handled = waiting.get(token);
            if (handled != null) {
                handled.complete(null);
            }
        }
    }

    /** The products filed under these categories or any of their subcategories. */
    private List<Long> productsUnder(Set<Long> categories) {
        return QuarkusTransaction.requiringNew().call(() -> PlainJdbc.list(entityManager, """
                with recursive under(id) as (
                    select id from categories where id = any(?)
                    union select c.id from categories c join under u on c.parent_id = u.id)
                select p.id from products p where p.category_id in (select id from under)""",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("bigint",
                        categories.toArray())),
                row -> row.getLong(1)));
    }

    private void announce(CatalogChanged change) {
        try {
            changed.fire(change);
        } catch (RuntimeException e) {
            LOG.error("A read model failed to handle a catalog change", e);
        }
    }

    private void closeQuietly() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // already broken: nothing to release
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
