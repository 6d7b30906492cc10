package dev.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.testing.LogCapture;

@QuarkusTest
class CatalogPagesTest {

    /** Changes made here, behind the store's back, reach its read models before the next request. */
    @jakarta.inject.Inject
    CatalogChanges changes;

    @Test
    void homePageListsDepartmentsAndFeaturedProducts() {
        String html = given().when().get("/").then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract().asString();
        List<Category> departments = QuarkusTransaction.requiringNew()
                .call(() -> Category.<Category>list("parent is null"));
        assertTrue(departments.size() >= 5);
        for (Category department : departments) {
            assertTrue(html.contains("href=\"/c/" + department.slug + "\""), "links " + department.slug);
        }
        Product featured = QuarkusTransaction.requiringNew().call(() -> Product
                .<Product>find("featured = true and active = true order by createdAt desc, id").firstResult());
        assertTrue(html.contains("href=\"/p/" + featured.slug + "\""), "shows featured product " + featured.slug);
        assertTrue(html.contains("Featured"));
        assertTrue(html.contains("name=\"q\""), "has the search box");
        assertTrue(html.contains("href=\"/cart\""), "has the cart link");
    }

    @Test
    void productPageShowsNameBrandBreadcrumbPriceAndVariants() {
        ProductFacts facts = productWithSeveralVariants();
        String html = given().when().get("/p/" + facts.slug).then()
                .statusCode(200)
                .extract().asString();
        assertTrue(html.contains(facts.name), "shows the name");
        assertTrue(html.contains(facts.brand), "shows the brand");
        assertTrue(html.contains("href=\"/c/" + facts.categorySlug + "\""), "breadcrumb to the category");
        for (String sku : facts.skus) {
            assertTrue(html.contains("value=\"" + sku + "\""), "offers variant " + sku);
        }
        assertTrue(html.contains(facts.firstPrice), "shows a price " + facts.firstPrice);
        assertTrue(html.contains("<img src=\"/media/demo/"), "shows the product image");
    }

    @Test
    void choosingAVariantShowsItsSkuAndAvailability() {
        ProductFacts facts = productWithSeveralVariants();
        String chosen = facts.skus.get(facts.skus.size() - 1);
        setStock(chosen, 2);
        given().queryParam("variant", chosen).when().get("/p/" + facts.slug).then()
                .statusCode(200)
                .body(containsString("<span id=\"sku\">" + chosen + "</span>"))
                .body(containsString("Only 2 left"));
        setStock(chosen, 0);
        given().queryParam("variant", chosen).when().get("/p/" + facts.slug).then()
                .statusCode(200)
                .body(containsString("Out of stock"));
    }

    @Test
    void unknownOrInactiveProductGetsTheNotFoundPageWithoutAStackTrace() {
        try (LogCapture log = LogCapture.start()) {
            given().when().get("/p/no-such-product").then()
                    .statusCode(404)
                    .contentType(containsString("text/html"))
                    .body(containsString("couldn't find that page"))
                    .body(not(containsString("Exception")));

            String slug = QuarkusTransaction.requiringNew().call(() -> {
                Product product = Product.find("active = true order by id desc").firstResult();
                product.active = false;
                return product.slug;
            });
            changes.awaitHandled(java.time.Duration.ofSeconds(5));
            try {
                given().when().get("/p/" + slug).then().statusCode(404);
            } finally {
                QuarkusTransaction.requiringNew().run(() -> Product.<Product>find("slug", slug).firstResult().active = true);
                changes.awaitHandled(java.time.Duration.ofSeconds(5));
            }
            assertEquals(List.of(), log.withStackTraces());
        }
    }

    record ProductFacts(String slug, String name, String brand, String categorySlug, List<String> skus,
            String firstPrice) {
    }

    private static ProductFacts productWithSeveralVariants() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Long id = Variant.getEntityManager().createQuery("""
                    select v.product.id from Variant v where v.product.active = true
                    group by v.product.id having count(v) >= 3 order by v.product.id""", Long.class)
                    .setMaxResults(1).getSingleResult();
            Product product = Product.findById(id);
            List<Variant> variants = product.variants;
            long cents = variants.get(0).priceAmount;
            String price = String.format("$%d.%02d", cents / 100, cents % 100);
            return new ProductFacts(product.slug, product.name, product.brand, product.category.slug,
                    variants.stream().map(v -> v.sku).toList(), price);
        });
    }

    private void setStock(String sku, int onHand) {
        QuarkusTransaction.requiringNew().run(() -> {
            Variant variant = Variant.find("sku", sku).firstResult();
            StockLevel level = StockLevel.findById(variant.id);
            level.reserved = 0;
            level.onHand = onHand;
        });
        changes.awaitHandled(java.time.Duration.ofSeconds(5));
    }
}
