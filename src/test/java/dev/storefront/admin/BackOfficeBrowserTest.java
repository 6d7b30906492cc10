package dev.storefront.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.storefront.testing.Admins;
import dev.storefront.testing.Browser;
import dev.storefront.testing.Carts;
import dev.storefront.testing.Checkouts;
import dev.storefront.testing.FormClient;

/**
 * The back office in Chromium with JavaScript, as an admin uses it: a product with two options (3 colours x 4
 * sizes) made into its variant matrix, prices edited in the table, pictures uploaded and reordered by dragging,
 * previewed, switched on and found in the shop; then an order shipped and partly refunded through the
 * confirmation dialog, and its timeline read. And axe on every admin page.
 */
@QuarkusTest
class BackOfficeBrowserTest {

    private final Browser browser = Browser.shared();

    @TestHTTPResource("/")
    URL home;

    @Inject
    EntityManager entityManager;

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void forgetFailedSignIns() {
        FormClient.forgetFailedSignIns(redis);
    }

    @Test
    void anAdminBuildsAProductWithOptionsSellsItShipsItAndRefundsPartOfIt() throws IOException {
        String word = "velmora" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        String prefix = "LS" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace("-", "X");
        String name = "Linen shirt " + word;
        Path red = picture(Color.RED);
        Path blue = picture(Color.BLUE);
        long id = 0;
        try (BrowserContext context = browser.newVisitorForAudits()) {
            Page page = context.newPage();
            List<String> errors = Browser.consoleErrors(page);
            signIn(page, "admin/products/new");

            page.fill("#name", name);
            page.fill("#brand", "Acme");
            page.selectOption("#categoryId", new SelectOption().setIndex(1));
            page.fill("input[name='variant.0.sku']", prefix + "-RED-S");
            page.fill("input[name='variant.0.attributes']", "colour=Red; size=S");
            page.fill("input[name='variant.0.price']", "30.00");
            page.uncheck("input[name=active]");
            page.click("text=Create product");
            page.waitForURL("**/admin/products/*?notice=created");
            id = Long.parseLong(page.url().replaceAll(".*/admin/products/(\\d+).*", "$1"));

            // options: the existing variant's are offered, with its values
            assertEquals(java.util.Set.of("colour", "size"), java.util.Set.of(page.inputValue("#option-1-name"),
                    page.inputValue("#option-2-name")), "the options the variant already has");
            page.fill("#option-1-name", "colour");
            page.fill("#option-1-values", "Red, Blue, Green");
            page.fill("#option-2-name", "size");
            page.fill("#option-2-values", "S, M, L, XL");
            page.fill("#skuPrefix", prefix);
            page.fill("#matrix-price", "30.00");
            page.click("text=Add the missing variants");
            page.waitForURL("**notice=matrix-added**");
            assertEquals(12, page.locator("input[name$='.existing']").count(), "3 colours x 4 sizes");

            // prices, a compare-at price and stock edited in the table
            page.fill("[aria-label='Price of " + prefix + "-BLUE-M']", "34.00");
            page.fill("[aria-label='Compare-at price of " + prefix + "-BLUE-M']", "40.00");
            page.fill("[aria-label='On hand of " + prefix + "-BLUE-M']", "5");
            page.fill("[aria-label='On hand of " + prefix + "-GREEN-L']", "3");
            page.click("text=Save changes");
            page.waitForURL("**notice=saved**");
            assertEquals("34.00", page.inputValue("[aria-label='Price of " + prefix + "-BLUE-M']"));
            assertEquals("5", page.inputValue("[aria-label='On hand of " + prefix + "-BLUE-M']"));

            // two pictures, then the second dragged before the first
            for (Path picture : List.of(red, blue)) {
                page.setInputFiles("#image", picture);
                page.click("text=Upload");
                page.waitForURL("**notice=image-added**");
            }
            List<String> uploaded = urls(page);
            assertEquals(2, uploaded.size());
            page.dragAndDrop("li[data-url]:nth-child(2)", "li[data-url]:nth-child(1)");
            page.waitForURL("**notice=images-ordered**");
            assertEquals(List.of(uploaded.get(1), uploaded.get(0)), urls(page), "the dragged picture comes first");
            page.fill("#alt-1", "The shirt in blue, folded");
            page.locator("form.picture-alt button").first().click();
            page.waitForURL("**notice=image-described**");

            // previewed while switched off
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            page.locator("a:has-text('Preview its page')").click();
            // the page's script may add the chosen variant to the address (?variant=...), as in the shop
            page.waitForURL("**/admin/products/" + id + "/preview**");
            assertTrue(page.locator(".preview-banner").isVisible());
            assertEquals(name, page.locator("h1").innerText());
            assertEquals("The shirt in blue, folded", page.locator(".gallery img").first().getAttribute("alt"));
            page.goBack();

            page.check("input[name=active]");
            page.click("text=Save changes");
            page.waitForURL("**notice=saved**");

            // found in the shop
            page.navigate(home + "search?q=" + word);
            page.locator("a:has-text('" + name + "')").first().click();
            page.waitForURL("**/p/**");
            assertEquals(name, page.locator("h1").innerText());
            Browser.chooseVariant(page, prefix + "-BLUE-M");
            assertTrue(page.locator("#compare-at").isVisible() && page.locator("#compare-at").innerText()
                    .contains("$40.00"), "the price before, struck through, for the variant that has one");

            // an order of two of a catalog product, paid with the test provider (the new product stays never
            // ordered, so the test can delete it and leave the demo catalog as it was)
            String number = paidOrder(firstSkuWithStock(), 2);

            page.navigate(home + "admin/orders/" + number);
            page.fill("#carrier", "DHL");
            page.fill("#trackingNumber", "JD014600001");
            page.click("text=Mark shipped and email the customer");
            page.waitForURL("**notice=shipped**");

            page.fill("input[name=amount]", "10.00");
            page.fill("input[name=reason]", "scuffed collar");
            page.click("form[action$='/refund'] button[type=submit]");
            page.waitForSelector("dialog.confirm-dialog[open]");
            String dialog = page.locator("dialog.confirm-dialog").innerText();
            assertTrue(dialog.contains("Refund $10.00?") && dialog.contains("cannot be taken back"), dialog);
            page.locator("dialog.confirm-dialog button[type=submit]").click();
            page.waitForURL("**notice=refunded**");

            String timeline = page.locator("#order-timeline").innerText();
            assertTrue(timeline.indexOf("Refund of $10.00 succeeded") < timeline.indexOf("Shipped, with DHL, tracking"
                    + " number JD014600001") && timeline.indexOf("Shipped") < timeline.indexOf("Payment received")
                    && timeline.indexOf("Payment received") < timeline.indexOf("Order placed")
                    && timeline.contains("scuffed collar"), "newest first: " + timeline);
            assertEquals("Partially refunded", page.locator("p:has-text('Status:') strong").innerText());
            assertEquals(List.of(), errors, "no script or policy errors on the way");
        } finally {
            Files.deleteIfExists(red);
            Files.deleteIfExists(blue);
            if (id > 0) {
                given().auth().oauth2(Admins.adminToken()).when().delete("/api/v1/admin/products/" + id).then()
                        .statusCode(204);
            }
        }
    }

    /** Every admin page (every GET route under /admin that answers HTML) passes axe without a violation. */
    @Test
    void axeFindsNoViolationOnAnyAdminPage() throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("/admin/orders/1", "/admin/orders/" + paidOrder(firstSkuWithStock(), 1));
        values.put("/admin/products/1", "/admin/products/" + single("select min(id) from products where active"));
        values.put("/admin/inventory/1", "/admin/inventory/" + firstSkuWithStock());
        values.put("/admin/customers/1", "/admin/customers/" + single("select min(id) from users"));
        values.put("/admin/pages/1", "/admin/pages/" + single("select min(id) from store_pages"));
        int promotion = Admins.asAdmin().body(Map.of("name", "Axe check " + UUID.randomUUID(), "code",
                "AXE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), "kind", "PERCENT_OFF",
                "percentOff", "5")).when().post("/api/v1/admin/promotions").then().statusCode(201).extract().path("id");
        values.put("/admin/promotions/1", "/admin/promotions/" + promotion);
        String importPath = given().auth().oauth2(Admins.adminToken()).contentType("text/csv")
                .body(given().auth().oauth2(Admins.adminToken()).when().get("/api/v1/admin/catalog/export").then()
                        .statusCode(200).extract().asString().lines().findFirst().orElseThrow() + "\n")
                .when().post("/api/v1/admin/catalog/imports").then().statusCode(202).extract().header("Location");
        values.put("/admin/catalog/imports/1", "/admin/catalog/imports/" + importPath.replaceAll(".*/", ""));

        List<String> pages = new ArrayList<>();
        for (AdminAccessTest.Route route : AdminAccessTest.adminRoutes()) {
            String path = route.path();
            if (!route.method().equals("GET") || !path.startsWith("/admin") || path.endsWith(".csv")) {
                continue; // the API and downloads, not pages
            }
            String real = path.contains("/1") ? values.get(path.replaceAll("(/1)(/.*)?$", "$1")) : path;
            assertTrue(real != null, "a page to check for " + path);
            pages.add(path.contains("/1") ? real + path.replaceAll(".*?/1", "") : path);
        }
        pages.add("/admin?period=30d");
        assertTrue(pages.size() >= 20, "every admin page: " + pages);

        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (BrowserContext context = browser.newVisitorForAudits()) {
            Page page = context.newPage();
            signIn(page, "admin");
            for (String path : pages) {
                page.navigate(home + path.substring(1));
                List<String> found = Browser.axeViolations(page);
                if (!found.isEmpty()) {
                    violations.put(path, found);
                }
            }
            // and the refund's confirmation, as the dialog shows it
            page.navigate(home + values.get("/admin/orders/1").substring(1));
            page.fill("input[name=amount]", "1.00");
            page.click("form[action$='/refund'] button[type=submit]");
            page.waitForSelector("dialog.confirm-dialog[open]");
            List<String> found = Browser.axeViolations(page);
            if (!found.isEmpty()) {
                violations.put("refund dialog", found);
            }
        }
        assertEquals(Map.of(), violations, "axe violations per page");
        Admins.asAdmin().when().delete("/api/v1/admin/promotions/" + promotion).then().statusCode(204);
    }

    private void signIn(Page page, String path) {
        page.navigate(home + path);
        page.waitForURL("**/login**");
        page.fill("input[name=email]", "admin@storefront.test");
        page.fill("input[name=password]", "demo-admin-password");
        page.locator("form button[type=submit]").last().click();
        page.waitForURL("**/" + path);
    }

    private static List<String> urls(Page page) {
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) page.locator("li[data-url]").evaluateAll(
                "items => items.map(i => i.getAttribute('data-url'))");
        return urls;
    }

    /** An order of {@code quantity} of the SKU, placed through the API and paid on the test payment page. */
    private static String paidOrder(String sku, int quantity) {
        String cart = Carts.newCart();
        Carts.add(cart, sku, quantity).then().statusCode(200);
        var placed = Checkouts.place(Checkouts.body(cart, "grace-" + UUID.randomUUID() + "@example.com"),
                "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250)).then().statusCode(201)
                .extract();
        String redirect = placed.path("payment.redirectUrl");
        FormClient shopper = new FormClient();
        shopper.open(redirect);
        shopper.submit(redirect.replaceAll("\\?.*", ""), Map.of("decision", "pay")).then().statusCode(303);
        return placed.path("orderNumber");
    }

    private String firstSkuWithStock() {
        return (String) single("select v.sku from variants v join stock_levels s on s.variant_id = v.id"
                + " join products p on p.id = v.product_id where p.active and v.active and s.on_hand - s.reserved > 5"
                + " order by v.id limit 1");
    }

    private Object single(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(sql).getSingleResult());
    }

    private static Path picture(Color colour) throws IOException {
        Path file = Files.createTempFile("picture", ".png");
        BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 400, 400);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
