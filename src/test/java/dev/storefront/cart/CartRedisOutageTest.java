package dev.storefront.cart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.testing.Carts;
import dev.storefront.testing.LogCapture;
import dev.storefront.testing.OwnRedis;

/**
 * The store on a Redis of the test's own, which the test crashes and restarts: shoppers keep shopping
 * from PostgreSQL meanwhile, readiness says DEGRADED but stays UP, and nothing acknowledged is lost, not
 * even when Redis comes back with an older copy of the cart from its dump file.
 */
@QuarkusTest
@QuarkusTestResource(value = OwnRedis.class, restrictToAnnotatedClass = true)
class CartRedisOutageTest {

    @Inject
    RedisDataSource redis;

    @Inject
    EntityManager entityManager;

    @Test
    void shoppingGoesOnWhileRedisIsDownAndNothingIsLost() {
        String cart = Carts.newCart();
        String sku = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery("""
                select v.sku from variants v join stock_levels s on s.variant_id = v.id
                join products p on p.id = v.product_id
                where v.active and p.active and s.on_hand - s.reserved >= 20 order by v.id limit 1""")
                .getSingleResult());
        Carts.add(cart, sku, 2).then().statusCode(200);
        redis.execute("SAVE"); // Redis will come back from this dump: a cart of 2
        OwnRedis.stopServer();

        try (LogCapture log = LogCapture.start()) {
            Carts.add(cart, sku, 3).then().statusCode(200).body("lines[0].quantity", equalTo(5));
            given().when().get("/api/v1/carts/" + cart).then().statusCode(200).body("lines[0].quantity", equalTo(5));
            String other = Carts.newCart();
            Carts.add(other, sku, 1).then().statusCode(200);
            given().when().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'Cart storage' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'Cart storage' }.data.redis", equalTo("DEGRADED"));
            assertTrue(log.messages().stream().anyMatch(m -> m.contains("Redis unreachable")),
                    "a warning in the log");
        }

        OwnRedis.startServer();
        given().when().get("/api/v1/carts/" + cart).then().statusCode(200).body("lines[0].quantity", equalTo(5));
        Carts.add(cart, sku, 1).then().statusCode(200).body("lines[0].quantity", equalTo(6));
        String cached = redis.value(String.class).get("cart:" + cart);
        assertNotNull(cached, "Redis is filled again");
        assertTrue(cached.contains("\"quantity\":6"), cached);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Cart storage' }.data.redis", equalTo("UP"));
    }
}
