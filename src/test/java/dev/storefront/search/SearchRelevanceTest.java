package dev.storefront.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Search quality over the demo catalog: for each query, which products a shopper expects in the top
 * five. Precision@5 for a query is the share of those five places held by relevant products (out of
 * five, or of all relevant products when there are fewer). The suite prints each query's result and
 * fails when the mean drops below 0.9.
 */
@QuarkusTest
class SearchRelevanceTest {

    private static final double REQUIRED_PRECISION = 0.9;

    @Inject
    EntityManager entityManager;

    private Map<String, Row> catalog;

    /** What the judges look at: one listed product. */
    record Row(String slug, String name, String brand, String category, String department, List<String> skus) {
    }

    record Case(String query, String expectation, Predicate<Row> relevant, boolean exactNameFirst) {
    }

    @BeforeEach
    void readCatalog() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                select p.slug, p.name, p.brand, c.slug, coalesce(d.slug, c.slug), string_agg(v.sku, ' ')
                from products p join categories c on c.id = p.category_id
                left join categories d on d.id = c.parent_id
                join variants v on v.product_id = p.id and v.active
                where p.active group by p.slug, p.name, p.brand, c.slug, d.slug""", Object[].class).getResultList());
        catalog = rows.stream().map(r -> new Row((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], Arrays.asList(((String) r[5]).split(" "))))
                .collect(Collectors.toMap(Row::slug, Function.identity()));
    }

    @Test
    void shoppersFindWhatTheyMeanAtLeastNineTimesInTen() {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 30, "at least 30 queries");
        List<String> report = new ArrayList<>();
        double sum = 0;
        List<String> exactNameFailures = new ArrayList<>();
        for (Case c : cases) {
            long relevantInCatalog = catalog.values().stream().filter(c.relevant()).count();
            assertTrue(relevantInCatalog > 0, "the demo catalog has something for '" + c.query() + "'");
            List<String> top = given().queryParam("q", c.query()).queryParam("size", 5)
                    .when().get("/api/v1/search").then().statusCode(200)
                    .extract().jsonPath().getList("items.slug", String.class);
            long hits = top.stream().map(catalog::get).filter(row -> row != null && c.relevant().test(row)).count();
            double precision = (double) hits / Math.min(5, relevantInCatalog);
            sum += precision;
            if (c.exactNameFirst() && (top.isEmpty() || !c.relevant().test(catalog.get(top.get(0))))) {
                exactNameFailures.add(c.query());
            }
            report.add(String.format(Locale.ROOT, "%-38s %4.2f  %-34s top: %s", "'" + c.query() + "'", precision,
                    c.expectation(), top.stream().map(slug -> catalog.get(slug).name()).toList()));
        }
        double mean = sum / cases.size();
        System.out.println("Search relevance over " + catalog.size() + " products, " + cases.size() + " queries:");
        report.forEach(line -> System.out.println("  " + line));
        System.out.printf(Locale.ROOT, "precision@5 = %.3f (required %.2f)%n", mean, REQUIRED_PRECISION);
        assertTrue(mean >= REQUIRED_PRECISION, String.format(Locale.ROOT, "precision@5 %.3f", mean));
        assertEquals(List.of(), exactNameFailures, "an exact product name ranks first");
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // exact names: the product itself first
        for (String name : List.of("Summit Straight Jeans", "Orchard Niacinamide Night Cream",
                "Zephyr Braided Nylon Wireless Charger", "Coastal Aluminium Power Bank")) {
            cases.add(new Case(name, "that product, first", row -> row.name().equals(name), true));
        }
        // SKUs, as printed on a label, in any case
        for (String sku : List.of("HDP-000193-1", "ckw-000290-1", "Fit-000387-2")) {
            cases.add(new Case(sku, "the product with that SKU",
                    row -> row.skus().stream().anyMatch(s -> s.equalsIgnoreCase(sku)), true));
        }
        // product types, singular and plural
        cases.add(named("wireless headphones", "Wireless Headphones"));
        cases.add(named("skillets", "Skillet"));
        cases.add(named("yoga mat", "Yoga Mat"));
        cases.add(named("power banks", "Power Bank"));
        cases.add(named("conditioner", "Conditioner"));
        cases.add(named("earbuds", "Earbuds"));
        cases.add(in("dresses", "dresses"));
        cases.add(in("running shoes", "running-shoes"));
        cases.add(in("planters", "planters"));
        // brands, alone and with a product type
        cases.add(new Case("northwind", "brand Northwind", row -> row.brand().equals("Northwind"), false));
        cases.add(new Case("marlow finch", "brand Marlow & Finch", row -> row.brand().equals("Marlow & Finch"), false));
        cases.add(new Case("voltaic headphones", "Voltaic headphones",
                row -> row.brand().equals("Voltaic") && row.category().equals("headphones"), false));
        // accents folded both ways
        cases.add(named("cafe mug", "Café Mug"));
        cases.add(named("saute pan", "Sauté Pan"));
        cases.add(named("Sauté", "Sauté"));
        // misspellings
        cases.add(in("blutooth hedphones", "headphones"));
        cases.add(in("hedphones", "headphones"));
        cases.add(named("skilet", "Skillet"));
        cases.add(named("jakcet", "Jacket"));
        cases.add(named("sweatr", "Sweater"));
        cases.add(named("condtioner", "Conditioner"));
        // synonyms (search/synonyms.txt)
        cases.add(named("tee", "T-Shirt"));
        cases.add(named("jumper", "Sweater"));
        cases.add(in("pants", "trousers-jeans"));
        // several words, and a word still being typed
        cases.add(new Case("merino sweater", "Merino sweaters",
                row -> row.name().contains("Merino") && row.name().contains("Sweater"), false));
        cases.add(new Case("cast iron wok", "cast iron woks", row -> row.name().contains("Wok"), false));
        cases.add(named("wirel", "Wireless"));
        cases.add(new Case("niacinamide cream", "Niacinamide creams",
                row -> row.name().contains("Niacinamide") && row.name().contains("Cream"), false));
        return cases;
    }

    private static Case named(String query, String namePart) {
        return new Case(query, "names with " + namePart, row -> row.name().contains(namePart), false);
    }

    private static Case in(String query, String category) {
        return new Case(query, "in " + category, row -> row.category().equals(category), false);
    }
}
