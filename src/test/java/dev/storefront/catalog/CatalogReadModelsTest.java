package dev.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.storefront.testing.Admins;
import dev.storefront.testing.Carts;
import dev.storefront.testing.FormClient;

/**
 * The catalog's read models (product pages, listings, search, the category tree, the home page) are kept
 * in memory, and every kind of change empties what it concerns before its author's next request: admin
 * edits, prices, stock (adjustments and checkouts), pictures, categories, switching a product off, and
 * rows changed by SQL behind Hibernate's back. Each check first reads the page so that it is cached.
 */
@QuarkusTest
class CatalogReadModelsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern CART_COUNT = Pattern.compile("class=\"cart-count\"[^>]*>(\\d+)<");

    @Inject
    CatalogChanges changes;

    @Inject
    EntityManager entityManager;

    private String admin;
    private String word;
    private long categoryId;
    private String categorySlug;
    private long productId;
    private String slug;
    private String sku;

    @BeforeEach
    void aProductInACategoryOfItsOwn() {
        admin = Admins.adminToken();
        word = "zorblat" + letters(6);
        long department = ((Number) asAdmin().when().get("/api/v1/admin/categories").then().extract().jsonPath()
                .getList("findAll { it.parentId == null }.id").get(0)).longValue();
        JsonPath category = asAdmin().body(Map.of("name", "Gadgets " + word, "parentId", department))
                .when().post("/api/v1/admin/categories").then().statusCode(201).extract().jsonPath();
        categoryId = category.getLong("id");
        categorySlug = category.getString("slug");
        sku = "RM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        JsonPath product = asAdmin().body(Map.of("name", "Quiet " + word + " Lamp", "brand", "Acme",
                "categoryId", categoryId, "description", "A lamp", "variants", List.of(
                        Map.of("sku", sku, "price", "20.00", "attributes", Map.of("colour", "Red")),
                        Map.of("sku", sku + "-B", "price", "25.00", "attributes", Map.of("colour", "Blue")))))
                .when().post("/api/v1/admin/products").then().statusCode(201).extract().jsonPath();
        productId = product.getLong("id");
        slug = product.getString("slug");
        asAdmin().body(Map.of("delta", 5, "reason", "received")).when()
                .post("/api/v1/admin/inventory/" + sku + "/adjustments").then().statusCode(200);
    }

    @AfterEach
    void removeThem() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from inventory_movements where variant_id in"
                    + " (select id from variants where product_id = ?1)").setParameter(1, productId).executeUpdate();
            entityManager.createNativeQuery("delete from orders where id in (select order_id from order_lines"
                    + " where variant_id in (select id from variants where product_id = ?1))").setParameter(1, productId)
                    .executeUpdate();
            entityManager.createNativeQuery("delete from products where id = ?1").setParameter(1, productId)
                    .executeUpdate();
            entityManager.createNativeQuery("delete from categories where id = ?1").setParameter(1, categoryId)
                    .executeUpdate();
        });
        changes.awaitHandled(Duration.ofSeconds(5));
    }

    @Test
    void pricesStockAndSwitchingOffShowAtOnceOnCachedPagesAndListings() {
        String holder = Carts.newCart();
        Carts.add(holder, sku, 1).then().statusCode(200).body("lines[0].unitPrice.amount", equalTo(2000));
        warm();
        asAdmin().body(Map.of("price", "17.00")).when().put("/api/v1/admin/variants/" + sku).then().statusCode(200);
        given().when().get("/api/v1/carts/" + holder).then().body("lines[0].unitPrice.amount", equalTo(1700))
                .body("lines[0].priceChanged", equalTo(true));
        given().when().get("/api/v1/products/" + slug).then().statusCode(200)
                .body("variants.find { it.sku == '" + sku + "' }.price.amount", equalTo(1700));
        given().when().get("/p/" + slug).then().statusCode(200).body(containsString("17.00"));
        given().queryParam("category", categorySlug).when().get("/api/v1/products").then()
                .body("items[0].price.amount", equalTo(1700));
        given().queryParam("q", word).when().get("/api/v1/search").then().body("items[0].price.amount", equalTo(1700));

        asAdmin().body(Map.of("delta", 3, "reason", "received")).when()
                .post("/api/v1/admin/inventory/" + sku + "/adjustments").then().statusCode(200);
        assertEquals(8, available(sku), "stock received");
        String cart = Carts.newCart();
        Carts.add(cart, sku, 2).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("cartId", cart, "email", "rm@example.com",
                "shippingMethod", "standard", "shippingAddress", Map.of("name", "R M", "line1", "1 Main St",
                        "city", "Springfield", "region", "IL", "postalCode", "62701", "country", "US")))
                .when().post("/api/v1/checkout").then().statusCode(201);
        assertEquals(6, available(sku), "two units reserved by a checkout (SQL, not Hibernate)");
        given().queryParam("q", word).queryParam("inStock", true).when().get("/api/v1/search").then()
                .body("total", equalTo(1));
        asAdmin().body(Map.of("delta", -6, "reason", "damaged")).when()
                .post("/api/v1/admin/inventory/" + sku + "/adjustments").then().statusCode(200);
        given().queryParam("q", word).queryParam("inStock", true).when().get("/api/v1/search").then()
                .body("total", equalTo(0));
        Carts.add(Carts.newCart(), sku, 1).then().statusCode(400); // sold out: the cart's copy knows at once

        asAdmin().body(Map.of("active", false)).when().put("/api/v1/admin/products/" + productId).then()
                .statusCode(200);
        given().when().get("/api/v1/products/" + slug).then().statusCode(404);
        given().when().get("/p/" + slug).then().statusCode(404);
        given().when().get("/api/v1/carts/" + holder).then().body("lines[0].available", equalTo(false))
                .body("lines[0].warning", equalTo("No longer sold"));
        Carts.add(holder, sku, 1).then().statusCode(400);
        given().queryParam("category", categorySlug).when().get("/api/v1/products").then().body("total", equalTo(0));
        given().when().get("/").then().body(not(containsString("Quiet " + word + " Lamp")));
    }

    @Test
    void categoriesPicturesAndTheHomePageFollowTheirChanges() {
        warm();
        given().when().get("/").then().body(containsString("Quiet " + word + " Lamp"));
        asAdmin().body(Map.of("name", "Lights " + word)).when().put("/api/v1/admin/categories/" + categoryId)
                .then().statusCode(200);
        given().when().get("/c/" + categorySlug).then().statusCode(200).body(containsString("Lights " + word));
        given().when().get("/p/" + slug).then().body(containsString("Lights " + word)).body(
                not(containsString("Gadgets " + word)));
        assertTrue(given().when().get("/api/v1/categories").then().extract().asString().contains("Lights " + word));
        given().queryParam("q", word).when().get("/api/v1/search").then()
                .body("facets.category.find { it.value == '" + categorySlug + "' }.label", equalTo("Lights " + word));

        asAdmin().body(Map.of("name", "Bright " + word + " Lamp")).when().put("/api/v1/admin/products/" + productId)
                .then().statusCode(200);
        given().when().get("/").then().body(containsString("Bright " + word + " Lamp"));
        given().when().get("/api/v1/products/" + slug).then().body("name", equalTo("Bright " + word + " Lamp"));
    }

    @Test
    void rowsChangedWithSqlAreSeenTooAndSearchableByTheirNewWords() {
        warm();
        String newWord = "quendrix" + letters(5);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update products set name = ?1, images = '[\"/images/new-lamp.webp\"]'::jsonb where id = ?2")
                .setParameter(1, "Tall " + newWord + " Lamp").setParameter(2, productId).executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update variants set price_amount = 999 where sku = ?1").setParameter(1, sku).executeUpdate());
        changes.awaitHandled(Duration.ofSeconds(5));
        given().when().get("/api/v1/products/" + slug).then().body("name", equalTo("Tall " + newWord + " Lamp"))
                .body("images", equalTo(List.of("/images/new-lamp.webp")))
                .body("variants.find { it.sku == '" + sku + "' }.price.amount", equalTo(999));
        given().queryParam("q", newWord).when().get("/api/v1/search").then().body("items.slug", equalTo(List.of(slug)));
        // the old word is still in its category's name, so it still finds the product, by its new name
        given().queryParam("q", word).when().get("/api/v1/search").then()
                .body("items.name", equalTo(List.of("Tall " + newWord + " Lamp")));
    }

    @Test
    void aLostListeningConnectionCatchesUpOnItsOwn() throws InterruptedException {
        warm();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "select pg_terminate_backend(pid) from pg_stat_activity where query = 'LISTEN catalog_changed'")
                .getResultList());
        // changed while nobody listened: the announcement is lost with the connection
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update products set name = ?1 where id = ?2").setParameter(1, "Lost " + word + " Lamp")
                .setParameter(2, productId).executeUpdate());
        String name = null;
        for (int i = 0; i < 100 && !("Lost " + word + " Lamp").equals(name); i++) {
            Thread.sleep(100);
            name = given().when().get("/api/v1/products/" + slug).then().extract().path("name");
        }
        assertEquals("Lost " + word + " Lamp", name, "read while not listening, or emptied when listening again");
        for (int i = 0; i < 100 && !changes.listening(); i++) {
            Thread.sleep(100);
        }
        assertTrue(changes.listening(), "listening again");
        warm();
        given().when().get("/api/v1/products/" + slug).then().body("name", equalTo("Lost " + word + " Lamp"));
    }

    @Test
    void catalogJsonIsPublicRevalidatesWith304AndChangesItsTagWithThePrice() {
        var first = given().when().get("/api/v1/products/" + slug).then().statusCode(200)
                .header("Cache-Control", "public, no-cache").extract();
        String tag = first.header("ETag");
        given().header("If-None-Match", tag).when().get("/api/v1/products/" + slug).then().statusCode(304);
        asAdmin().body(Map.of("price", "18.00")).when().put("/api/v1/admin/variants/" + sku).then().statusCode(200);
        String newTag = given().header("If-None-Match", tag).when().get("/api/v1/products/" + slug).then()
                .statusCode(200).body("variants.find { it.sku == '" + sku + "' }.price.amount", equalTo(1800))
                .extract().header("ETag");
        assertNotEquals(tag, newTag);
    }

    @Test
    void twoShoppersOnTheSameCachedPageNeverSeeEachOthersCartOrToken() {
        FormClient ada = new FormClient();
        FormClient bob = new FormClient();
        String adaPage = ada.open("/p/" + slug);
        ada.submit("/cart/items", Map.of("sku", sku, "quantity", "2")).then().statusCode(303);
        adaPage = ada.open("/p/" + slug);
        String bobPage = bob.open("/p/" + slug);
        assertEquals("2", cartCount(adaPage), "Ada's cart");
        assertEquals("0", cartCount(bobPage), "Bob's cart is empty");
        assertNotEquals(token(adaPage), token(bobPage), "each shopper has a CSRF token of their own");
        assertEquals(ada.csrf, token(ada.open("/p/" + slug)), "and keeps it");
        assertFalse(bob.open("/").contains(ada.csrf), "Ada's token is on no page of Bob's");
        // a page that carries a shopper's token is never stored by a shared cache
        String cacheControl = bob.request().when().get("/p/" + slug).then().extract().header("Cache-Control");
        assertTrue(cacheControl.contains("private") || cacheControl.contains("no-store"), cacheControl);
    }

    @Test
    void productPagesShowTheCategorysOtherProductsAsTheyAreNow() {
        JsonPath other = asAdmin().body(Map.of("name", "Tiny " + word + " Clock", "brand", "Acme",
                "categoryId", categoryId, "description", "A clock", "featured", true, "variants", List.of(
                        Map.of("sku", sku + "-C", "price", "9.00"))))
                .when().post("/api/v1/admin/products").then().statusCode(201).extract().jsonPath();
        long otherId = other.getLong("id");
        changes.awaitHandled(Duration.ofSeconds(5));
        // each page shows the other product of the category, never itself
        String lampPage = given().when().get("/p/" + slug).then().statusCode(200).extract().asString();
        assertTrue(lampPage.contains("Tiny " + word + " Clock"), "the clock beside the lamp");
        String clockRelated = given().when().get("/p/" + other.getString("slug")).then().statusCode(200).extract()
                .asString().replaceAll("(?s).*<section class=\"related\"(.*?)</section>.*", "$1");
        assertTrue(clockRelated.contains("/p/" + slug + "\""), "the lamp beside the clock");
        assertFalse(clockRelated.contains("Tiny " + word + " Clock"), "not the clock beside itself");

        asAdmin().body(Map.of("name", "Huge " + word + " Clock")).when().put("/api/v1/admin/products/" + otherId)
                .then().statusCode(200);
        given().when().get("/p/" + slug).then().body(containsString("Huge " + word + " Clock"))
                .body(not(containsString("Tiny " + word + " Clock")));
        asAdmin().body(Map.of("active", false)).when().put("/api/v1/admin/products/" + otherId).then().statusCode(200);
        given().when().get("/p/" + slug).then().body(not(containsString(word + " Clock")));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "delete from products where id = ?1").setParameter(1, otherId).executeUpdate());
    }

    @Test
    void pagesAreSentCompressedToBrowsersAndPlainToClientsThatDoNotAskForIt() throws Exception {
        FormClient shopper = new FormClient();
        shopper.open("/p/" + slug);
        shopper.submit("/cart/items", Map.of("sku", sku, "quantity", "3")).then().statusCode(303);
        var raw = io.restassured.RestAssured.config().decoderConfig(
                io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders());
        for (String path : List.of("/p/" + slug, "/c/" + categorySlug, "/search?q=" + word, "/")) {
            var gzipped = shopper.request().config(raw).header("Accept-Encoding", "gzip, deflate, br")
                    .when().get(path).then().statusCode(200).header("Content-Encoding", "gzip")
                    .header("Vary", containsString("Accept-Encoding")).extract();
            String plain = shopper.request().config(raw).header("Accept-Encoding", "identity")
                    .when().get(path).then().statusCode(200).header("Content-Encoding", (String) null).extract().asString();
            String inflated;
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.asByteArray()))) {
                inflated = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            assertEquals(plain, inflated, path + ": the same page either way");
            assertEquals("3", cartCount(plain), path + ": with this shopper's cart");
            if (path.startsWith("/p/")) {
                assertEquals(shopper.csrf, token(plain), path + ": and token");
            }
            int sent = gzipped.asByteArray().length;
            int whole = plain.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            assertTrue(sent * 2 < whole, path + ": compressed, " + sent + " bytes of " + whole);
        }
    }

    private void warm() {
        for (int i = 0; i < 2; i++) {
            given().when().get("/api/v1/products/" + slug).then().statusCode(200);
            given().when().get("/p/" + slug).then().statusCode(200);
            given().when().get("/c/" + categorySlug).then().statusCode(200);
            given().queryParam("category", categorySlug).when().get("/api/v1/products").then().statusCode(200);
            given().queryParam("q", word).when().get("/api/v1/search").then().statusCode(200);
            given().when().get("/api/v1/categories").then().statusCode(200);
            given().when().get("/").then().statusCode(200);
        }
    }

    private int available(String variantSku) {
        return given().when().get("/api/v1/products/" + slug).then().statusCode(200).extract()
                .path("variants.find { it.sku == '" + variantSku + "' }.available");
    }

    private io.restassured.specification.RequestSpecification asAdmin() {
        return given().auth().oauth2(admin).contentType(ContentType.JSON);
    }

    private static String token(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertTrue(matcher.find(), "a form with a CSRF token");
        return matcher.group(1);
    }

    private static String cartCount(String html) {
        Matcher matcher = CART_COUNT.matcher(html);
        assertTrue(matcher.find(), "the header's cart count");
        return matcher.group(1);
    }

    /** Random lower-case letters: a word no catalog has (a UUID without its digits may be too short). */
    private static String letters(int count) {
        StringBuilder word = new StringBuilder(count);
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < count; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
