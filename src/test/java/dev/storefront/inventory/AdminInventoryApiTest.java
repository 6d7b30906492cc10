package dev.storefront.inventory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.storefront.testing.Admins;
import dev.storefront.testing.FormClient;
import dev.storefront.testing.LogCapture;
import dev.storefront.testing.TestSkus;

/** Stock changes through the admin API: versions keep two writers apart, adjustments add up, all leave movements. */
@QuarkusTest
class AdminInventoryApiTest {

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
    void lowStockIsListedLowestFirstOnTheDashboardAndInTheApi() {
        TestSkus.Sku sku = TestSkus.unreserved();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update stock_levels set on_hand = 1 where variant_id = ?1").setParameter(1, sku.variantId())
                .executeUpdate());
        List<Integer> available = Admins.asAdmin().when().get("/api/v1/admin/inventory?state=low&size=100").then()
                .statusCode(200).extract().jsonPath().getList("items.available", Integer.class);
        List<Integer> sorted = new ArrayList<>(available);
        sorted.sort(null);
        assertEquals(sorted, available, "what runs out first comes first");
        assertEquals(1, available.get(0));
        String dashboard = given().auth().oauth2(Admins.adminToken()).when().get("/admin").then().statusCode(200)
                .extract().asString();
        assertTrue(dashboard.contains(">" + sku.sku() + "<") || available.stream().limit(10).filter(a -> a == 1)
                .count() == 10, "a SKU with one left is among the dashboard's lowest ten");
    }

    /** The inventory list sorts by SKU, or lowest available first, as the admin chooses. */
    @Test
    void theInventoryListSortsLowestAvailableFirst() {
        String html = given().auth().oauth2(Admins.adminToken()).queryParam("sort", "available").when()
                .get("/admin/inventory").then().statusCode(200).extract().asString();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile(
                "<tr><td><a href=\"/admin/inventory/[^\"]+\">[^<]+</a></td><td>[^<]*</td><td class=\"num\">-?\\d+</td>"
                        + "<td class=\"num\">-?\\d+</td><td class=\"num\">(-?\\d+)[^<]*</td>").matcher(html);
        List<Integer> available = new ArrayList<>();
        while (row.find()) {
            available.add(Integer.parseInt(row.group(1)));
        }
        assertTrue(available.size() >= 10, "a page of SKUs: " + available);
        List<Integer> sorted = new ArrayList<>(available);
        sorted.sort(null);
        assertEquals(sorted, available, "lowest available first");
        assertTrue(html.contains("<option value=\"available\" selected>"), "the order chosen stays chosen");
    }

    @Test
    void twoWritersWithTheSameVersionOneWinsTheOtherGets409() throws Exception {
        String sku = sku();
        long version = Long.parseLong(given().auth().oauth2(admin).when().get("/api/v1/admin/inventory/" + sku)
                .then().statusCode(200).body("sku", equalTo(sku)).extract().header("ETag").replace("\"", ""));
        long movementsBefore = movements(sku);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int onHand : new int[] { 70, 80 }) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(admin).contentType(ContentType.JSON)
                            .header("If-Match", "\"" + version + "\"")
                            .body(Map.of("onHand", onHand, "reason", "count-correction"))
                            .when().put("/api/v1/admin/inventory/" + sku).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdown();
        }
        int onHand = column(sku, "on_hand");
        assertTrue(onHand == 70 || onHand == 80, "one of the two values: " + onHand);
        assertEquals(movementsBefore + 1, movements(sku), "one movement, for the write that won");
        // the loser reads again and writes with the new version
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", version + 1)
                .body(Map.of("onHand", 75, "reason", "count_correction", "note", "recount")).when()
                .put("/api/v1/admin/inventory/" + sku).then().statusCode(200).body("onHand", equalTo(75))
                .body("version", equalTo((int) version + 2));
        given().auth().oauth2(admin).when().get("/api/v1/admin/inventory/" + sku + "/movements").then()
                .statusCode(200).body("[0].delta", equalTo(75 - onHand)).body("[0].reason", equalTo("COUNT_CORRECTION"))
                .body("[0].note", equalTo("recount")).body("[0].onHandAfter", equalTo(75));
    }

    @Test
    void aHundredParallelAdjustmentsOfOneSumExactlyEachAMovement() throws Exception {
        String sku = sku();
        int before = column(sku, "on_hand");
        long movementsBefore = movements(sku);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                answers.add(pool.submit(() -> given().auth().oauth2(admin).contentType(ContentType.JSON)
                        .body(Map.of("delta", 1, "reason", "received")).when()
                        .post("/api/v1/admin/inventory/" + sku + "/adjustments").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(before + 100, column(sku, "on_hand"));
        assertEquals(movementsBefore + 100, movements(sku));
        long sumOfDeltas = ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                select coalesce(sum(m.delta), 0) from inventory_movements m join variants v on v.id = m.variant_id
                where v.sku = ?1 and m.reason = 'RECEIVED' and m.actor = 'admin@storefront.test'""")
                .setParameter(1, sku).getSingleResult())).longValue();
        assertTrue(sumOfDeltas >= 100, "the movements carry the deltas and who made them");
    }

    @Test
    void stockNeverGoesBelowWhatIsReservedAndBadInputChangesNothing() {
        String sku = sku();
        int onHandBefore = column(sku, "on_hand");
        setStockBySql(sku, 10, 4);
        try {
            refusesWhatWouldGoBelowReserved(sku);
        } finally {
            // the search index never saw the SQL change: put the row back as it was
            setStockBySql(sku, onHandBefore, 0);
        }
    }

    private void setStockBySql(String sku, int onHand, int reserved) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update stock_levels set on_hand = ?2, reserved = ?3 where variant_id = (select id from variants where sku = ?1)")
                .setParameter(1, sku).setParameter(2, onHand).setParameter(3, reserved).executeUpdate());
    }

    private void refusesWhatWouldGoBelowReserved(String sku) {
        long movementsBefore = movements(sku);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("delta", -7, "reason", "damaged"))
                .when().post("/api/v1/admin/inventory/" + sku + "/adjustments").then().statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("reserved"));
        long version = given().auth().oauth2(admin).when().get("/api/v1/admin/inventory/" + sku).then()
                .body("available", equalTo(6)).extract().jsonPath().getLong("version");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", version)
                .body(Map.of("onHand", 3, "reason", "lost")).when().put("/api/v1/admin/inventory/" + sku).then()
                .statusCode(409);
        try (LogCapture log = LogCapture.start()) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("delta", 0, "reason", "nonsense"))
                    .when().post("/api/v1/admin/inventory/" + sku + "/adjustments").then().statusCode(400)
                    .body("errors.field", hasItem("delta")).body("errors.field", hasItem("reason"));
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"delta\": \"lots\"}")
                    .when().post("/api/v1/admin/inventory/" + sku + "/adjustments").then().statusCode(400);
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("onHand", 12, "reason", "received"))
                    .when().put("/api/v1/admin/inventory/" + sku).then().statusCode(428);
            given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "v-one")
                    .body(Map.of("onHand", -1, "reason", "received")).when().put("/api/v1/admin/inventory/" + sku)
                    .then().statusCode(400).body("errors.field", hasItem("onHand")).body("errors.field", hasItem("If-Match"));
            given().auth().oauth2(admin).when().get("/api/v1/admin/inventory/NO-SUCH-SKU-1").then().statusCode(404);
            assertTrue(log.withStackTraces().isEmpty(), "no stack trace for bad input");
        }
        assertEquals(10, column(sku, "on_hand"));
        assertEquals(movementsBefore, movements(sku), "nothing was recorded");
    }

    @Test
    void theInventoryPageAdjustsStockWithAReasonAndShowsTheHistory() {
        String sku = sku();
        int before = column(sku, "on_hand");
        FormClient browser = new FormClient();
        browser.open("/login");
        browser.submit("/login", Map.of("email", "admin@storefront.test", "password", "demo-admin-password"))
                .then().statusCode(303);
        browser.open("/admin/inventory/" + sku);
        browser.submit("/admin/inventory/" + sku + "/adjust", Map.of("delta", "12", "reason", "RECEIVED",
                "note", "pallet 7")).then().statusCode(303);
        String html = browser.open("/admin/inventory/" + sku);
        assertTrue(html.contains("pallet 7") && html.contains("RECEIVED"), "the history shows the movement");
        assertEquals(before + 12, column(sku, "on_hand"));
        String refused = browser.submit("/admin/inventory/" + sku + "/adjust", Map.of("delta", "twelve",
                "reason", "RECEIVED")).then().statusCode(400).extract().asString();
        assertTrue(refused.contains("Delta must be a whole number"), refused);
        assertEquals(before + 12, column(sku, "on_hand"));
    }

    private String sku() {
        return TestSkus.unreserved().sku();
    }

    private int column(String sku, String column) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select " + column + " from stock_levels where variant_id = (select id from variants where sku = ?1)")
                .setParameter(1, sku).getSingleResult()).intValue());
    }

    private long movements(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from inventory_movements where variant_id = (select id from variants where sku = ?1)")
                .setParameter(1, sku).getSingleResult()).longValue());
    }
}
