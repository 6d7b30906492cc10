package dev.storefront.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.catalog.Category;
import dev.storefront.catalog.Product;

/** Category and search pages as a shopper without JavaScript uses them, and what search engines read. */
@QuarkusTest
class SearchPagesTest {

    private static final Pattern LINK = Pattern.compile("href=\"([^\"]+)\"");

    @Test
    void aCategoryPageListsItsProductsWithFacetsThatNarrowAndCanBeRemoved() {
        String html = page("/c/clothing");
        assertTrue(html.contains("<h1 class=\"listing-title\">Clothing</h1>"));
        int total = total(html);
        assertTrue(total > 24, "clothing has more than one page");
        assertTrue(html.contains("href=\"/c/dresses\""), "links its subcategories");

        String brandLink = firstLinkStartingWith(html, "/c/clothing?brand=");
        String narrowed = page(brandLink);
        assertTrue(total(narrowed) < total, "picking a brand narrows the listing");
        assertTrue(narrowed.contains("aria-current=\"true\""), "the picked brand shows as selected");

        String colourLink = firstLinkStartingWith(narrowed, brandLink + "&colour=");
        String twice = page(colourLink);
        assertTrue(total(twice) <= total(narrowed), "a colour narrows further");
        assertTrue(twice.contains("class=\"chips\""), "filters in force are shown as removable chips");

        // removing the brand chip keeps the colour
        String withoutBrand = chipLinks(twice).stream().filter(link -> !link.contains("brand=")).findFirst()
                .orElseThrow();
        assertTrue(withoutBrand.contains("colour="), "removing one filter keeps the other");
        assertTrue(total(page(withoutBrand)) >= total(twice));
    }

    @Test
    void paginationAndSortingTravelInTheUrl() {
        String first = page("/c/clothing?sort=price-asc");
        assertTrue(first.contains("href=\"/c/clothing?sort=price-asc&amp;page=2\"") 
                || first.contains("href=\"/c/clothing?sort=price-asc&page=2\""), "page 2 keeps the order");
        String second = page("/c/clothing?sort=price-asc&page=2");
        assertTrue(second.contains("<span aria-current=\"page\">2</span>"));
        assertTrue(second.contains("rel=\"prev\""));
        assertTrue(second.contains("<option value=\"price-asc\" selected>"), "the sort box shows the order");
        assertFalse(cardSlugs(first).isEmpty());
        assertTrue(cardSlugs(first).stream().noneMatch(cardSlugs(second)::contains), "pages do not overlap");
    }

    @Test
    void searchResultsShowTheQueryAndMatchingProducts() {
        String html = page("/search?q=wireless+headphones");
        assertTrue(html.contains("Results for “wireless headphones”"));
        assertTrue(html.contains("value=\"wireless headphones\""), "the search box keeps the words");
        assertTrue(html.contains("Wireless Headphones"));
        assertTrue(html.contains("name=\"robots\" content=\"noindex, follow\""), "results are not indexed");
    }

    @Test
    void nothingFoundSuggestsASpellingAndPopularCategories() {
        // the words as typed (a corrected search shows the correction's products instead)
        String html = page("/search?q=hedfones&asTyped=true");
        assertTrue(html.contains("Did you mean <a href=\"/search?q=headphones\">headphones</a>?"), html);
        assertTrue(html.contains("Popular categories"));
        Category popular = QuarkusTransaction.requiringNew().call(() -> Category.<Category>find("slug", "trousers-jeans")
                .firstResult());
        assertTrue(html.contains("href=\"/c/" + popular.slug + "\""), "the biggest category is suggested");
        String corrected = page("/search?q=headphones");
        assertTrue(total(corrected) > 0, "the suggestion finds products");
    }

    @Test
    void anUnknownCategoryIsA404Page() {
        given().when().get("/c/no-such-category").then().statusCode(404).contentType(containsString("text/html"));
    }

    @Test
    void productPagesCarryCanonicalOpenGraphAndStructuredData() throws Exception {
        Product product = QuarkusTransaction.requiringNew().call(() -> Product.<Product>find(
                "active = true and size(variants) > 1 order by id").firstResult());
        String html = page("/p/" + product.slug);
        assertTrue(html.contains("<link rel=\"canonical\" href=\"http://localhost:8080/p/" + product.slug + "\">"));
        assertTrue(html.contains("<meta property=\"og:type\" content=\"product\">"));
        assertTrue(html.contains("<meta property=\"og:image\" content=\"http://localhost:8080/media/demo/"));
        assertTrue(html.contains("<title>" + product.name.replace("&", "&amp;") + " | "));
        assertTrue(html.contains("<meta name=\"description\""));
        Matcher script = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(script.find(), "has JSON-LD");
        JsonNode data = new ObjectMapper().readTree(script.group(1));
        assertEquals("Product", data.get("@type").asText());
        assertEquals(product.name, data.get("name").asText());
        JsonNode offers = data.get("offers");
        assertNotNull(offers.get("priceCurrency"));
        assertTrue(offers.get("availability").asText().startsWith("https://schema.org/"));
        assertTrue(html.contains("class=\"related\""), "shows related products");
        assertFalse(relatedSlugs(html).contains(product.slug), "a product is not related to itself");
    }

    @Test
    void catalogPagesAnswer304WhenTheBrowserIsCurrent() {
        for (String path : List.of("/", "/c/clothing", "/search?q=mug")) {
            // a browser keeps its cookies (the CSRF token in the add-to-cart forms is per browser)
            io.restassured.filter.cookie.CookieFilter browser = new io.restassured.filter.cookie.CookieFilter();
            var response = given().filter(browser).when().get(path).then().statusCode(200).extract();
            String etag = response.header("ETag");
            assertNotNull(etag, path + " has an ETag");
            assertEquals("private, no-cache", response.header("Cache-Control"));
            given().filter(browser).header("If-None-Match", etag).when().get(path).then().statusCode(304);
        }
    }

    @Test
    void sitemapListsEveryCategoryAndActiveProductAndRobotsPointsToIt() {
        String xml = given().when().get("/sitemap.xml").then().statusCode(200)
                .contentType(containsString("application/xml")).extract().asString();
        List<String> slugs = QuarkusTransaction.requiringNew().call(() -> Product.<Product>list("active = true")
                .stream().map(p -> p.slug).toList());
        for (String slug : slugs) {
            assertTrue(xml.contains("<loc>http://localhost:8080/p/" + slug + "</loc>"), "lists " + slug);
        }
        List<String> inactive = QuarkusTransaction.requiringNew().call(() -> Product.<Product>list("active = false")
                .stream().map(p -> p.slug).toList());
        inactive.forEach(slug -> assertFalse(xml.contains("/p/" + slug + "<"), "hides " + slug));
        long categories = QuarkusTransaction.requiringNew().call(() -> Category.count());
        assertEquals(categories, xml.split("<loc>http://localhost:8080/c/", -1).length - 1L);
        given().when().get("/robots.txt").then().statusCode(200)
                .body(containsString("Sitemap: http://localhost:8080/sitemap.xml"))
                .body(containsString("Disallow: /checkout"));
    }

    private static String page(String url) {
        return given().urlEncodingEnabled(false).when().get(url.replace("&amp;", "&")).then().statusCode(200)
                .extract().asString();
    }

    private static int total(String html) {
        Matcher count = Pattern.compile("of (\\d+) products|(\\d+) product\\b|No products").matcher(html);
        assertTrue(count.find(), "shows a count");
        if (count.group(1) != null) {
            return Integer.parseInt(count.group(1));
        }
        return count.group(2) != null ? Integer.parseInt(count.group(2)) : 0;
    }

    private static String firstLinkStartingWith(String html, String prefix) {
        Matcher links = LINK.matcher(html);
        while (links.find()) {
            String link = links.group(1).replace("&amp;", "&");
            if (link.startsWith(prefix)) {
                return link;
            }
        }
        throw new AssertionError("no link starting with " + prefix);
    }

    private static List<String> chipLinks(String html) {
        String chips = html.substring(html.indexOf("class=\"chips\""), html.indexOf("</ul>", html.indexOf("class=\"chips\"")));
        List<String> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(chips);
        while (matcher.find()) {
            links.add(matcher.group(1).replace("&amp;", "&"));
        }
        return links;
    }

    private static List<String> cardSlugs(String html) {
        List<String> slugs = new ArrayList<>();
        Matcher matcher = Pattern.compile("<li class=\"card\">\\s*<a href=\"/p/([^\"]+)\"").matcher(html);
        while (matcher.find()) {
            slugs.add(matcher.group(1));
        }
        return slugs;
    }

    private static List<String> relatedSlugs(String html) {
        return cardSlugs(html.substring(html.indexOf("class=\"related\"")));
    }
}
