package dev.storefront.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

/**
 * A whole purchase as a shopper makes it on a phone (390 × 844, touch), in Chromium: the category menu,
 * a filter from the listing's drawer, a product with a size or colour other than the preselected one,
 * the cart, checkout with its total shown before paying, the test payment page, and the paid order's
 * timeline. What went into the cart is the variant that was chosen, and the total paid is the one shown.
 */
@QuarkusTest
class PhonePurchaseBrowserTest {

    private final Browser browser = Browser.shared();

    @TestHTTPResource("/")
    URL home;

    @Inject
    EntityManager entityManager;

    /** A product with at least two variants in stock, in a category where its brand fills one page or less. */
    private record Target(String slug, String name, String categorySlug, String categoryName, String brand) {
    }

    @Test
    void aShopperBuysTheSizeAndColourTheyChoseOnAPhone() {
        Target target = target();
        try (BrowserContext phone = browser.newPhoneVisitor()) {
            Page page = phone.newPage();
            List<String> errors = Browser.consoleErrors(page);
            page.navigate(home.toString());
            fitsThePhone(page);

            // the category menu is a drawer on a phone
            Locator menu = page.locator("details.menu-drawer");
            assertFalse(page.locator(".menu-departments").isVisible(), "closed until asked for");
            menu.locator("summary").click();
            menu.locator("a[href='/c/" + target.categorySlug() + "']").click();
            page.waitForURL("**/c/" + target.categorySlug());
            fitsThePhone(page);

            // the filters too: open them, pick the brand
            Locator filters = page.locator("details.filters-drawer");
            filters.locator("summary").first().click();
            filters.locator("a.facet-option:has(.facet-label:text-is(\"" + target.brand() + "\"))").first().click();
            page.waitForURL(url -> url.contains("brand="));
            assertTrue(page.locator(".results-count").innerText().contains("product"), "a filtered listing");

            page.locator(".results a[href='/p/" + target.slug() + "']").first().click();
            page.waitForURL("**/p/" + target.slug() + "**");
            fitsThePhone(page);

            // another option than the one shown first
            Locator preselected = page.locator("input[name=sku]:checked");
            Locator other = page.locator("input[name=sku]:not(:checked):not(:disabled)").first();
            String chosenSku = other.getAttribute("value");
            assertNotEquals(preselected.getAttribute("value"), chosenSku);
            String chosenLabel = page.locator("label.variant", new Page.LocatorOptions().setHas(
                    page.locator("input[value='" + chosenSku + "']"))).locator(".variant-label").textContent().strip();
            Browser.chooseVariant(page, chosenSku);
            assertEquals(chosenSku, page.locator("#sku").innerText(), "the page shows the chosen variant");
            page.locator("button.add").click();
            page.waitForFunction("() => document.querySelector('.cart-count').textContent.trim() === '1'");

            page.locator("a.cart-link").click();
            page.waitForURL("**/cart");
            fitsThePhone(page);
            assertEquals(1, page.locator(".cart-line").count());
            assertTrue(page.locator(".cart-line").innerText().contains(target.name()), "the product");
            assertEquals(chosenLabel, page.locator(".cart-line .cart-variant").innerText().strip(),
                    "the size and colour chosen, not the preselected ones");

            page.locator("a.button[href='/checkout']").click();
            page.waitForURL("**/checkout");
            page.locator("#email").fill("phone-buyer@example.com");
            page.locator("#name").fill("Ada Lovelace");
            page.locator("#line1").fill("12 Analytical Way");
            page.locator("#city").fill("Springfield");
            page.locator("#region").fill("IL");
            page.locator("#postalCode").fill("62701");
            page.locator("#country").selectOption("US");
            page.locator("input[name=shippingMethod]").last().check();
            // the totals follow the choice of shipping before anything is paid
            String shippingMethod = page.locator("input[name=shippingMethod]").last().evaluate("e => e.parentElement.textContent")
                    .toString().strip();
            page.waitForFunction("m => m.startsWith(document.querySelector('#total-method').textContent.trim())",
                    shippingMethod);
            String total = page.locator("#total-total").innerText().strip();
            assertTrue(total.startsWith("$"), total);

            fitsThePhone(page);
            page.locator("button.place-order").click();
            page.waitForURL("**/pay/test/**");
            fitsThePhone(page);
            assertEquals("Pay " + total, page.locator("h1").innerText().strip(), "the total shown is the total asked");
            page.locator("button[value=pay]").click();
            page.waitForURL("**/orders/**");
            fitsThePhone(page);
            assertTrue(page.locator("h1").innerText().startsWith("Order "));
            assertTrue(page.locator("#order-history").innerText().contains("Payment received"),
                    page.locator("#order-history").innerText());
            assertTrue(page.locator("main").innerText().contains(chosenLabel), "the order shows the chosen variant");
            assertEquals(List.of(), errors, "no script or page errors on the way");
        }
    }

    /** No page of the walk is wider than the phone: nothing to scroll sideways for. */
    private static void fitsThePhone(Page page) {
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        assertTrue(((Number) width).intValue() <= 390, page.url() + " is " + width + " px wide on a 390 px phone");
    }

    private Target target() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                select p.slug, p.name, c.slug, c.name, p.brand from products p
                join categories c on c.id = p.category_id
                where p.active and p.category_id in (select id from categories)
                  and (select count(*) from variants v join stock_levels s on s.variant_id = v.id
                       where v.product_id = p.id and v.active and s.on_hand - s.reserved >= 5) >= 2
                  and (select count(*) from products q where q.category_id = p.category_id and q.brand = p.brand
                       and q.active) <= 20
                order by p.slug limit 1""").getSingleResult());
        return new Target((String) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4]);
    }
}
