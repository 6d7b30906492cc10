package dev.storefront.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.testing.Browser;

/**
 * A product with several pictures shows the first large with thumbnails that swap it; without JavaScript
 * every picture is shown; each opens full size.
 */
@QuarkusTest
class GalleryBrowserTest {

    private final Browser browser = Browser.shared();

    @TestHTTPResource("/")
    URL home;

    @Inject
    EntityManager entityManager;

    @Inject
    CatalogChanges changes;

    private String slug;
    private String imagesBefore;

    @Test
    void thumbnailsSwapTheLargePictureAndEveryPictureOpensFullSize() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select slug, images::text, images ->> 0 from products where active and jsonb_array_length(images) = 1"
                        + " order by slug limit 3").getResultList());
        slug = (String) rows.get(0)[0];
        imagesBefore = (String) rows.get(0)[1];
        List<String> pictures = rows.stream().map(row -> (String) row[2]).toList();
        setImages("[\"" + String.join("\",\"", pictures) + "\"]");

        try (BrowserContext visitor = browser.newVisitor(true)) {
            Page page = visitor.newPage();
            List<String> errors = Browser.consoleErrors(page);
            page.navigate(home + "p/" + slug);
            assertEquals(3, page.locator(".gallery-thumb").count(), "a thumbnail per picture");
            assertEquals(1, page.locator(".gallery-view:visible").count(), "one large picture at a time");
            assertEquals(pictures.get(0), page.locator(".gallery-view:visible img").getAttribute("src"));
            page.locator(".gallery-thumb").nth(1).click();
            assertEquals(pictures.get(1), page.locator(".gallery-view:visible img").getAttribute("src"));
            assertEquals("true", page.locator(".gallery-thumb").nth(1).getAttribute("aria-pressed"));
            assertEquals(pictures.get(1), page.locator(".gallery-view:visible").getAttribute("href"),
                    "the large picture opens full size");
            assertEquals(List.of(), errors, "no script errors");
        }
        try (BrowserContext noScript = browser.newVisitor(false)) {
            Page page = noScript.newPage();
            page.navigate(home + "p/" + slug);
            assertEquals(3, page.locator(".gallery-view:visible").count(), "every picture, one under the other");
            assertTrue(page.locator(".gallery-thumb").count() == 0);
        }
    }

    @AfterEach
    void putThePicturesBack() {
        if (slug != null) {
            setImages(imagesBefore);
        }
    }

    private void setImages(String json) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update products set images = cast(?1 as jsonb) where slug = ?2").setParameter(1, json)
                .setParameter(2, slug).executeUpdate());
        changes.awaitHandled(java.time.Duration.ofSeconds(5));
    }
}
