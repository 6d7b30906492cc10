package dev.storefront.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.testing.Browser;

/** Adding to the cart in a real Chromium: with the script the page stays put, without it the cart opens. */
@QuarkusTest
class CartBrowserTest {

    private final Browser browser = Browser.shared();

    @TestHTTPResource("/")
    URL home;

    @Inject
    EntityManager entityManager;

    @Test
    void withJavaScriptAddingUpdatesTheHeaderWithoutLeavingThePage() {
        String slug = productInStock();
        try (BrowserContext visitor = browser.newVisitor(true)) {
            Page page = visitor.newPage();
            List<String> errors = Browser.consoleErrors(page);
            page.navigate(home + "p/" + slug);
            String url = page.url();
            page.locator("#quantity").fill("2");
            page.locator("form.buy-form button[type=submit]:not([formaction])").click();
            page.waitForFunction("() => document.querySelector('.cart-count').textContent.trim() === '2'");
            assertEquals(url, page.url(), "still on the product page");
            assertTrue(page.locator("#cart-status").innerText().contains("Added to your cart"));
            page.locator("a.cart-link").click();
            page.waitForURL("**/cart");
            assertEquals(1, page.locator(".cart-line").count());
            assertEquals(List.of(), errors);
        }
    }

    @Test
    void withoutJavaScriptAddingOpensTheCart() {
        String slug = productInStock();
        try (BrowserContext visitor = browser.newVisitor(false)) {
            Page page = visitor.newPage();
            page.navigate(home + "p/" + slug);
            page.locator("form.buy-form button[type=submit]:not([formaction])").click();
            page.waitForURL("**/cart?notice=added");
            assertEquals("1", page.locator(".cart-count").innerText().trim());
            page.getByLabel("Quantity of", new Page.GetByLabelOptions()).first().fill("3");
            page.locator(".quantity-form button").first().click();
            page.waitForURL("**/cart?notice=updated");
            assertEquals("3", page.locator(".cart-count").innerText().trim());
        }
    }

    private String productInStock() {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery("""
                select p.slug from products p join variants v on v.product_id = p.id
                join stock_levels s on s.variant_id = v.id
                where p.active and v.active and s.on_hand - s.reserved >= 10
                group by p.slug having count(*) = count(*) filter (where s.on_hand - s.reserved >= 10)
                order by p.slug limit 1""").getSingleResult());
    }
}
