package dev.storefront.cart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.storefront.testing.Carts;
import dev.storefront.testing.LogCapture;
import dev.storefront.testing.TestSkus;

/** The cart API against the real Redis and PostgreSQL: changes, limits, bad input, flushes, concurrency. */
@QuarkusTest
class CartApiTest {

    @Inject
    EntityManager entityManager;

    @Inject
    RedisDataSource redis;

    @Test
    void addChangeAndRemoveLines() {
        String cart = Carts.newCart();
        List<String> skus = skusWithStock(10, 2);
        Carts.add(cart, skus.get(0), 2).then().statusCode(200)
                .body("lines", hasSize(1)).body("lines[0].quantity", equalTo(2)).body("itemCount", equalTo(2));
        Carts.add(cart, skus.get(0), 1).then().statusCode(200).body("lines[0].quantity", equalTo(3));
        JsonPath body = Carts.add(cart, skus.get(1), 1).then().statusCode(200).extract().jsonPath();
        long unit0 = body.getLong("lines.find { it.sku == '" + skus.get(0) + "' }.unitPrice.amount");
        long unit1 = body.getLong("lines.find { it.sku == '" + skus.get(1) + "' }.unitPrice.amount");
        assertEquals(unit0 * 3 + unit1, body.getLong("subtotal.amount"), "subtotal adds up the lines");
        // each line shows its product as the catalog does: name, picture and the variant's attributes
        for (String sku : skus) {
            String line = "lines.find { it.sku == '" + sku + "' }";
            JsonPath product = given().when().get("/api/v1/products/" + body.getString(line + ".slug")).then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(product.getString("name"), body.getString(line + ".name"));
            assertEquals(product.getList("images").isEmpty() ? null : product.getList("images").get(0),
                    body.getString(line + ".image"));
            Map<String, String> attributes = product.getMap("variants.find { it.sku == '" + sku + "' }.attributes");
            String label = body.getString(line + ".variant");
            assertEquals(java.util.Set.copyOf(attributes.values()),
                    label.isEmpty() ? java.util.Set.of() : java.util.Set.of(label.split(" / ")), sku);
        }

        given().contentType(ContentType.JSON).body(Map.of("quantity", 1))
                .when().patch("/api/v1/carts/" + cart + "/items/" + skus.get(0)).then()
                .statusCode(200).body("lines.find { it.sku == '" + skus.get(0) + "' }.quantity", equalTo(1));
        given().when().delete("/api/v1/carts/" + cart + "/items/" + skus.get(1)).then()
                .statusCode(200).body("lines", hasSize(1)).body("itemCount", equalTo(1));
    }

    @Test
    void badInputIsANamed4xxAndChangesNothing() {
        String cart = Carts.newCart();
        String sku = skusWithStock(5, 1).get(0);
        Carts.add(cart, sku, 1).then().statusCode(200);
        TestSkus.SwitchedOff switchedOff = TestSkus.switchedOff();
        String disabled = switchedOff.sku();
        Object[][] cases = {
                { Map.of("sku", sku, "quantity", 0), "quantity" },
                { Map.of("sku", sku, "quantity", 100), "quantity" },
                { Map.of("sku", sku, "quantity", -3), "quantity" },
                { Map.of("sku", sku), "quantity" },
                { Map.of("sku", "NO-SUCH-SKU-1", "quantity", 1), "sku" },
                { Map.of("sku", "<script>", "quantity", 1), "sku" },
                { Map.of("sku", disabled, "quantity", 1), "sku" },
                { Map.of("sku", sku, "quantity", 1000), "quantity" } };
        try (LogCapture log = LogCapture.start()) {
            for (Object[] c : cases) {
                given().contentType(ContentType.JSON).body(c[0]).when().post("/api/v1/carts/" + cart + "/items")
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("errors.field", hasItem(c[1]));
            }
            given().contentType(ContentType.JSON).body("{\"sku\": \"" + sku + "\", \"quantity\": \"many\"}")
                    .when().post("/api/v1/carts/" + cart + "/items").then().statusCode(400);
            given().contentType(ContentType.JSON).body(Map.of("sku", sku, "quantity", 1))
                    .when().post("/api/v1/carts/not-a-cart/items").then().statusCode(404)
                    .contentType("application/problem+json");
            given().when().get("/api/v1/carts/" + "x".repeat(43)).then().statusCode(404);
            assertEquals(List.of(), log.withStackTraces());
        } finally {
            switchedOff.close();
        }
        given().when().get("/api/v1/carts/" + cart).then().statusCode(200)
                .body("lines", hasSize(1)).body("lines[0].quantity", equalTo(1));
    }

    @Test
    void moreThanIsAvailableIsRefused() {
        String cart = Carts.newCart();
        Object[] low = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                select v.sku, s.on_hand - s.reserved from variants v join stock_levels s on s.variant_id = v.id
                join products p on p.id = v.product_id
                where v.active and p.active and s.on_hand - s.reserved between 1 and 5 order by v.id limit 1""")
                .getSingleResult());
        String sku = (String) low[0];
        int available = ((Number) low[1]).intValue();
        Carts.add(cart, sku, available + 1).then().statusCode(400).body("errors.message", hasItem("only " + available
                + " available"));
        Carts.add(cart, sku, available).then().statusCode(200);
        Carts.add(cart, sku, 1).then().statusCode(400).body("errors.field", hasItem("quantity"));
    }

    @Test
    void aCartSurvivesARedisFlushBetweenTwoRequests() {
        // FLUSHDB empties the test database (1) only; FLUSHALL would also wipe what bin/run keeps in 0
        String cart = Carts.newCart();
        String sku = skusWithStock(10, 1).get(0);
        Carts.add(cart, sku, 3).then().statusCode(200);
        assertNotNull(redis.value(String.class).get("cart:" + cart), "the cart is in Redis");
        redis.execute("FLUSHDB");
        given().when().get("/api/v1/carts/" + cart).then().statusCode(200)
                .body("lines[0].sku", equalTo(sku)).body("lines[0].quantity", equalTo(3));
        assertNotNull(redis.value(String.class).get("cart:" + cart), "and back in Redis after the read");
        redis.execute("FLUSHDB");
        Carts.add(cart, sku, 1).then().statusCode(200).body("lines[0].quantity", equalTo(4));
    }

    @Test
    void fiftyParallelAddsOfOneUnitMakeFifty() throws Exception {
        String cart = Carts.newCart();
        String sku = skusWithStock(60, 1).get(0);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> Carts.add(cart, sku, 1).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        given().when().get("/api/v1/carts/" + cart).then().statusCode(200).body("lines[0].quantity", equalTo(50));
        redis.execute("FLUSHDB");
        given().when().get("/api/v1/carts/" + cart).then().statusCode(200).body("lines[0].quantity", equalTo(50));
    }

    @Test
    void aCartHoldsAtMostOneHundredDifferentItems() {
        String cart = Carts.newCart();
        List<String> skus = skusWithStock(1, 101);
        for (int i = 0; i < 100; i++) {
            Carts.add(cart, skus.get(i), 1).then().statusCode(200);
        }
        Carts.add(cart, skus.get(100), 1).then().statusCode(400).body("errors.field", hasItem("sku"));
        given().when().get("/api/v1/carts/" + cart).then().body("lines", hasSize(100));
    }

    /** SKUs with this much free that no other test uses. */
    private static List<String> skusWithStock(int atLeast, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> TestSkus.withStock(atLeast).sku()).toList();
    }
}
