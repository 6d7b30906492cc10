package dev.storefront.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.storefront.testing.Admins;
import dev.storefront.testing.FormClient;

/**
 * The product editor: options made into the variant matrix, prices, compare-at prices and stock edited in one
 * table, pictures reordered (buttons and the drag-and-drop form) and described, and the page previewed before
 * the product is switched on.
 */
@QuarkusTest
class ProductEditorTest {

    @Inject
    EntityManager entityManager;

    @Inject
    RedisDataSource redis;

    private String admin;
    private final List<Long> created = new ArrayList<>();

    @BeforeEach
    void signIn() {
        FormClient.forgetFailedSignIns(redis);
        admin = Admins.adminToken();
    }

    @AfterEach
    void deleteCreatedProducts() {
        for (long id : created) {
            given().auth().oauth2(admin).when().delete("/api/v1/admin/products/" + id).then().statusCode(204);
        }
    }

    @Test
    void threeColoursAndFourSizesMakeTwelveVariantsEditedInOneTable() {
        String word = "Tee " + UUID.randomUUID().toString().substring(0, 6);
        long id = product(word, false);
        String slug = json(id).getString("slug");
        String prefix = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace("-", "");

        // too many combinations, a bad option name: said, nothing made
        String refused = form("/admin/products/" + id + "/variants/matrix", Map.of("option.0.name", "colour",
                "option.0.values", values(11), "option.1.name", "size", "option.1.values", values(11), "price", "20.00"))
                .then().statusCode(400).extract().asString();
        assertTrue(refused.contains("make 121 variants; at most 100"), refused);
        assertTrue(refused.contains("value=\"" + values(11) + "\""), "the options as typed");
        String badName = form("/admin/products/" + id + "/variants/matrix", Map.of("option.0.name", "col=our",
                "option.0.values", "Red", "price", "20.00")).then().statusCode(400).extract().asString();
        assertTrue(badName.contains("id=\"option-1-name\" name=\"option.0.name\" maxlength=\"40\" value=\"col=our\""
                + " placeholder=\"colour\" aria-invalid=\"true\" aria-describedby=\"options[0].name-error\"")
                && badName.contains("<p class=\"field-error\" id=\"options[0].name-error\" role=\"alert\">Name must be"
                        + " a word such as colour or size</p>"), "the error beside its field: " + badName);
        assertEquals(1, json(id).getList("variants").size(), "nothing added");

        form("/admin/products/" + id + "/variants/matrix", Map.of("option.0.name", "Colour", "option.0.values",
                "Red, Blue, Green", "option.1.name", "size", "option.1.values", "S, M, L, XL", "skuPrefix", prefix,
                "price", "20.00")).then().statusCode(303);
        JsonPath product = json(id);
        assertEquals(13, product.getList("variants").size(), "the first variant and 12 from the matrix");
        assertEquals("20.00", product.getString("variants.find { it.sku == '" + prefix + "-GREEN-XL' }.price"));
        assertEquals(Map.of("colour", "Green", "size", "XL"),
                product.getMap("variants.find { it.sku == '" + prefix + "-GREEN-XL' }.attributes"));
        // asked again, nothing is added twice
        form("/admin/products/" + id + "/variants/matrix", Map.of("option.0.name", "colour", "option.0.values",
                "Red, Blue, Green", "option.1.name", "size", "option.1.values", "S, M, L, XL", "skuPrefix", prefix,
                "price", "20.00")).then().statusCode(303).header("Location", org.hamcrest.Matchers.containsString(
                        "matrix-complete"));

        // the table: a price, a compare-at price and stock for one variant, the rest as they were
        String page = given().auth().oauth2(admin).when().get("/admin/products/" + id).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("aria-label=\"Compare-at price of " + prefix + "-RED-M\"")
                && page.contains("aria-label=\"On hand of " + prefix + "-RED-M\""), "one row per variant to edit");
        Map<String, String> table = tableOf(product, word);
        int redM = rowOf(product, prefix + "-RED-M");
        table.put("variant." + redM + ".price", "18.00");
        table.put("variant." + redM + ".compareAt", "18.00");
        String wrong = form("/admin/products/" + id, table).then().statusCode(400).extract().asString();
        assertTrue(wrong.contains("aria-invalid=\"true\" aria-describedby=\"variant." + redM + ".compareAt-error\"")
                && wrong.contains("id=\"variant." + redM + ".compareAt-error\" role=\"alert\">Compare at must be more"
                        + " than the price"), "the error beside the field it is about: " + wrong);
        assertTrue(wrong.contains("value=\"18.00\""), "what was typed is kept");
        table.put("variant." + redM + ".compareAt", "25.00");
        table.put("variant." + redM + ".onHand", "7");
        form("/admin/products/" + id, table).then().statusCode(303);
        product = json(id);
        String redMPath = "variants.find { it.sku == '" + prefix + "-RED-M' }";
        assertEquals("18.00", product.getString(redMPath + ".price"));
        assertEquals("25.00", product.getString(redMPath + ".compareAtPrice"));
        assertEquals(7, product.getInt(redMPath + ".onHand"));
        assertEquals(0, product.getInt("variants.find { it.sku == '" + prefix + "-RED-S' }.onHand"));
        assertEquals(1, count("select count(*) from inventory_movements m join variants v on v.id = m.variant_id"
                + " where v.sku = '" + prefix + "-RED-M' and m.delta = 7"), "stock changed by a movement");

        // a sale between opening the page and saving it still counts: the page changes stock by what was typed
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("delta", -2, "reason", "damaged"))
                .when().post("/api/v1/admin/inventory/" + prefix + "-RED-M/adjustments").then().statusCode(200);
        Map<String, String> stale = tableOf(product, word); // still shows 7 on hand
        stale.put("variant." + rowOf(product, prefix + "-RED-M") + ".onHand", "10");
        form("/admin/products/" + id, stale).then().statusCode(303);
        assertEquals(8, json(id).getInt(redMPath + ".onHand"), "7 - 2 damaged + 3 added in the table");

        // switched on, the shop shows the price before struck through
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("active", true)).when()
                .put("/api/v1/admin/products/" + id).then().statusCode(200);
        String shop = given().queryParam("variant", prefix + "-RED-M").when().get("/p/" + slug).then()
                .statusCode(200).extract().asString();
        String price = shop.substring(shop.indexOf("id=\"price\""), shop.indexOf("id=\"availability\""));
        assertTrue(price.contains("<span class=\"compare-at-amount\">$25.00</span>"), "was $25.00 on the page: " + price);
        given().when().get("/api/v1/products/" + slug).then().statusCode(200)
                .body("variants.find { it.sku == '" + prefix + "-RED-M' }.compareAtPrice.amount", equalTo(2500));
    }

    @Test
    void picturesAreReorderedAndDescribedAndTheProductPreviewedBeforeItIsSwitchedOn() throws IOException {
        String word = "Lamp " + UUID.randomUUID().toString().substring(0, 6);
        long id = product(word, false);
        String slug = json(id).getString("slug");
        for (Color colour : List.of(Color.RED, Color.GREEN, Color.BLUE)) {
            given().auth().oauth2(admin).multiPart("image", "p.png", png(colour), "image/png").when()
                    .post("/api/v1/admin/products/" + id + "/images").then().statusCode(201);
        }
        List<String> images = json(id).getList("images", String.class);
        assertEquals(3, images.size());

        // Earlier, without JavaScript: the third becomes the second
        form("/admin/products/" + id + "/images/move", Map.of("url", images.get(2), "direction", "up")).then()
                .statusCode(303);
        assertEquals(List.of(images.get(0), images.get(2), images.get(1)), json(id).getList("images", String.class));
        // the drag-and-drop form: the whole order at once; a list that is not the product's pictures is refused
        given().auth().oauth2(admin).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("url", images.get(1)).formParam("url", images.get(0)).when()
                .post("/admin/products/" + id + "/images/order").then().statusCode(400);
        given().auth().oauth2(admin).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("url", images.get(1)).formParam("url", images.get(0)).formParam("url", images.get(2))
                .when().post("/admin/products/" + id + "/images/order").then().statusCode(303);
        assertEquals(List.of(images.get(1), images.get(0), images.get(2)), json(id).getList("images", String.class));

        form("/admin/products/" + id + "/images/alt", Map.of("url", images.get(1), "alt", "The lamp lit, from the front"))
                .then().statusCode(303);

        // switched off: not in the shop, but its preview shows the page as it will be, uncached
        given().when().get("/p/" + slug).then().statusCode(404);
        var preview = given().auth().oauth2(admin).when().get("/admin/products/" + id + "/preview").then()
                .statusCode(200).header("Cache-Control", "no-store").extract();
        String html = preview.asString();
        assertTrue(html.contains("class=\"preview-banner\"") && html.contains("<h1>" + word + "</h1>"), html);
        assertTrue(html.indexOf(images.get(1)) < html.indexOf(images.get(0)), "the pictures in their new order");
        assertTrue(html.contains("alt=\"The lamp lit, from the front\""), "the main picture described");
        given().redirects().follow(false).when().get("/admin/products/" + id + "/preview").then().statusCode(303);
        given().auth().oauth2(Admins.newStaff()[1]).when().get("/admin/products/" + id + "/preview").then()
                .statusCode(403);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("active", true)).when()
                .put("/api/v1/admin/products/" + id).then().statusCode(200);
        String shop = given().when().get("/p/" + slug).then().statusCode(200).extract().asString();
        assertTrue(shop.contains("alt=\"The lamp lit, from the front\"") && !shop.contains("preview-banner"),
                "in the shop, described, without the banner");
    }

    /**
     * What a fuzzer found in the editor: huge amounts, null options, SKUs that collide with existing ones, ';' in
     * values, letters for stock and two matrices at once are refused by name (or made once) and change nothing; a
     * product has at most 100 variants, and one that has them all is still saved through its form.
     */
    @Test
    void badMatrixAndTableInputIsRefusedByNameAndChangesNothing() throws Exception {
        long id = product("Mug " + UUID.randomUUID().toString().substring(0, 6), false);
        String existing = json(id).getString("variants[0].sku");
        String prefix = "M" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace("-", "");

        String huge = form("/admin/products/" + id + "/variants/matrix", Map.of("option.0.name", "size",
                "option.0.values", "S", "price", "1e2147483647")).then().statusCode(400).extract().asString();
        assertTrue(huge.contains("Price is too large"), huge);
        Admins.asAdmin().body(Map.of("options", java.util.Arrays.asList((Object) null), "price", "1.00")).when()
                .post("/api/v1/admin/products/" + id + "/variants/matrix").then().statusCode(400)
                .body("errors[0].field", equalTo("options[0]"));
        Admins.asAdmin().body(Map.of("options", List.of(Map.of("name", "size", "values", java.util.Arrays.asList("S",
                null))), "skuPrefix", prefix, "price", "1e2147483647")).when()
                .post("/api/v1/admin/products/" + id + "/variants/matrix").then().statusCode(400)
                .body("errors[0].field", equalTo("price"));
        form("/admin/products/" + id + "/variants/matrix", Map.of("option.0.name", "size", "option.0.values", "S;M",
                "price", "1.00")).then().statusCode(400);
        // a made SKU that another variant has is refused, not taken over
        String[] parts = existing.split("-", 2);
        String collision = form("/admin/products/" + id + "/variants/matrix", Map.of("option.0.name", "edition",
                "option.0.values", parts[1], "skuPrefix", parts[0], "price", "7.77")).then().statusCode(400).extract()
                .asString();
        assertTrue(collision.contains("makes SKU " + existing + ", which another variant already has"), collision);
        assertEquals("20.00", json(id).getString("variants[0].price"), "the existing variant as it was");
        assertEquals(Map.of(), json(id).getMap("variants[0].attributes"));

        Map<String, String> table = tableOf(json(id), "Mug");
        table.put("variant.0.onHand", "abc");
        String letters = form("/admin/products/" + id, table).then().statusCode(400).extract().asString();
        assertTrue(letters.contains("id=\"variant.0.onHand-error\" role=\"alert\">On hand must be a whole number"),
                letters);
        table.put("variant.0.onHand", "1000001");
        form("/admin/products/" + id, table).then().statusCode(400);
        table.put("variant.0.onHand", "0");
        table.put("variant.0.price", "1e2147483647");
        form("/admin/products/" + id, table).then().statusCode(400);
        table.put("variant.0.price", "20.00");
        table.put("categoryId", "abc");
        assertTrue(form("/admin/products/" + id, table).then().statusCode(400).extract().asString()
                .contains("Category names no category"));
        assertEquals(0, json(id).getInt("variants[0].onHand"));

        // two matrices at once: the variants are made once, the other request finds them made
        Map<String, String> matrix = Map.of("option.0.name", "colour", "option.0.values", values(9),
                "option.1.name", "size", "option.1.values", values(11).replace("V", "S"), "skuPrefix", prefix,
                "price", "3.00");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> form("/admin/products/" + id + "/variants/matrix", matrix).statusCode());
            var second = pool.submit(() -> form("/admin/products/" + id + "/variants/matrix", matrix).statusCode());
            assertEquals(List.of(303, 303), List.of(first.get(), second.get()));
        } finally {
            pool.shutdown();
        }
        assertEquals(100, json(id).getList("variants").size(), "99 made once, and the first");
        String full = form("/admin/products/" + id + "/variants/matrix", Map.of("option.0.name", "colour",
                "option.0.values", "Teal", "option.1.name", "size", "option.1.values", "S0", "skuPrefix", prefix,
                "price", "3.00")).then().statusCode(400).extract().asString();
        assertTrue(full.contains("the product has 100 and may have at most 100"), full);

        // a product of 100 variants (900 form fields) saves through its own form
        JsonPath big = json(id);
        Map<String, String> all = tableOf(big, "Mug");
        all.put("variant.99.price", "4.00");
        form("/admin/products/" + id, all).then().statusCode(303);
        assertEquals("4.00", json(id).getString("variants[99].price"));
        // a form of more than 1,000 fields is refused by name, not a 500
        var many = given().auth().oauth2(admin).redirects().follow(false).contentType(ContentType.URLENC);
        for (int i = 0; i < 1001; i++) {
            many.formParam("id", Integer.toString(i));
        }
        many.formParam("action", "enable").when().post("/admin/products/bulk").then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("has too many fields"));
        given().auth().oauth2(admin).queryParam("minTotal", "1e2147483647").when().get("/api/v1/admin/orders").then()
                .statusCode(400).body("errors[0].field", equalTo("minTotal"));
        given().auth().oauth2(admin).queryParam("minTotal", "1e2147483647").when().get("/admin/orders").then()
                .statusCode(200);
    }

    /** The same new product sent twice at once (a double submit) is made once; the other is told, not a 500. */
    @Test
    void aProductCreatedTwiceAtOnceIsMadeOnce() throws Exception {
        String name = "Twice " + UUID.randomUUID().toString().substring(0, 8);
        String sku = "TW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, String> fields = Map.of("name", name, "brand", "Acme", "categoryId", Long.toString(anyCategory()),
                "variantRows", "1", "variant.0.sku", sku, "variant.0.price", "5.00", "variant.0.active", "on");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<Integer> statuses;
        try {
            var first = pool.submit(() -> form("/admin/products", fields).statusCode());
            var second = pool.submit(() -> form("/admin/products", fields).statusCode());
            statuses = new ArrayList<>(List.of(first.get(), second.get()));
        } finally {
            pool.shutdown();
        }
        statuses.sort(null);
        assertEquals(303, statuses.get(0), "one made: " + statuses);
        assertTrue(statuses.get(1) == 400 || statuses.get(1) == 409, "the other told, not a 500: " + statuses);
        assertEquals(1, count("select count(*) from products where name = '" + name + "'"));
        created.add(count("select id from products where name = '" + name + "'"));
    }

    /** Products ticked in the list are switched on, then off, at once: in the shop and its search, then gone. */
    @Test
    void theProductListSwitchesTickedProductsOnAndOffAtOnce() {
        String word = "zembrolia" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
        long first = product("Chair " + word, false);
        long second = product("Stool " + word, false);
        String list = given().auth().oauth2(admin).queryParam("q", word).queryParam("sort", "name").when()
                .get("/admin/products").then().statusCode(200).extract().asString();
        assertTrue(list.indexOf("Chair " + word) < list.indexOf("Stool " + word), "by name");
        given().auth().oauth2(admin).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("id", first).formParam("id", second).formParam("action", "enable").when()
                .post("/admin/products/bulk").then().statusCode(303).header("Location",
                        org.hamcrest.Matchers.endsWith("notice=enabled-2"));
        assertEquals(2, given().queryParam("q", word).when().get("/api/v1/search").then().statusCode(200).extract()
                .jsonPath().getList("items").size(), "both in search");
        given().auth().oauth2(admin).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("id", first).formParam("id", second).formParam("action", "disable").when()
                .post("/admin/products/bulk").then().statusCode(303);
        assertEquals(0, given().queryParam("q", word).when().get("/api/v1/search").then().statusCode(200).extract()
                .jsonPath().getList("items").size(), "both gone");
        given().auth().oauth2(admin).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("action", "disable").when().post("/admin/products/bulk").then().statusCode(400);
    }

    /** A product with one variant (no options), switched on or off; deleted after the test. */
    private long product(String name, boolean active) {
        String sku = "PE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        int id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", name, "brand", "Acme",
                "categoryId", anyCategory(), "active", active, "variants", List.of(Map.of("sku", sku, "price",
                        "20.00")))).when().post("/api/v1/admin/products").then().statusCode(201).extract().path("id");
        created.add((long) id);
        return id;
    }

    /** The editor's form as the page shows it for this product (every variant row as it is). */
    private Map<String, String> tableOf(JsonPath product, String name) {
        Map<String, String> form = new HashMap<>(Map.of("name", name, "brand", "Acme", "categoryId",
                Long.toString(anyCategory())));
        List<Map<String, Object>> variants = product.getList("variants");
        form.put("variantRows", Integer.toString(variants.size()));
        for (int i = 0; i < variants.size(); i++) {
            Map<String, Object> v = variants.get(i);
            form.put("variant." + i + ".sku", (String) v.get("sku"));
            form.put("variant." + i + ".existing", "true");
            form.put("variant." + i + ".price", (String) v.get("price"));
            form.put("variant." + i + ".compareAt", v.get("compareAtPrice") == null ? "" : (String) v.get("compareAtPrice"));
            form.put("variant." + i + ".onHand", v.get("onHand").toString());
            form.put("variant." + i + ".onHandWas", v.get("onHand").toString());
            form.put("variant." + i + ".active", "on");
            form.put("variant." + i + ".attributes", ((Map<?, ?>) v.get("attributes")).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        return form;
    }

    private static int rowOf(JsonPath product, String sku) {
        return product.getList("variants.sku", String.class).indexOf(sku);
    }

    private io.restassured.response.Response form(String path, Map<String, String> fields) {
        var request = given().auth().oauth2(admin).redirects().follow(false).contentType(ContentType.URLENC);
        fields.forEach(request::formParam);
        return request.when().post(path);
    }

    private JsonPath json(long id) {
        return given().auth().oauth2(admin).when().get("/api/v1/admin/products/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static String values(int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add("V" + i);
        }
        return String.join(", ", values);
    }

    private long anyCategory() {
        return count("select id from categories order by id limit 1");
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .getSingleResult()).longValue());
    }

    private static byte[] png(Color colour) throws IOException {
        BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 40, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
