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
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.testing.Admins;
import dev.storefront.testing.Browser;
import dev.storefront.testing.FormClient;

/** An admin in Chromium, JavaScript off: signs in, creates a product with a variant, uploads its picture. */
@QuarkusTest
class AdminBrowserTest {

    private final Browser browser = Browser.shared();

    @TestHTTPResource("/")
    URL home;

    @Inject
    EntityManager entityManager;

    @Inject
    RedisDataSource redis;

    @Test
    void anAdminCreatesAProductAndUploadsItsPictureWithoutJavaScript() throws IOException {
        FormClient.forgetFailedSignIns(redis);
        String word = "plumvarex" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9-]", "k");
        String sku = "PV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Path picture = Files.createTempFile("picture", ".png");
        BufferedImage image = new BufferedImage(600, 600, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.MAGENTA);
        g.fillRect(0, 0, 600, 600);
        g.dispose();
        ImageIO.write(image, "png", picture.toFile());
        try (BrowserContext admin = browser.newVisitor(false)) {
            Page page = admin.newPage();
            List<String> failed = new ArrayList<>();
            page.onResponse(response -> {
                if (response.status() >= 400) {
                    failed.add(response.status() + " " + response.url());
                }
            });
            page.navigate(home + "admin/products/new");
            page.waitForURL("**/login**");
            page.fill("input[name=email]", "admin@storefront.test");
            page.fill("input[name=password]", "demo-admin-password");
            page.locator("form button[type=submit]").last().click();
            page.waitForURL("**/admin/products/new");

            page.fill("input[name=name]", "Plum " + word);
            page.fill("input[name=brand]", "Acme");
            page.selectOption("select[name=categoryId]", new com.microsoft.playwright.options.SelectOption().setIndex(1));
            page.fill("input[name='variant.0.sku']", sku);
            page.fill("input[name='variant.0.attributes']", "size=L; colour=Plum");
            page.fill("input[name='variant.0.price']", "42.00");
            page.click("text=Create product");
            page.waitForURL("**/admin/products/*?notice=created");
            assertTrue(page.content().contains("The product has been created"));

            page.setInputFiles("input[name=image]", picture);
            page.click("text=Upload");
            page.waitForURL("**notice=image-added");
            assertTrue(page.locator(".admin-images img").first()
                    .evaluate("img => img.complete && img.naturalWidth > 0").equals(Boolean.TRUE), "the picture shows");

            page.navigate(home + "p/plum-" + word);
            assertEquals("Plum " + word, page.locator("h1").innerText());
            assertTrue(page.locator(".gallery img").first()
                    .evaluate("img => img.complete && img.naturalWidth > 0").equals(Boolean.TRUE),
                    "the uploaded picture is the product's picture in the shop");
            assertEquals(List.of(), failed, "no broken page, picture or asset on the way");
        } finally {
            Files.deleteIfExists(picture);
            long id = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                    "select coalesce(max(id), 0) from products where slug = ?1").setParameter(1, "plum-" + word)
                    .getSingleResult()).longValue());
            if (id > 0) {
                given().auth().oauth2(Admins.adminToken()).when().delete("/api/v1/admin/products/" + id).then()
                        .statusCode(204);
            }
        }
    }
}
