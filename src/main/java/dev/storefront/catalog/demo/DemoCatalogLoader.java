package dev.storefront.catalog.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

import dev.storefront.config.StoreConfig;

/**
 * Loads the generated demo catalog into an empty database at start, once. Plain JDBC batches keep
 * 100,000 products well under two minutes; ids are taken from the same sequences Hibernate uses.
 */
@ApplicationScoped
public class DemoCatalogLoader {

    private static final Logger LOG = Logger.getLogger(DemoCatalogLoader.class);
    /** Serialises loaders of several instances starting at once. */
    private static final long ADVISORY_LOCK_KEY = 0x5F0D_E30C_A7A1L;
    private static final int BATCH_PRODUCTS = 500;

    @Inject
    DataSource dataSource;

    @Inject
    StoreConfig config;

    @Inject
    ObjectMapper json;

    void onStart(@Observes StartupEvent event) throws SQLException {
        int products = config.demoCatalog().products();
        if (products > 0) {
            load(new DemoCatalogGenerator(config.demoCatalog().seed(), config.currency()), products);
        }
    }

    /** Loads {@code count} products unless the catalog already holds categories or products. */
    public LoadResult load(DemoCatalogGenerator generator, int count) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                LoadResult result = loadInTransaction(connection, generator, count);
                connection.commit();
                if (result.loaded()) {
                    LOG.infof("Demo catalog loaded: %,d categories, %,d products, %,d variants in %.1f s",
                            result.categories(), result.products(), result.variants(),
                            result.elapsed().toMillis() / 1000.0);
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private LoadResult loadInTransaction(Connection connection, DemoCatalogGenerator generator, int count)
            throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")");
            try (ResultSet rs = statement.executeQuery(
                    "select exists(select 1 from categories) or exists(select 1 from products)")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    LOG.info("Demo catalog not loaded: the catalog already has categories or products");
                    return LoadResult.skipped();
                }
            }
        }
        LOG.infof("Loading the demo catalog (seed %d): %,d products", generator.seed(), count);

        Map<String, Long> categoryIds = insertCategories(connection, generator);
        IdBlock productIds = IdBlock.reserve(connection, "products_seq");
        IdBlock variantIds = IdBlock.reserve(connection, "variants_seq");
        int products = 0;
        int variants = 0;
        int nextReport = Math.max(1, count / 10);
        try (PreparedStatement productInsert = connection.prepareStatement("""
                insert into products (id, category_id, slug, name, description, brand, attributes, images,
                                      active, featured, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, true, ?, ?, ?)""");
             PreparedStatement variantInsert = connection.prepareStatement("""
                insert into variants (id, product_id, sku, attributes, price_amount, currency, position,
                                      active, created_at, updated_at, image)
                values (?, ?, ?, ?::jsonb, ?, ?, ?, true, ?, ?, ?)""");
             PreparedStatement stockInsert = connection.prepareStatement("""
                insert into stock_levels (variant_id, on_hand, reserved, low_stock_threshold)
                values (?, ?, 0, ?)""")) {
            Iterator<DemoCatalogGenerator.ProductSpec> specs = generator.products(count);
            while (specs.hasNext()) {
                DemoCatalogGenerator.ProductSpec spec = specs.next();
                long productId = productIds.next();
                Timestamp created = Timestamp.from(spec.createdAt());
                productInsert.setLong(1, productId);
                productInsert.setLong(2, categoryIds.get(spec.categorySlug()));
                productInsert.setString(3, spec.slug());
                productInsert.setString(4, spec.name());
                productInsert.setString(5, spec.description());
                productInsert.setString(6, spec.brand());
                productInsert.setString(7, toJson(spec.attributes()));
                productInsert.setString(8, toJson(spec.images()));
                productInsert.setBoolean(9, spec.featured());
                productInsert.setTimestamp(10, created);
                productInsert.setTimestamp(11, created);
                productInsert.addBatch();
                int position = 0;
                for (DemoCatalogGenerator.VariantSpec variant : spec.variants()) {
                    long variantId = variantIds.next();
                    variantInsert.setLong(1, variantId);
                    variantInsert.setLong(2, productId);
                    variantInsert.setString(3, variant.sku());
                    variantInsert.setString(4, toJson(variant.attributes()));
                    variantInsert.setLong(5, variant.priceAmount());
                    variantInsert.setString(6, generator.currency());
                    variantInsert.setInt(7, position++);
                    variantInsert.setTimestamp(8, created);
                    variantInsert.setTimestamp(9, created);
                    variantInsert.setString(10, variant.image());
                    variantInsert.addBatch();
                    stockInsert.setLong(1, variantId);
                    stockInsert.setInt(2, variant.onHand());
                    stockInsert.setInt(3, variant.lowStockThreshold());
                    stockInsert.addBatch();
                    variants++;
                }
                products++;
                if (products % BATCH_PRODUCTS == 0 || products == count) {
                    productInsert.executeBatch();
                    variantInsert.executeBatch();
                    stockInsert.executeBatch();
                }
                if (products >= nextReport || products == count) {
                    LOG.infof("Loading demo catalog: %,d of %,d products", products, count);
                    nextReport += Math.max(1, count / 10);
                }
            }
        }
        productIds.release(connection);
        variantIds.release(connection);
        return new LoadResult(true, categoryIds.size(), products, variants,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private Map<String, Long> insertCategories(Connection connection, DemoCatalogGenerator generator)
            throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        IdBlock categoryIds = IdBlock.reserve(connection, "categories_seq");
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into categories (id, parent_id, slug, name, description, position)
                values (?, ?, ?, ?, ?, ?)""")) {
            for (DemoCatalogGenerator.CategorySpec category : generator.categories()) {
                long id = categoryIds.next();
                ids.put(category.slug(), id);
                insert.setLong(1, id);
                if (category.parentSlug() == null) {
                    insert.setNull(2, java.sql.Types.BIGINT);
                } else {
                    insert.setLong(2, ids.get(category.parentSlug()));
                }
                insert.setString(3, category.slug());
                insert.setString(4, category.name());
                insert.setString(5, category.description());
                insert.setInt(6, category.position());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        categoryIds.release(connection);
        return ids;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Demo data is not serialisable", e);
        }
    }

    /** What a load did; {@code loaded} is false when the catalog was not empty. */
    public record LoadResult(boolean loaded, int categories, int products, int variants, Duration elapsed) {
        static LoadResult skipped() {
            return new LoadResult(false, 0, 0, 0, Duration.ZERO);
        }
    }

    /**
     * A run of ids above everything the sequence has handed out. Hibernate's pooled optimizer treats
     * each {@code nextval} as the top of the block of ids it may use, so the ids after the value drawn
     * here are free, and setting the sequence to the last one used keeps Hibernate's next block clear.
     */
    private static final class IdBlock {
        private final String sequence;
        private long last;

        private IdBlock(String sequence, long last) {
            this.sequence = sequence;
            this.last = last;
        }

        static IdBlock reserve(Connection connection, String sequence) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select nextval('" + sequence + "')")) {
                rs.next();
                return new IdBlock(sequence, rs.getLong(1));
            }
        }

        long next() {
            return ++last;
        }

        void release(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("select setval('" + sequence + "', " + last + ")");
            }
        }
    }
}
