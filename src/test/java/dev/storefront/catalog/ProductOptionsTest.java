package dev.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.storefront.testing.Admins;
import dev.storefront.testing.Browser;

/**
 * A product's options as a shopper chooses them: colour swatches and size buttons instead of one long list,
 * and the picture of the chosen colour first. The list of variants stays in the page for browsers without
 * JavaScript.
 */
@QuarkusTest
class ProductOptionsTest {

    private static final Pattern FIRST_PICTURE = Pattern.compile("class=\"gallery-view\" href=\"([^\"]+)\"");

    @Inject
    EntityManager entityManager;

    @TestHTTPResource("/")
    URL home;

    private long productId;
    private String slug;
    private String sku;

    @BeforeEach
    void aJacketInTwoColoursAndTwoSizes() {
        sku = "OPT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long category = ((Number) Admins.asAdmin().when().get("/api/v1/admin/categories").then().extract().jsonPath()
                .getList("id").get(0)).longValue();
        JsonPath product = Admins.asAdmin().body(Map.of("name", "Option Test Jacket " + sku, "brand", "Acme",
                "categoryId", category, "description", "A jacket", "variants", List.of(
                        variant(sku + "-RS", "Red", "S", "50.00"), variant(sku + "-RM", "Red", "M", "50.00"),
                        variant(sku + "-BS", "Blue", "S", "55.00"), variant(sku + "-BM", "Blue", "M", "55.00"))))
                .when().post("/api/v1/admin/products").then().statusCode(201).extract().jsonPath();
        productId = product.getLong("id");
        slug = product.getString("slug");
        for (String suffix : List.of("-RS", "-RM", "-BM")) {
            Admins.asAdmin().body(Map.of("delta", 4, "reason", "received")).when()
                    .post("/api/v1/admin/inventory/" + sku + suffix + "/adjustments").then().statusCode(200);
        }
    }

    @AfterEach
    void removeIt() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from inventory_movements where variant_id in"
                    + " (select id from variants where product_id = ?1)").setParameter(1, productId).executeUpdate();
            entityManager.createNativeQuery("delete from products where id = ?1").setParameter(1, productId)
                    .executeUpdate();
        });
    }

    private static Map<String, Object> variant(String sku, String colour, String size, String price) {
        return Map.of("sku", sku, "price", price, "attributes", Map.of("size", size, "colour", colour));
    }

    @Test
    void sizesAreOfferedInTheOrderShoppersScanThem() {
        // the variants of a product come in the order they were made: 46 first, XL before XS
        assertEquals(List.of("38", "39", "40", "41", "42", "46"),
                ProductDetails.sizeOrder(List.of("46", "38", "39", "40", "41", "42")));
        assertEquals(List.of("XS", "S", "M", "L", "XL", "XXL"),
                ProductDetails.sizeOrder(List.of("XL", "XXL", "XS", "S", "M", "L")));
        assertEquals(List.of("8.5", "9", "10"), ProductDetails.sizeOrder(List.of("10", "8.5", "9")));
        assertEquals(List.of("Wool", "Cotton"), ProductDetails.sizeOrder(List.of("Wool", "Cotton")),
                "words stay as they come");
    }

    @Test
    void colourAndSizeAreSeparateChoicesColourFirstAsSwatches() {
        String page = given().when().get("/p/" + slug).then().statusCode(200).extract().asString();
        String pickers = page.substring(page.indexOf("id=\"option-pickers\""), page.indexOf("class=\"variant-picker\""));
        assertTrue(pickers.indexOf("Colour: <span class=\"option-chosen\">Red</span>")
                < pickers.indexOf("Size: <span class=\"option-chosen\">S</span>"), "colour first, then size: " + pickers);
        assertTrue(pickers.contains("fill=\"#c62828\""), "red drawn as a red swatch");
        assertTrue(pickers.contains("fill=\"#1e63c6\""), "blue as a blue one");
        assertTrue(pickers.contains("<span class=\"option-value\">M</span>"), "sizes as words on buttons");
        // each variant says where it sits among the choices: Blue (second colour) in M (second size)
        assertTrue(page.contains("value=\"" + sku + "-BM\" required") && page.matches(
                "(?s).*value=\"" + sku + "-BM\"[^>]*data-choice=\"1 1\".*"), "the blue M variant is choice 1 1");
        // without JavaScript the list of variants is there to choose from (the pickers are hidden until shown)
        assertTrue(page.contains("<div class=\"option-pickers\" id=\"option-pickers\" hidden>"));
        assertTrue(page.contains("class=\"variant-picker\""));
    }

    @Test
    void theChosenColoursPictureComesFirst() throws IOException {
        List<String> pictures = List.of(upload(), upload());
        Admins.asAdmin().body(Map.of("image", pictures.get(1))).when().put("/api/v1/admin/variants/" + sku + "-BM")
                .then().statusCode(200).body("variants.find { it.sku == '" + sku + "-BM' }.image",
                        equalTo(pictures.get(1)));

        assertEquals(pictures.get(0), firstPicture("/p/" + slug), "the main picture for the preselected red");
        assertEquals(pictures.get(1), firstPicture("/p/" + slug + "?variant=" + sku + "-BM"), "blue's own picture");
        String page = given().when().get("/p/" + slug).then().extract().asString();
        assertTrue(page.matches("(?s).*value=\"" + sku + "-BM\"[^>]*data-image=\"" + Pattern.quote(pictures.get(1))
                + "\".*"), "the variant's radio names its picture, for product.js to show it");
        given().when().get("/api/v1/products/" + slug).then().statusCode(200)
                .body("variants.find { it.sku == '" + sku + "-BM' }.image", equalTo(pictures.get(1)))
                .body("variants.find { it.sku == '" + sku + "-RS' }.image", nullValue());

        // the picture removed, blue shows the product's main picture again
        given().auth().oauth2(Admins.adminToken()).queryParam("url", pictures.get(1)).when()
                .delete("/api/v1/admin/products/" + productId + "/images").then().statusCode(200);
        assertEquals(pictures.get(0), firstPicture("/p/" + slug + "?variant=" + sku + "-BM"));
        given().when().get("/api/v1/products/" + slug).then()
                .body("variants.find { it.sku == '" + sku + "-BM' }.image", nullValue());
    }

    @Test
    void aPictureThatIsNotTheProductsIsRefused() {
        Admins.asAdmin().body(Map.of("image", "/media/demo/someone-elses-shirt-1.svg")).when()
                .put("/api/v1/admin/variants/" + sku + "-BM").then().statusCode(400)
                .body("errors[0].field", equalTo("variants[0].image"))
                .body("errors[0].message", equalTo("must be one of the product's pictures"));
        given().when().get("/api/v1/products/" + slug).then()
                .body("variants.find { it.sku == '" + sku + "-BM' }.image", nullValue());
    }

    @Test
    void theDemoCatalogDrawsAPicturePerColour() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                select p.slug, v.attributes ->> 'colour', v.image from variants v join products p on p.id = v.product_id
                where v.image like '/media/demo/%-in-%' and p.active and v.active order by p.slug limit 1""")
                .getSingleResult());
        String colour = (String) row[1];
        String image = (String) row[2];
        assertEquals("/media/demo/" + row[0] + "-in-" + colour.toLowerCase().replace(' ', '-') + ".svg", image);
        String svg = given().when().get(image).then().statusCode(200).extract().asString();
        assertTrue(svg.contains("fill=\"" + Swatches.of(colour).orElseThrow() + "\""), "drawn in " + colour + ": " + svg);
    }

    @Test
    void aShopperPicksColourThenSizeAndTheCartGetsThatVariant() throws IOException {
        List<String> pictures = List.of(upload(), upload());
        for (String blue : List.of("-BS", "-BM")) {
            Admins.asAdmin().body(Map.of("image", pictures.get(1))).when().put("/api/v1/admin/variants/" + sku + blue)
                    .then().statusCode(200);
        }
        try (BrowserContext visitor = Browser.shared().newVisitor(true)) {
            Page page = visitor.newPage();
            List<String> errors = Browser.consoleErrors(page);
            page.navigate(home + "p/" + slug);
            assertTrue(page.locator("#option-pickers").isVisible(), "the pickers replace the list");
            assertFalse(page.locator(".variant-picker").isVisible());
            assertEquals(sku + "-RS", page.locator("#sku").innerText(), "the first in stock, as the server chose");

            // blue in S is made but sold out: said, and it cannot be added
            page.locator(".option.swatch:has(input[data-value=Blue])").click();
            assertEquals("Blue", page.locator(".option-group").first().locator(".option-chosen").innerText());
            assertTrue(page.locator("#option-state").innerText().contains("sold out"));
            assertTrue(page.locator("button.add").isDisabled(), "nothing to add");
            assertEquals(pictures.get(1), visiblePicture(page), "blue's picture, shown as blue is chosen");

            page.locator(".option:has(input[data-value=M])").click();
            assertEquals(sku + "-BM", page.locator("#sku").innerText());
            assertTrue(page.locator("#price").innerText().startsWith("$55.00"), page.locator("#price").innerText());
            assertTrue(page.url().endsWith("?variant=" + sku + "-BM"), "the choice is kept in the address");
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/product-options.png")));
            page.locator("button.add").click();
            page.locator("#cart-status.is-ok").waitFor();

            page.navigate(home + "cart");
            assertEquals(List.of("SKU " + sku + "-BM"), page.locator(".cart-line .sku").allInnerTexts(),
                    "blue in M, as chosen");
            // the address kept: opening it again shows the same choice
            page.navigate(home + "p/" + slug + "?variant=" + sku + "-BM");
            assertTrue(page.locator(".option:has(input[data-value=Blue]) input").isChecked());
            assertTrue(page.locator(".option:has(input[data-value=M]) input").isChecked());
            assertEquals(pictures.get(1), visiblePicture(page));
            assertEquals(List.of(), errors);
        }
    }

    private static String visiblePicture(Page page) {
        return page.locator(".gallery-view:visible").first().getAttribute("href");
    }

    private static String firstPicture(String path) {
        Matcher first = FIRST_PICTURE.matcher(given().when().get(path).then().statusCode(200).extract().asString());
        assertTrue(first.find(), path + " has a gallery");
        return first.group(1);
    }

    private String upload() throws IOException {
        BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        image.setRGB(UUID.randomUUID().hashCode() & 31, 3, 0xffffff); // each picture its own bytes
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        List<String> images = given().auth().oauth2(Admins.adminToken()).multiPart("image", "p.png", png.toByteArray(),
                "image/png").when().post("/api/v1/admin/products/" + productId + "/images").then().statusCode(201)
                .extract().jsonPath().getList("images", String.class);
        return images.get(images.size() - 1);
    }
}
