package dev.storefront.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.testing.LogCapture;

@QuarkusTest
class SearchApiTest {

    @Test
    void badParametersAreA400NamingEachOneAndNeverA500() {
        String longText = "a".repeat(10_000);
        Object[][] cases = {
                { "page", "-1" }, { "page", "abc" }, { "size", "10000" }, { "size", "0" }, { "minPrice", "abc" },
                { "maxPrice", "-5" }, { "sort", "cheapest" }, { "inStock", "maybe" }, { "q", longText } };
        try (LogCapture log = LogCapture.start()) {
            for (Object[] c : cases) {
                for (String path : List.of("/api/v1/search", "/api/v1/products")) {
                    if (c[0].equals("q") && path.equals("/api/v1/products")) {
                        continue;
                    }
                    var request = c[0].equals("q") ? given() : given().queryParam("q", "shirt");
                    request.queryParam((String) c[0], c[1])
                            .when().get(path).then()
                            .statusCode(400)
                            .contentType("application/problem+json")
                            .body("status", equalTo(400))
                            .body("errors.field", hasItem(c[0]))
                            .body("detail", containsString((String) c[0]));
                }
            }
            assertEquals(List.of(), log.withStackTraces(), "bad input logs no stack trace");
        }
    }

    @Test
    void minimumAboveMaximumPriceIsRejected() {
        given().queryParam("minPrice", 5000).queryParam("maxPrice", 100)
                .when().get("/api/v1/products").then()
                .statusCode(400).body("errors.field", hasItem("maxPrice"));
    }

    @Test
    void pagesShowProductsWhateverTheParameters() {
        String longText = "shirt ".repeat(2_000);
        for (String query : List.of("page=-1", "size=10000", "minPrice=abc", "sort=cheapest", "inStock=maybe",
                "page=999999", "q=" + longText, "maxPrice=1&minPrice=99999")) {
            given().urlEncodingEnabled(true).when().get("/search?" + query.replace(" ", "+")).then()
                    .statusCode(200).contentType(containsString("text/html"));
            given().when().get("/c/clothing?" + query.replace(" ", "+")).then().statusCode(200);
        }
        String html = given().queryParam("size", 10000).when().get("/c/clothing").then().statusCode(200)
                .extract().asString();
        int cards = html.split("class=\"card\"", -1).length - 1;
        assertEquals(100, cards, "an oversized page is brought down to 100 products");
    }

    @Test
    void listingHasTheContractShape() {
        given().queryParam("category", "clothing").queryParam("size", 5).queryParam("page", 2)
                .when().get("/api/v1/products").then()
                .statusCode(200)
                .body("items", hasSize(5))
                .body("page", equalTo(2))
                .body("size", equalTo(5))
                .body("total", greaterThan(5))
                .body("items[0].slug", org.hamcrest.Matchers.notNullValue())
                .body("items[0].price.amount", greaterThan(0))
                .body("items[0].price.currency", equalTo("USD"))
                .body("items[0].image", startsWith("/media/"))
                .body("facets.brand[0].value", org.hamcrest.Matchers.notNullValue())
                .body("facets.brand[0].count", greaterThan(0));
    }

    @Test
    void sortingByPriceOrdersTheWholeListing() {
        List<Integer> ascending = given().queryParam("sort", "price-asc").queryParam("size", 100)
                .when().get("/api/v1/products").then().statusCode(200)
                .extract().jsonPath().getList("items.price.amount", Integer.class);
        for (int i = 1; i < ascending.size(); i++) {
            assertTrue(ascending.get(i - 1) <= ascending.get(i), "ascending at " + i);
        }
        List<Integer> descending = given().queryParam("sort", "price-desc").queryParam("size", 3)
                .when().get("/api/v1/products").then().statusCode(200)
                .extract().jsonPath().getList("items.price.amount", Integer.class);
        assertTrue(descending.get(0) >= ascending.get(ascending.size() - 1));
    }

    @Test
    void suggestionsStartAfterTwoCharactersAndStopAtEight() {
        given().queryParam("q", "w").when().get("/api/v1/search/suggest").then()
                .statusCode(200).body("suggestions", hasSize(0));
        given().queryParam("q", "wirel").when().get("/api/v1/search/suggest").then()
                .statusCode(200)
                .body("suggestions.size()", lessThanOrEqualTo(8))
                .body("suggestions.size()", greaterThan(0))
                .body("suggestions.name", everyItem(containsString("Wireless")))
                .body("suggestions[0].url", startsWith("/p/"));
        
        given().queryParam("q", "s".repeat(201)).when().get("/api/v1/search/suggest").then()
                .statusCode(400).body("errors.field", hasItem("q"));
        int many = given().queryParam("q", "sh").when().get("/api/v1/search/suggest").then().statusCode(200)
                .extract().jsonPath().getList("suggestions").size();
        assertEquals(8, many, "a common prefix fills all eight places");
    }

    @Test
    void aMisspelledQueryWithNoResultSuggestsACorrection() {
        given().queryParam("q", "hedfones").queryParam("asTyped", true).when().get("/api/v1/search").then()
                .statusCode(200)
                .body("total", equalTo(0))
                .body("didYouMean", equalTo("headphones"));
    }

    @Test
    void categoriesAndProductDetailsFollowTheContract() {
        given().when().get("/api/v1/categories").then()
                .statusCode(200)
                .body("slug", hasItem("clothing"))
                .body("find { it.slug == 'clothing' }.children.slug", hasItem("dresses"));
        String slug = given().queryParam("size", 1).when().get("/api/v1/products").then()
                .extract().jsonPath().getString("items[0].slug");
        given().when().get("/api/v1/products/" + slug).then()
                .statusCode(200)
                .body("slug", equalTo(slug))
                .body("variants.size()", greaterThan(0))
                .body("variants[0].sku", org.hamcrest.Matchers.notNullValue())
                .body("variants[0].price.amount", greaterThan(0))
                .body("variants[0].available", greaterThan(-1));
        given().when().get("/api/v1/products/no-such-product").then()
                .statusCode(404).contentType("application/problem+json");
    }
}
