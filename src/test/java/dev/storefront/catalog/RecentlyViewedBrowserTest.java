package dev.storefront.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.testing.Browser;

/** The product page shows the products this browser opened before, newest first, never the one shown. */
@QuarkusTest
class RecentlyViewedBrowserTest {

    private final Browser browser = Browser.shared();

    @TestHTTPResource("/")
    URL home;

    @Inject
    EntityManager entityManager;

    @Test
    void aProductPageListsTheOthersThisBrowserOpenedNewestFirst() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select slug, name from products where active order by slug limit 3").getResultList());
        String first = (String) rows.get(0)[0], second = (String) rows.get(1)[0], third = (String) rows.get(2)[0];
        try (BrowserContext visitor = browser.newVisitor(true)) {
            Page page = visitor.newPage();
            List<String> errors = Browser.consoleErrors(page);
            page.navigate(home + "p/" + first);
            assertFalse(page.locator("#recently-viewed").isVisible(), "nothing viewed before the first product");
            page.navigate(home + "p/" + second);
            page.navigate(home + "p/" + third);
            Locator recent = page.locator("#recently-viewed");
            assertTrue(recent.isVisible());
            assertEquals(List.of("/p/" + second, "/p/" + first), recent.locator("a").all().stream()
                    .map(link -> link.getAttribute("href")).toList(), "newest first, not the product shown");
            assertEquals(rows.get(1)[1], recent.locator(".card-name").first().innerText().strip());

            page.navigate(home + "p/" + first);
            assertEquals(List.of("/p/" + third, "/p/" + second), page.locator("#recently-viewed a").all().stream()
                    .map(link -> link.getAttribute("href")).toList(), "each product once, the last seen first");
            assertEquals(List.of(), errors, "no script errors");
        }
        try (BrowserContext noScript = browser.newVisitor(false)) {
            Page page = noScript.newPage();
            page.navigate(home + "p/" + first);
            page.navigate(home + "p/" + second);
            assertFalse(page.locator("#recently-viewed").isVisible(), "without the script nothing is claimed");
        }
    }
}
