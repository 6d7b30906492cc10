package dev.storefront.catalog.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.catalog.Category;
import dev.storefront.catalog.Product;
import dev.storefront.catalog.StockLevel;
import dev.storefront.catalog.Variant;
import dev.storefront.config.StoreConfig;

/** The test profile loads the demo catalog at start; these tests check what landed in PostgreSQL. */
@QuarkusTest
class DemoCatalogLoaderTest {

    @Inject
    DemoCatalogLoader loader;

    @Inject
    StoreConfig config;

    private List<DemoCatalogGenerator.ProductSpec> expectedProducts() {
        List<DemoCatalogGenerator.ProductSpec> specs = new ArrayList<>();
        new DemoCatalogGenerator(config.demoCatalog().seed(), config.currency())
                .products(config.demoCatalog().products()).forEachRemaining(specs::add);
        return specs;
    }

    @Test
    void startupLoadedExactlyTheGeneratedCatalog() {
        List<DemoCatalogGenerator.ProductSpec> specs = expectedProducts();
        long expectedVariants = specs.stream().mapToLong(p -> p.variants().size()).sum();
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(new DemoCatalogGenerator(1, "USD").categories().size(), Category.count());
            assertEquals(specs.size(), Product.count());
            assertEquals(expectedVariants, Variant.count());
            assertEquals(expectedVariants, StockLevel.count(), "every SKU has a stock row");

            DemoCatalogGenerator.ProductSpec last = specs.get(specs.size() - 1);
            Product product = Product.find("slug", last.slug()).firstResult();
            assertEquals(last.name(), product.name);
            assertEquals(last.brand(), product.brand);
            assertEquals(last.images(), product.images);
            assertEquals(last.attributes(), product.attributes);
            assertEquals(last.categorySlug(), product.category.slug);
            assertEquals(last.variants().get(0).sku(), product.variants.get(0).sku);
            assertEquals(last.variants().get(0).attributes(), product.variants.get(0).attributes);
            assertEquals(last.variants().get(0).priceAmount(), product.variants.get(0).priceAmount);
        });
    }

    @Test
    void aSecondLoadLeavesTheCatalogAlone() throws Exception {
        long before = QuarkusTransaction.requiringNew().call(() -> Product.count());
        DemoCatalogLoader.LoadResult result = loader.load(new DemoCatalogGenerator(99, "USD"), 50);
        assertFalse(result.loaded());
        long after = QuarkusTransaction.requiringNew().call(() -> Product.count());
        assertEquals(before, after);
    }

    @Test
    void hibernateKeepsCreatingRowsAfterTheBulkLoad() {
        long maxId = QuarkusTransaction.requiringNew().call(() -> Category.<Category>find("order by id desc")
                .firstResult().id);
        Long newId = QuarkusTransaction.requiringNew().call(() -> {
            Category category = new Category();
            category.slug = "loader-test-" + System.nanoTime();
            category.name = "Loader test";
            category.persist();
            return category.id;
        });
        try {
            assertTrue(newId > maxId, "new id " + newId + " is above the loaded ids (max " + maxId + ")");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Category.deleteById(newId));
        }
    }
}
