package dev.storefront.cart;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.storefront.catalog.StockLevel;
import dev.storefront.catalog.Variant;
import dev.storefront.testing.Carts;
import dev.storefront.testing.FormClient;
import dev.storefront.testing.TestSkus;

/** The cart in a browser without JavaScript: forms, the header count, live truth and sign-in merges. */
@QuarkusTest
class CartPagesTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern COUNT = Pattern.compile("class=\"cart-count\"[^>]*>(\\d+)<");

    @Inject
    EntityManager entityManager;

    @Inject
    RedisDataSource redis;

    @Inject
    CartStore store;

    @BeforeEach
    void forgetFailedSignIns() {
        FormClient.forgetFailedSignIns(redis);
    }

    private static int headerCount(FormClient visitor) {
        Matcher count = COUNT.matcher(visitor.open("/"));
        assertTrue(count.find(), "the header shows a cart count");
        return Integer.parseInt(count.group(1));
    }

    @Test
    void aGuestAddsChangesRemovesAndClearsWithPlainForms() {
        Product product = productInStock(10);
        FormClient guest = new FormClient();
        assertEquals(0, headerCount(guest));
        String page = guest.open("/p/" + product.slug());
        assertTrue(page.contains("action=\"/cart/items\""), "the product page has an add-to-cart form");
        Response added = guest.submit("/cart/items", Map.of("sku", product.sku(), "quantity", "2"));
        assertEquals(303, added.statusCode());
        assertTrue(added.header("Location").endsWith("/cart?notice=added"));
        assertTrue(added.getDetailedCookie(CartCookie.NAME).isHttpOnly(), "the cart id is in an HttpOnly cookie");
        assertEquals(2, headerCount(guest));

        String cart = guest.open("/cart?notice=added");
        assertTrue(cart.contains(product.sku()) && cart.contains("value=\"2\""), cart);
        assertEquals(303, guest.submit("/cart/items/" + product.sku() + "/quantity", Map.of("quantity", "3"))
                .statusCode());
        assertEquals(3, headerCount(guest));
        guest.open("/cart");
        assertEquals(400, guest.submit("/cart/items/" + product.sku() + "/quantity", Map.of("quantity", "abc"))
                .statusCode());
        assertEquals(3, headerCount(guest), "a bad quantity changes nothing");
        guest.open("/cart");
        Response tooMany = guest.submit("/cart/items/" + product.sku() + "/quantity", Map.of("quantity", "100"));
        assertEquals(400, tooMany.statusCode());
        assertTrue(tooMany.asString().contains("You can buy from 1 to 99 of one item."), "said in a shopper's words");
        assertEquals(3, headerCount(guest));
        guest.open("/cart");
        assertEquals(303, guest.submit("/cart/items/" + product.sku() + "/remove", Map.of()).statusCode());
        assertEquals(0, headerCount(guest));
        guest.open("/cart");
        guest.submit("/cart/items", Map.of("sku", product.sku(), "quantity", "2"));
        guest.open("/cart");
        Response zero = guest.submit("/cart/items/" + product.sku() + "/quantity", Map.of("quantity", "0"));
        assertEquals(303, zero.statusCode(), "a quantity of 0 removes the line");
        assertEquals(0, headerCount(guest));
        guest.open("/cart");
        guest.submit("/cart/items", Map.of("sku", product.sku(), "quantity", "2"));
        String cartPage = guest.open("/cart");
        assertTrue(!cartPage.contains("action=\"/cart/clear\""), "emptying the cart is not one click away");
        String confirm = guest.open("/cart/clear");
        assertTrue(confirm.contains("Empty your cart?") && confirm.contains("all 2 items"), confirm);
        assertEquals(2, headerCount(guest), "asking changes nothing");
        assertEquals(303, guest.submit("/cart/clear", Map.of()).statusCode());
        assertTrue(guest.open("/cart").contains("Your cart is empty"));
    }

    @Test
    void theCartScriptGetsJsonAnswers() {
        Product product = productInStock(5);
        FormClient guest = new FormClient();
        guest.open("/p/" + product.slug());
        guest.request().header("X-Requested-With", "fetch").accept(ContentType.JSON).contentType(ContentType.URLENC)
                .formParam("csrf", guest.csrf).formParam("sku", product.sku()).formParam("quantity", "2")
                .when().post("/cart/items").then().statusCode(200).contentType(ContentType.JSON)
                .body("itemCount", org.hamcrest.Matchers.equalTo(2));
        guest.request().header("X-Requested-With", "fetch").accept(ContentType.JSON).contentType(ContentType.URLENC)
                .formParam("csrf", guest.csrf).formParam("sku", product.sku()).formParam("quantity", "500")
                .when().post("/cart/items").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("quantity"));
        assertEquals(2, headerCount(guest));
    }

    @Test
    void theCartTellsTheTruthAboutStockAndPrices() {
        Product lowered = productInStock(10);
        Product repriced = productInStock(10);
        FormClient guest = new FormClient();
        guest.open("/p/" + lowered.slug());
        guest.submit("/cart/items", Map.of("sku", lowered.sku(), "quantity", "5"));
        guest.submit("/cart/items", Map.of("sku", repriced.sku(), "quantity", "1"));
        QuarkusTransaction.requiringNew().run(() -> {
            StockLevel level = Variant.<Variant>find("sku", lowered.sku()).firstResult().stock;
            level.onHand = level.reserved + 2;
            Variant.<Variant>find("sku", repriced.sku()).firstResult().priceAmount += 500;
        });
        String cart = guest.open("/cart");
        assertTrue(cart.contains("we lowered the quantity"), "says the quantity was lowered");
        assertTrue(cart.contains("Price changed from"), "says the price changed");
        assertEquals(3, headerCount(guest), "2 of the first, 1 of the second");

        QuarkusTransaction.requiringNew().run(() -> Variant.<Variant>find("sku", repriced.sku()).firstResult()
                .active = false);
        assertTrue(guest.open("/cart").contains("No longer sold"), "a switched-off item is flagged");
    }

    @Test
    void signingInMergesTheGuestCartIntoTheAccountsCappedByStock() {
        Product product = productInStock(4);
        String email = "merge-" + UUID.randomUUID() + "@example.com";
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD, "name", "M"))
                .when().post("/api/v1/auth/register").then().statusCode(201);

        FormClient laptop = new FormClient();
        signIn(laptop, email);
        laptop.open("/p/" + product.slug());
        laptop.submit("/cart/items", Map.of("sku", product.sku(), "quantity", "3"));
        assertEquals(3, headerCount(laptop));

        FormClient phone = new FormClient();
        phone.open("/p/" + product.slug());
        phone.submit("/cart/items", Map.of("sku", product.sku(), "quantity", "2"));
        Response signedIn = signIn(phone, email);
        assertTrue(signedIn.header("Location").endsWith("/cart?notice=merged"), "the shopper is told");
        int available = QuarkusTransaction.requiringNew().call(() -> Variant.<Variant>find("sku", product.sku())
                .firstResult().available());
        assertEquals(Math.min(5, available), headerCount(phone), "3 + 2, capped by what is available");
        assertEquals(headerCount(phone), headerCount(laptop), "one cart for the account on every device");

        phone.open("/account");
        phone.submit("/logout", Map.of());
        assertEquals(0, headerCount(phone), "after sign-out the browser has no cart");
    }

    @Test
    void abandonedCartsExpireInRedisAndPostgresql() {
        String cart = Carts.newCart();
        long ttl = redis.key().ttl("cart:" + cart);
        assertTrue(ttl > Duration.ofDays(29).toSeconds() && ttl <= Duration.ofDays(30).toSeconds(),
                "Redis keeps it for 30 days: " + ttl);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update carts set expires_at = now() - interval '1 minute' where id = ?1").setParameter(1, cart)
                .executeUpdate());
        assertTrue(store.deleteExpired() >= 1);
        long left = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from carts where id = ?1").setParameter(1, cart).getSingleResult()).longValue());
        assertEquals(0, left);
    }

    private static Response signIn(FormClient visitor, String email) {
        visitor.open("/login");
        Response answer = visitor.submit("/login", Map.of("email", email, "password", PASSWORD));
        assertEquals(303, answer.statusCode());
        assertNotNull(answer.getCookie(CartCookie.NAME), "the account's cart goes in the cart cookie");
        return answer;
    }

    record Product(String slug, String sku) {
    }

    /** A product whose preselected (first) variant has this much free, used by no other test. */
    private Product productInStock(int atLeast) {
        TestSkus.Sku sku = TestSkus.firstVariantWithStock(atLeast);
        return new Product(sku.productSlug(), sku.sku());
    }
}
