package dev.storefront.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.catalog.CatalogChanges;
import dev.storefront.catalog.Category;
import dev.storefront.catalog.Product;
import dev.storefront.catalog.StockLevel;
import dev.storefront.catalog.Variant;

/**
 * The index follows the database without a restart: creations, edits, sell-outs and switch-offs, made
 * through entities or with SQL, each searchable once its announcement is handled (CatalogChanges).
 */
@QuarkusTest
class SearchIndexTest {

    @Inject
    SearchIndex searchIndex;

    @Inject
    EntityManager entityManager;

    @Inject
    CatalogChanges changes;

    @Test
    void aProductIsFoundRenamedSoldOutAndHiddenAsTheDatabaseChanges() {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Product product = new Product();
            product.category = Category.<Category>find("slug", "lighting").firstResult();
            product.slug = "quokka-velvet-ottoman";
            product.name = "Quokka Velvet Ottoman";
            product.brand = "Test Atelier";
            product.description = "A footstool for testing the index.";
            product.persist();
            Variant variant = new Variant();
            variant.product = product;
            variant.sku = "QVO-1";
            variant.priceAmount = 12_900;
            variant.currency = "USD";
            variant.attributes = Map.of("colour", "Teal");
            variant.persist();
            product.variants.add(variant);
            StockLevel.forVariant(variant, 4).persist();
            return product.id;
        });
        handled();
        assertEquals(List.of("quokka-velvet-ottoman"), slugs("quokka ottoman", false), "found once created");
        assertEquals(List.of("quokka-velvet-ottoman"), slugs("QVO-1", false), "found by its SKU");
        assertEquals(List.of("quokka-velvet-ottoman"), slugs("quokka", true), "in stock");

        QuarkusTransaction.requiringNew().run(() -> Product.<Product>findById(id).name = "Quokka Linen Pouffe");
        handled();
        assertEquals(List.of("quokka-velvet-ottoman"), slugs("pouffe", false), "found by its new name");
        assertEquals(List.of(), slugs("ottoman", false), "no longer by its old name");

        QuarkusTransaction.requiringNew().run(() -> StockLevel.<StockLevel>find("variant.sku", "QVO-1")
                .firstResult().onHand = 0);
        handled();
        assertEquals(List.of(), slugs("quokka", true), "sold out: gone from in-stock results");
        assertEquals(List.of("quokka-velvet-ottoman"), slugs("quokka", false), "still listed as out of stock");

        QuarkusTransaction.requiringNew().run(() -> Product.<Product>findById(id).active = false);
        handled();
        assertEquals(List.of(), slugs("quokka", false), "switched off: hidden from shoppers");
    }

    @Test
    void rowsWrittenBySqlAreIndexedTooAndARebuildKeepsThem() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into products (id, category_id, slug, name, brand, description, attributes, images)
                select nextval('products_seq'), id, 'wombat-wool-blanket', 'Wombat Wool Blanket', 'Test Mill',
                       'Loaded by SQL.', '{}', '[]' from categories where slug = 'bedding';
                insert into variants (id, product_id, sku, attributes, price_amount, currency, position)
                select nextval('variants_seq'), id, 'WWB-1', '{}', 5900, 'USD', 0 from products
                where slug = 'wombat-wool-blanket'""").executeUpdate());
        handled();
        assertEquals(List.of("wombat-wool-blanket"), slugs("wombat", false), "SQL bypasses Hibernate, not the index");

        assertTrue(searchIndex.rebuild(), "rebuild ran");
        assertEquals(List.of("wombat-wool-blanket"), slugs("wombat", false), "found after the rebuild");
        long products = QuarkusTransaction.requiringNew().call(() -> Product.count());
        assertEquals(products, searchIndex.documentCount(), "every product indexed");
    }

    @Test
    void onlyAnAdminMayRebuildTheIndexThroughTheApi() {
        given().contentType("application/json").when().post("/api/v1/admin/search/reindex").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(401));
    }

    private void handled() {
        changes.awaitHandled(Duration.ofSeconds(5));
    }

    private static List<String> slugs(String text, boolean inStockOnly) {
        var request = given().queryParam("q", text);
        if (inStockOnly) {
            request.queryParam("inStock", true);
        }
        return request.when().get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath().getList("items.slug", String.class);
    }
}
