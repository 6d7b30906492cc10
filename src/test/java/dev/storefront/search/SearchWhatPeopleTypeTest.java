package dev.storefront.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.storefront.catalog.CatalogChanges;
import dev.storefront.catalog.Category;
import dev.storefront.catalog.Product;
import dev.storefront.catalog.StockLevel;
import dev.storefront.catalog.Variant;

/**
 * Searches real people type: a colour, a gender or a material with a product type ("red jacket", "mens
 * jacket"), a word that is one letter from another ("cafe" is not "care"), a SKU off a label, a typo that
 * is corrected and said to be, and a page number past the end of a listing.
 */
@QuarkusTest
class SearchWhatPeopleTypeTest {

    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

    private static String redJacket;
    private static String navyJacket;
    private static String redLamp;

    @Inject
    CatalogChanges changes;

    @BeforeAll
    static void twoJacketsAndALamp() {
        redJacket = product("jackets-coats", "Kestrel Rain Jacket", Map.of("gender", "Men", "material", "Nylon"),
                "Red", "Black");
        navyJacket = product("jackets-coats", "Kestrel Quilted Jacket", Map.of("gender", "Women"), "Navy");
        redLamp = product("lighting", "Kestrel Desk Lamp", Map.of("material", "Steel"), "Red");
    }

    @AfterAll
    static void switchThemOff() {
        QuarkusTransaction.requiringNew().run(() -> Product.update("active = false where slug in ?1",
                List.of(redJacket, navyJacket, redLamp)));
    }

    @Test
    void colourGenderAndMaterialWordsCombineWithProductTypes() {
        changes.awaitHandled(Duration.ofSeconds(10));
        List<String> red = slugs("red jacket");
        assertTrue(red.contains(redJacket), "a jacket that comes in red: " + red);
        assertFalse(red.contains(navyJacket), "a navy jacket is not a red one");
        assertFalse(red.contains(redLamp), "a red lamp is not a jacket");

        List<String> navy = slugs("navy jacket");
        assertTrue(navy.contains(navyJacket) && !navy.contains(redJacket), navy.toString());

        List<String> mens = slugs("mens jacket");
        assertTrue(mens.contains(redJacket) && !mens.contains(navyJacket), "cut for men: " + mens);
        List<String> womens = slugs("women's jackets");
        assertTrue(womens.contains(navyJacket) && !womens.contains(redJacket), "cut for women: " + womens);

        assertTrue(slugs("nylon jacket").contains(redJacket), "materials are words too");
        assertTrue(slugs("red lamp").contains(redLamp));

        // ranked: what comes first for "red jacket" is a jacket (or coat) that comes in red
        for (String slug : red.subList(0, Math.min(5, red.size()))) {
            JsonPath product = given().when().get("/api/v1/products/" + slug).then().statusCode(200).extract().jsonPath();
            assertEquals("jackets-coats", product.getString("category"), slug);
            assertTrue(product.getList("variants.attributes.colour", String.class).contains("Red"), slug);
        }
    }

    @Test
    void aWordIsNotTakenForAnotherOneLetterAway() {
        List<String> cafe = slugs("cafe");
        assertFalse(cafe.isEmpty(), "the demo catalog sells café things");
        for (String slug : cafe.subList(0, Math.min(24, cafe.size()))) {
            JsonPath product = given().when().get("/api/v1/products/" + slug).then().statusCode(200).extract().jsonPath();
            String text = fold(product.getString("name") + " " + product.getString("description"));
            assertTrue(text.contains("cafe"), "'cafe' found " + product.getString("name") + ", which says nothing of it");
        }
    }

    @Test
    void aSkuFindsItsProductAndNothingElse() {
        String sku = QuarkusTransaction.requiringNew().call(() -> Variant.<Variant>find(
                "sku like 'BOT-%' and active = true and product.active = true order by sku").firstResult().sku);
        String slug = QuarkusTransaction.requiringNew().call(() -> Variant.<Variant>find("sku", sku).firstResult()
                .product.slug);
        assertEquals(List.of(slug), slugs(sku), "a boot's SKU finds that boot, not bottle cages");
        assertEquals(List.of(slug), slugs(sku.toLowerCase(Locale.ROOT)));
    }

    @Test
    void aCorrectedSearchSaysSoAndOffersTheWordsAsTyped() {
        given().queryParam("q", "jakcet").when().get("/api/v1/search").then().statusCode(200)
                .body("total", greaterThan(0)).body("didYouMean", equalTo("jacket"))
                .body("showingResultsFor", equalTo("jacket"));
        given().queryParam("q", "jakcet").queryParam("asTyped", true).when().get("/api/v1/search").then()
                .statusCode(200).body("total", equalTo(0)).body("didYouMean", equalTo("jacket"))
                .body("showingResultsFor", nullValue());

        String page = given().queryParam("q", "jakcet").when().get("/search").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("Showing results for <strong>jacket</strong>"), page);
        assertTrue(page.contains("href=\"/search?q=jakcet&amp;asTyped=true\">jakcet</a>"), "search the words as typed");
        String asTyped = given().queryParam("q", "jakcet").queryParam("asTyped", true).when().get("/search").then()
                .statusCode(200).extract().asString();
        assertTrue(asTyped.contains("Did you mean") && !asTyped.contains("Showing results for"), asTyped);
    }

    @Test
    void aPagePastTheEndGoesToTheLastPage() {
        String slug = "jackets-coats";
        int total = given().when().get("/api/v1/products?category=" + slug).then().statusCode(200)
                .extract().path("total");
        int lastPage = Math.max(1, (total + 23) / 24);
        String location = given().redirects().follow(false).when().get("/c/" + slug + "?page=99").then()
                .statusCode(303).header("Location", endsWith(lastPage == 1 ? "/c/" + slug : "page=" + lastPage))
                .extract().header("Location");
        given().when().get(location).then().statusCode(200).body(containsString("class=\"card"));
        given().redirects().follow(false).when().get("/search?q=jacket&page=999").then().statusCode(303);
    }

    private static List<String> slugs(String text) {
        return given().queryParam("q", text).queryParam("size", 100).when().get("/api/v1/search").then()
                .statusCode(200).extract().jsonPath().getList("items.slug", String.class);
    }

    private static String product(String category, String name, Map<String, String> facts, String... colours) {
        String slug = name.toLowerCase(Locale.ROOT).replace(' ', '-') + "-" + RUN;
        QuarkusTransaction.requiringNew().run(() -> {
            Product product = new Product();
            product.category = Category.<Category>find("slug", category).firstResult();
            product.slug = slug;
            product.name = name;
            product.brand = "Test Outfitters";
            product.description = "Made for testing search.";
            product.attributes.putAll(facts);
            product.persist();
            int position = 0;
            for (String colour : colours) {
                Variant variant = new Variant();
                variant.product = product;
                variant.sku = ("KST-" + RUN + "-" + Math.floorMod(slug.hashCode(), 1000) + "-" + position)
                        .toUpperCase(Locale.ROOT);
                variant.position = position++;
                variant.priceAmount = 8_900;
                variant.currency = "USD";
                variant.attributes = Map.of("size", "M", "colour", colour);
                variant.persist();
                product.variants.add(variant);
                StockLevel.forVariant(variant, 5).persist();
            }
        });
        return slug;
    }

    private static String fold(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
