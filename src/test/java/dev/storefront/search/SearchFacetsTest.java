package dev.storefront.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Facet counts must be what the database says: each facet is counted over the products matching
 * every other filter (so that picking a brand still shows the other brands), compared here with SQL
 * over the same rules.
 */
@QuarkusTest
class SearchFacetsTest {

    /** A product shoppers see: active, with its lowest active price and whether any active SKU is available. */
    private static final String LISTED = """
            with listed as (
              select p.id, p.brand, c.slug as category, coalesce(d.slug, c.slug) as department,
                     min(v.price_amount) as price,
                     bool_or(coalesce(s.on_hand - s.reserved, 0) > 0) as in_stock
              from products p join categories c on c.id = p.category_id
              left join categories d on d.id = c.parent_id
              join variants v on v.product_id = p.id and v.active
              left join stock_levels s on s.variant_id = v.id
              where p.active group by p.id, p.brand, c.slug, d.slug)
            """;

    @Inject
    EntityManager entityManager;

    @Test
    void everyFacetOfTheWholeCatalogMatchesSql() {
        JsonPath listing = listing(given());
        assertEquals(sqlCount("true"), listing.getLong("total"));
        assertEquals(sqlGroups("brand", "true"), facet(listing, "brand"));
        assertEquals(sqlGroups("category", "true"), facet(listing, "category"));
        assertEquals(sqlVariantGroups("colour", "true"), facet(listing, "colour"));
        assertEquals(sqlVariantGroups("size", "true"), facet(listing, "sizeOption"));
        assertEquals(sqlCount("in_stock"), facet(listing, "inStock").get("true"));
        assertEquals(sqlPriceBands("true"), facet(listing, "price"));
    }

    @Test
    void aDepartmentInStockCountsColoursSizesAndBrandsLikeSql() {
        JsonPath listing = listing(given().queryParam("category", "clothing").queryParam("inStock", "true"));
        String filter = "department = 'clothing' and in_stock";
        assertEquals(sqlCount(filter), listing.getLong("total"));
        assertEquals(sqlGroups("brand", filter), facet(listing, "brand"));
        assertEquals(sqlVariantGroups("colour", filter), facet(listing, "colour"));
        assertEquals(sqlVariantGroups("size", filter), facet(listing, "sizeOption"));
        // the in-stock facet itself is counted without its own filter
        assertEquals(sqlCount("department = 'clothing' and in_stock"), facet(listing, "inStock").get("true"));
    }

    @Test
    void pickedBrandsKeepTheOtherBrandsCountedAndNarrowEverythingElse() {
        List<String> brands = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select brand from products where active group by brand order by count(*) desc limit 2", String.class)
                .getResultList());
        JsonPath listing = listing(given().queryParam("brand", brands.get(0)).queryParam("brand", brands.get(1))
                .queryParam("minPrice", 2500).queryParam("maxPrice", 9999));
        String brandsIn = "brand in ('" + brands.get(0) + "', '" + brands.get(1) + "')";
        String price = "price between 2500 and 9999";
        assertEquals(sqlCount(brandsIn + " and " + price), listing.getLong("total"));
        Map<String, Long> brandFacet = facet(listing, "brand");
        assertEquals(sqlGroups("brand", price), brandFacet, "brands counted without the brand filter");
        assertTrue(brandFacet.size() > 2, "other brands stay on offer");
        assertEquals(sqlGroups("category", brandsIn + " and " + price), facet(listing, "category"));
        assertEquals(sqlPriceBands(brandsIn), facet(listing, "price"), "price bands counted without the price filter");
    }

    @Test
    void aColourAndASizeTogetherNarrowToProductsHavingBoth() {
        JsonPath listing = listing(given().queryParam("colour", "Navy").queryParam("sizeOption", "M"));
        String both = "exists (select 1 from variants v where v.product_id = listed.id and v.active"
                + " and v.attributes->>'colour' = 'Navy')"
                + " and exists (select 1 from variants v where v.product_id = listed.id and v.active"
                + " and v.attributes->>'size' = 'M')";
        long total = listing.getLong("total");
        assertTrue(total > 0, "the demo catalog has navy products in M");
        assertEquals(sqlCount(both), total);
        assertEquals(sqlGroups("brand", both), facet(listing, "brand"));
        assertFalse(listing.getList("items").isEmpty());
    }

    private static JsonPath listing(RequestSpecification request) {
        return request.queryParam("size", 1).when().get("/api/v1/products").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Long> facet(JsonPath listing, String name) {
        Map<String, Long> counts = new TreeMap<>();
        List<Map<String, Object>> values = listing.getList("facets." + name);
        for (Map<String, Object> value : values) {
            long count = ((Number) value.get("count")).longValue();
            if (count > 0) {
                counts.put((String) value.get("value"), count);
            }
        }
        return counts;
    }

    private long sqlCount(String where) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery(LISTED + "select count(*) from listed where " + where).getSingleResult())
                .longValue());
    }

    private Map<String, Long> sqlGroups(String column, String where) {
        return groups(LISTED + "select " + column + ", count(*) from listed where " + where + " group by 1");
    }

    /** Products per variant attribute value: a product counts once per value any active variant has. */
    private Map<String, Long> sqlVariantGroups(String attribute, String where) {
        return groups(LISTED + "select v.attributes->>'" + attribute + "', count(distinct listed.id) from listed"
                + " join variants v on v.product_id = listed.id and v.active"
                + " where v.attributes->>'" + attribute + "' is not null and " + where + " group by 1");
    }

    private Map<String, Long> sqlPriceBands(String where) {
        Map<String, Long> bands = new TreeMap<>();
        for (long[] band : ProductSearch.PRICE_BANDS) {
            String range = band[1] < 0 ? "price >= " + band[0] : "price between " + band[0] + " and " + band[1];
            long count = sqlCount(where + " and " + range);
            if (count > 0) {
                bands.put(band[0] + "-" + (band[1] < 0 ? "" : band[1]), count);
            }
        }
        return bands;
    }

    private Map<String, Long> groups(String sql) {
        List<Object[]> rows = QuarkusTransaction.requiringNew()
                .call(() -> new ArrayList<Object[]>(entityManager.createNativeQuery(sql, Object[].class).getResultList()));
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }
}
