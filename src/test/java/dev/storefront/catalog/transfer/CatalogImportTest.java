package dev.storefront.catalog.transfer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.storefront.testing.Admins;
import dev.storefront.testing.FormClient;
import dev.storefront.testing.TestSkus;

/** Bulk CSV: the export is the import's format, a file with bad rows changes nothing, a good one lands whole. */
@QuarkusTest
class CatalogImportTest {

    private static final String HEADER = String.join(",", CatalogCsv.COLUMNS) + "\n";

    @Inject
    EntityManager entityManager;

    @Inject
    RedisDataSource redis;

    private String admin;

    @BeforeEach
    void signIn() {
        FormClient.forgetFailedSignIns(redis);
        admin = Admins.adminToken();
    }

    @Test
    void theExportHasOneRowPerVariantInTheImportFormat() throws java.io.IOException {
        String csv = given().auth().oauth2(admin).when().get("/api/v1/admin/catalog/export").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\n");
        assertEquals(HEADER.strip(), lines[0]);
        // descriptions may span lines inside quotes, so count rows with a parser
        long rows = CatalogCsv.READ_FORMAT.parse(new java.io.StringReader(csv)).stream().count();
        assertEquals(count("select count(*) from variants"), rows);
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeWithEveryBadLineReported() {
        String category = categorySlug();
        String fresh = "import-" + UUID.randomUUID().toString().substring(0, 8);
        String existingSku = existingSku();
        long products = count("select count(*) from products");
        long movements = count("select count(*) from inventory_movements");
        String csv = HEADER
                + row(fresh, "Good Row", category, "GOOD-" + fresh.substring(7).toUpperCase(), "10.00", "5") // line 2
                + row(fresh + "-b", "Bad Price", category, "BP-" + fresh.substring(7).toUpperCase(), "ten", "5") // 3
                + row(fresh + "-c", "Bad Category", "no-such-category", "BC-" + fresh.substring(7).toUpperCase(), "1", "1")
                + row(fresh + "-d", "Bad Sku", category, "bad sku!", "1", "1") // 5
                + row(fresh + "-e", "Stolen Sku", category, existingSku, "1", "1") // 6
                + row(fresh, "Good Row", category, "GOOD-" + fresh.substring(7).toUpperCase(), "10.00", "-4"); // 7
        JsonPath job = importAndWait(csv);
        assertEquals("FAILED", job.getString("status"));
        List<Map<String, Object>> errors = job.getList("errors");
        assertTrue(has(errors, 3, "price"), errors.toString());
        assertTrue(has(errors, 5, "sku"), errors.toString());
        assertTrue(has(errors, 7, "on_hand"), errors.toString());
        assertTrue(job.getString("message").contains("nothing was imported"));
        assertEquals(products, count("select count(*) from products"), "nothing was created");
        assertEquals(movements, count("select count(*) from inventory_movements"));
        // the checks that need the database: a category that does not exist, a SKU of another product, a repeat
        String second = HEADER
                + row(fresh, "Good Row", category, "GOOD-" + fresh.substring(7).toUpperCase(), "10.00", "5")
                + row(fresh + "-c", "Bad Category", "no-such-category", "BC-" + fresh.substring(7).toUpperCase(), "1", "1")
                + row(fresh + "-e", "Stolen Sku", category, existingSku, "1", "1")
                + row(fresh, "Good Row", category, "GOOD-" + fresh.substring(7).toUpperCase(), "10.00", "5");
        JsonPath refused = importAndWait(second);
        assertEquals("FAILED", refused.getString("status"));
        List<Map<String, Object>> found = refused.getList("errors");
        assertTrue(has(found, 3, "category"), found.toString());
        assertTrue(has(found, 4, "sku"), found.toString());
        assertTrue(has(found, 5, "sku"), found.toString());
        assertEquals(products, count("select count(*) from products"));
        // a file that is not the format at all
        JsonPath wrong = importAndWait("name,price\nshirt,10\n");
        assertEquals("FAILED", wrong.getString("status"));
        assertTrue(wrong.getString("errors[0].message").contains("lacks these columns"));
    }

    @Test
    void aGoodFileCreatesAndUpdatesProductsStockAndSearchInOneGo() throws java.io.IOException {
        String category = categorySlug();
        String word = "glimporax" + UUID.randomUUID().toString().substring(0, 5).replaceAll("[0-9-]", "z");
        String existingSku = existingSku();
        String existingSlug = (String) single("select p.slug from products p join variants v on v.product_id = p.id where v.sku = '" + existingSku + "'");
        int onHandBefore = (int) count("select on_hand from stock_levels where variant_id = (select id from variants where sku = '" + existingSku + "')");
        String csv = given().auth().oauth2(admin).when().get("/api/v1/admin/catalog/export").then().extract().asString();
        // keep only the existing product's rows from the export, change one price and its stock
        long originalPrice = count("select price_amount from variants where sku = '" + existingSku + "'");
        StringBuilder file = new StringBuilder(HEADER);
        StringBuilder original = new StringBuilder(HEADER);
        for (var record : CatalogCsv.READ_FORMAT.parse(new java.io.StringReader(csv))) {
            if (record.get("product_slug").equals(existingSlug)) {
                original.append(line(record.values()));
                boolean target = record.get("sku").equals(existingSku);
                file.append(line(record.get("product_slug"), record.get("product_name"), record.get("brand"),
                        record.get("category"), record.get("description"), record.get("product_active"),
                        record.get("sku"), record.get("attributes"), target ? "77.70" : record.get("price"),
                        record.get("currency"), record.get("variant_active"),
                        target ? Integer.toString(onHandBefore + 9) : record.get("on_hand")));
            }
        }
        for (int i = 1; i <= 3; i++) {
            String slug = word + "-" + i;
            file.append(row(slug, "Imported " + word + " " + i, category, (word + i + "-S").toUpperCase(), "5.00", "3"));
            file.append(row(slug, "Imported " + word + " " + i, category, (word + i + "-M").toUpperCase(), "5.50", "0"));
        }
        JsonPath job = importAndWait(file.toString());
        assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        assertEquals(3, given().queryParam("q", word).when().get("/api/v1/search").then().statusCode(200).extract()
                .jsonPath().getList("items").size());
        given().when().get("/p/" + word + "-2").then().statusCode(200).body(containsString("5.50"));
        assertEquals(7770, count("select price_amount from variants where sku = '" + existingSku + "'"));
        assertEquals(onHandBefore + 9, count("select on_hand from stock_levels where variant_id = (select id from variants where sku = '" + existingSku + "')"));
        assertEquals(9, count("""
                select delta from inventory_movements where reason = 'IMPORT'
                and variant_id = (select id from variants where sku = '""" + existingSku + "') order by id desc limit 1"));
        assertEquals(3, count("select count(*) from inventory_movements where reason = 'IMPORT' and variant_id in "
                + "(select id from variants where sku like '" + word.toUpperCase() + "%')"), "one per stocked new SKU");
        given().auth().oauth2(admin).when().get("/admin/catalog/imports/" + job.getString("id")).then().statusCode(200)
                .body(containsString("SUCCEEDED")).body(containsString("100%"));
        // importing the original rows puts the price and stock back (other tests count the demo catalog)
        assertEquals("SUCCEEDED", importAndWait(original.toString()).getString("status"));
        assertEquals(originalPrice, count("select price_amount from variants where sku = '" + existingSku + "'"));
        assertEquals(onHandBefore, count("select on_hand from stock_levels where variant_id = (select id from variants where sku = '" + existingSku + "')"));
        for (int i = 1; i <= 3; i++) {
            long id = count("select id from products where slug = '" + word + "-" + i + "'");
            given().auth().oauth2(admin).when().delete("/api/v1/admin/products/" + id).then().statusCode(204);
        }
        assertEquals(0, given().queryParam("q", word).when().get("/api/v1/search").then().extract().jsonPath()
                .getList("items").size(), "deleted products leave the search");
    }

    private JsonPath importAndWait(String csv) {
        String id = given().auth().oauth2(admin).contentType("text/csv").body(csv).when()
                .post("/api/v1/admin/catalog/imports").then().statusCode(202).extract().path("id");
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath job = given().auth().oauth2(admin).when().get("/api/v1/admin/catalog/imports/" + id).then()
                    .statusCode(200).extract().jsonPath();
            if (List.of("SUCCEEDED", "FAILED").contains(job.getString("status"))) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the import did not finish within 60 s");
    }

    private static boolean has(List<Map<String, Object>> errors, int line, String column) {
        return errors.stream().anyMatch(e -> ((Number) e.get("line")).intValue() == line && column.equals(e.get("column")));
    }

    private static String row(String slug, String name, String category, String sku, String price, String onHand) {
        return line(slug, name, "Importer", category, "Imported by a test", "true", sku, "size=M", price, "USD", "true",
                onHand);
    }

    private static String line(String... cells) {
        StringBuilder line = new StringBuilder();
        for (String cell : cells) {
            if (line.length() > 0) {
                line.append(',');
            }
            line.append('"').append(cell.replace("\"", "\"\"")).append('"');
        }
        return line.append('\n').toString();
    }

    private String categorySlug() {
        return (String) single("select slug from categories where parent_id is not null order by id limit 1");
    }

    private String existingSku() {
        return TestSkus.unreserved().sku();
    }

    private Object single(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(sql).getSingleResult());
    }

    private long count(String sql) {
        return ((Number) single(sql)).longValue();
    }
}
