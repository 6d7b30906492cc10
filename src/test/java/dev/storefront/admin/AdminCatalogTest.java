package dev.storefront.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

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

/** Products made, changed and switched off by an admin show in the shop and its search at once. */
@QuarkusTest
class AdminCatalogTest {

    @Inject
    EntityManager entityManager;

    @Inject
    RedisDataSource redis;

    private String admin;
    private final List<Long> created = new java.util.ArrayList<>();

    @BeforeEach
    void signIn() {
        FormClient.forgetFailedSignIns(redis);
        admin = Admins.adminToken();
    }

    /** Other tests count the demo catalog: what this class creates, it deletes (never ordered, so it may). */
    @org.junit.jupiter.api.AfterEach
    void deleteCreatedProducts() {
        for (long id : created) {
            given().auth().oauth2(admin).when().delete("/api/v1/admin/products/" + id).then().statusCode(204);
        }
    }

    @Test
    void aCreatedEditedAndDisabledProductShowsOnItsPageAndInSearchAtOnce() {
        String word = "vexlumbra" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
        String sku = "ZY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long category = anyCategory();
        int id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "Walnut " + word,
                "brand", "Acme", "categoryId", category, "description", "A fine instrument",
                "variants", List.of(Map.of("sku", sku, "price", "129.50", "attributes", Map.of("colour", "Walnut")))))
                .when().post("/api/v1/admin/products").then().statusCode(201)
                .body("variants[0].price", equalTo("129.50")).extract().path("id");
        created.add((long) id);
        String slug = given().auth().oauth2(admin).when().get("/api/v1/admin/products/" + id).then().statusCode(200)
                .extract().path("slug");
        given().when().get("/p/" + slug).then().statusCode(200).body(containsString("Walnut " + word))
                .body(containsString("129.50"));
        assertEquals(List.of(slug), searchSlugs(word));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "Cherry " + word))
                .when().put("/api/v1/admin/products/" + id).then().statusCode(200).body("name", equalTo("Cherry " + word));
        given().when().get("/p/" + slug).then().statusCode(200).body(containsString("Cherry " + word));
        assertEquals(List.of("Cherry " + word), given().queryParam("q", word).when().get("/api/v1/search").then()
                .extract().jsonPath().getList("items.name", String.class));
        // stock received through the API shows as available in search
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("delta", 5, "reason", "received"))
                .when().post("/api/v1/admin/inventory/" + sku + "/adjustments").then().statusCode(200);
        assertEquals(List.of(slug), given().queryParam("q", word).queryParam("inStock", true).when()
                .get("/api/v1/search").then().extract().jsonPath().getList("items.slug", String.class));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("active", false))
                .when().put("/api/v1/admin/products/" + id).then().statusCode(200);
        given().when().get("/p/" + slug).then().statusCode(404);
        assertEquals(List.of(), searchSlugs(word));
        given().auth().oauth2(admin).when().get("/admin/audit?target=" + slug).then().statusCode(200)
                .body(containsString("product.create")).body(containsString("product.update"))
                .body(containsString("Walnut " + word));
    }

    @Test
    void theProductFormCreatesAProductWithVariantsAndRefusesBadOnesWithMessages() {
        FormClient browser = signedInAdmin();
        browser.open("/admin/products/new");
        String word = "trocnavix" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9-]", "x");
        String sku = "QB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, String> fields = new java.util.HashMap<>(Map.of("name", "Oak " + word, "brand", "Acme",
                "categoryId", Long.toString(anyCategory()), "active", "on", "variantRows", "3",
                "variant.0.sku", sku, "variant.0.price", "12.999", "variant.0.attributes", "size=M; colour=Oak",
                "variant.0.active", "on"));
        String refused = browser.submit("/admin/products", fields).then().statusCode(400).extract().asString();
        assertTrue(refused.contains("Variant 1 price has more than 2 decimals"), refused);
        assertTrue(refused.contains("value=\"Oak " + word + "\""), "the form keeps what was typed");
        assertEquals(0, count("select count(*) from variants where sku = '" + sku + "'"));
        fields.put("variant.0.price", "12.99");
        String location = browser.submit("/admin/products", fields).then().statusCode(303).extract()
                .header("Location");
        assertTrue(browser.open(location).contains("The product has been created"));
        created.add(Long.parseLong(location.replaceAll(".*/admin/products/(\\d+).*", "$1")));
        assertEquals(List.of("oak-" + word), searchSlugs(word));
        given().when().get("/p/oak-" + word).then().statusCode(200).body(containsString("12.99"));
    }

    @Test
    void picturesAreCheckedByContentAndSizeAndServedWithThumbnails() throws IOException {
        int id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "Picture frame " + UUID.randomUUID(),
                "brand", "Acme", "categoryId", anyCategory(), "active", false,
                "variants", List.of(Map.of("sku", "PF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "price", "9.00"))))
                .when().post("/api/v1/admin/products").then().statusCode(201).extract().path("id");
        created.add((long) id);
        List<String> before = images(id);
        try (LogCapture log = LogCapture.start()) {
            given().auth().oauth2(admin).multiPart("image", "holiday.jpg", "MZ\u0090\u0000 this is a program".getBytes(),
                    "image/jpeg").when().post("/api/v1/admin/products/" + id + "/images").then().statusCode(400)
                    .body("errors[0].field", equalTo("image"))
                    .body("errors[0].message", containsString("not a JPEG, PNG or WebP"));
            byte[] large = new byte[6 * 1024 * 1024];
            System.arraycopy(png(40, 30), 0, large, 0, 100);
            given().auth().oauth2(admin).multiPart("image", "huge.png", large, "image/png")
                    .when().post("/api/v1/admin/products/" + id + "/images").then().statusCode(400)
                    .body("errors[0].message", containsString("at most 5 MB"));
            // a small file that decodes to a huge picture (a "PNG bomb") is refused by its header
            given().auth().oauth2(admin).multiPart("image", "bomb.png", png(4200, 4100, BufferedImage.TYPE_BYTE_BINARY),
                    "image/png").when().post("/api/v1/admin/products/" + id + "/images").then().statusCode(400)
                    .body("errors[0].message", containsString("4200 × 4100 pixels"));
            // a multipart body cut short is a 400, not an incident
            given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                    .encoderConfig().encodeContentTypeAs("multipart/form-data", ContentType.TEXT)))
                    .auth().oauth2(admin).contentType("multipart/form-data; boundary=XYZ")
                    .body("--XYZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n\r\nabc")
                    .when().post("/api/v1/admin/products/" + id + "/images").then().statusCode(400);
            assertTrue(log.withStackTraces().isEmpty());
        }
        assertEquals(before, images(id), "nothing changed");
        List<String> after = given().auth().oauth2(admin).multiPart("image", "photo.bin", png(1200, 800), "image/png")
                .formParam("main", "true").when().post("/api/v1/admin/products/" + id + "/images").then()
                .statusCode(201).extract().jsonPath().getList("images", String.class);
        String url = after.get(0);
        assertTrue(url.matches("/media/images/[0-9a-f]{32}\\.png"), url);
        given().when().get(url).then().statusCode(200).contentType("image/png")
                .header("Cache-Control", containsString("immutable"));
        byte[] thumbnail = given().when().get(url.replace(".png", "-400.png")).then().statusCode(200).extract()
                .asByteArray();
        BufferedImage small = ImageIO.read(new java.io.ByteArrayInputStream(thumbnail));
        assertEquals(400, small.getWidth());
        assertEquals(267, small.getHeight());
        given().redirects().follow(false).when().get("/admin/products").then().statusCode(303);
    }

    @Test
    void badProductInputIsA400NamingEachFieldAndChangesNothing() {
        long before = count("select count(*) from products");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "", "brand", "B",
                "categoryId", 999999999, "slug", "Not A Slug",
                "variants", List.of(Map.of("sku", "bad sku!", "price", "1"), Map.of("sku", "OK-1", "price", "-3"))))
                .when().post("/api/v1/admin/products").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("slug"))
                .body("errors.field", hasItem("categoryId")).body("errors.field", hasItem("variants[0].sku"))
                .body("errors.field", hasItem("variants[1].price"));
        given().auth().oauth2(admin).when().get("/api/v1/admin/products?size=500").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().auth().oauth2(admin).when().get("/api/v1/admin/products?stock=maybe").then().statusCode(400)
                .body("errors[0].field", equalTo("stock"));
        assertEquals(before, count("select count(*) from products"));
    }

    @Test
    void aDisabledCustomerIsSignedOutEverywhereAndCannotSignInAgain() {
        String[] customer = Admins.newCustomer();
        given().auth().oauth2(customer[1]).when().get("/api/v1/account").then().statusCode(200);
        long id = count("select id from users where email = '" + customer[0] + "'");
        given().auth().oauth2(admin).contentType(ContentType.JSON).when().post("/api/v1/admin/customers/" + id + "/disable").then().statusCode(200)
                .body("enabled", equalTo(false));
        given().auth().oauth2(customer[1]).when().get("/api/v1/account").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("email", customer[0], "password", "correct horse battery staple"))
                .when().post("/api/v1/auth/token").then().statusCode(401);
        given().auth().oauth2(admin).when().get("/admin/customers/" + id).then().statusCode(200)
                .body(containsString("Disabled"));
    }

    @Test
    void theOpenApiDocumentDescribesTheAdminApi() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/admin/inventory/{sku}"))
                .body(containsString("/api/v1/admin/orders/{number}/refunds"));
    }

    @Test
    void aRefusedProductFormKeepsShowingTheStockItHas() {
        String sku = "AV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        int id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "Stocked "
                + sku, "brand", "Acme", "categoryId", anyCategory(), "variants", List.of(Map.of("sku", sku,
                        "price", "10.00")))).when().post("/api/v1/admin/products").then().statusCode(201)
                .extract().path("id");
        created.add((long) id);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("delta", 7, "reason", "received"))
                .when().post("/api/v1/admin/inventory/" + sku + "/adjustments").then().statusCode(200);
        FormClient browser = signedInAdmin();
        browser.open("/admin/products/" + id);
        String refused = browser.submit("/admin/products/" + id, Map.of("name", "Stocked " + sku, "brand", "Acme",
                "categoryId", Long.toString(anyCategory()), "active", "on", "variantRows", "1", "variant.0.sku", sku,
                "variant.0.price", "1.999", "variant.0.existing", "true", "variant.0.active", "on")).then()
                .statusCode(400).extract().asString();
        assertTrue(refused.contains("href=\"/admin/inventory/" + sku + "\">7</a>"), "7 available, not 0: " + refused);
    }

    @Test
    void deletingACategoryInThePagesAsksFirst() {
        String name = "Doomed " + UUID.randomUUID().toString().substring(0, 8);
        int id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", name))
                .when().post("/api/v1/admin/categories").then().statusCode(201).extract().path("id");
        FormClient browser = signedInAdmin();
        browser.open("/admin/categories");
        String asked = browser.submit("/admin/categories/" + id + "/delete", Map.of()).then().statusCode(200)
                .extract().asString();
        assertTrue(asked.contains("Delete the category \"" + name + "\"?"), asked);
        assertEquals(1, count("select count(*) from categories where id = " + id), "nothing deleted yet");
        browser.submit("/admin/categories/" + id + "/delete", Map.of("confirm", "yes")).then().statusCode(303);
        assertEquals(0, count("select count(*) from categories where id = " + id));
    }

    private FormClient signedInAdmin() {
        FormClient browser = new FormClient();
        browser.open("/login");
        browser.submit("/login", Map.of("email", "admin@storefront.test", "password", "demo-admin-password"))
                .then().statusCode(303);
        return browser;
    }

    private List<String> images(int id) {
        return given().auth().oauth2(admin).when().get("/api/v1/admin/products/" + id).then().extract().jsonPath()
                .getList("images", String.class);
    }

    private static List<String> searchSlugs(String text) {
        return given().queryParam("q", text).when().get("/api/v1/search").then().statusCode(200).extract().jsonPath()
                .getList("items.slug", String.class);
    }

    private long anyCategory() {
        return count("select id from categories order by id limit 1");
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .getSingleResult()).longValue());
    }

    private static byte[] png(int width, int height) throws IOException {
        return png(width, height, BufferedImage.TYPE_INT_ARGB);
    }

    private static byte[] png(int width, int height, int type) throws IOException {
        BufferedImage image = new BufferedImage(width, height, type);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
