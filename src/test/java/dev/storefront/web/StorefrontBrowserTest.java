package dev.storefront.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.catalog.Variant;
import dev.storefront.testing.Browser;

/** A shopper in a real Chromium, with JavaScript turned off: every page must work without it. */
@QuarkusTest
class StorefrontBrowserTest {

    private final Browser browser = Browser.shared();

    @TestHTTPResource("/")
    URL home;

    @Test
    void shopperGoesFromTheHomePageToAProduct() {
        try (BrowserContext visitor = browser.newVisitor(false)) {
            Page page = visitor.newPage();
            List<String> failedRequests = new ArrayList<>();
            page.onResponse(response -> {
                if (response.status() >= 400) {
                    failedRequests.add(response.status() + " " + response.url());
                }
            });
            page.navigate(home.toString());

            assertEquals("sticky", page.locator(".site-header").evaluate("e => getComputedStyle(e).position"),
                    "the stylesheet is applied");
            Locator firstFeatured = page.locator("#featured + .grid .card a").first();
            String productName = firstFeatured.locator(".card-name").innerText();
            firstFeatured.locator("img").scrollIntoViewIfNeeded();
            page.waitForFunction("() => [...document.querySelectorAll('#featured + .grid img')]"
                    + ".slice(0, 1).every(img => img.complete && img.naturalWidth > 0)");

            firstFeatured.click();
            page.waitForURL("**/p/**");
            assertEquals(productName, page.locator("h1").innerText());
            assertTrue(page.locator(".breadcrumb").innerText().startsWith("Home"));
            assertTrue(page.locator(".gallery img").first()
                    .evaluate("img => img.complete && img.naturalWidth > 0").equals(Boolean.TRUE),
                    "the product picture shows");

            assertEquals(List.of(), failedRequests, "no broken asset, image or link on the way");
        }
    }

    @Test
    void theChosenVariantIsWhatGoesInTheCartWithoutJavaScript() {
        addTheChosenVariant(false);
    }

    @Test
    void theChosenVariantIsWhatGoesInTheCartWithJavaScript() {
        addTheChosenVariant(true);
    }

    /** Chooses a variant other than the preselected one and presses Add to cart, nothing in between. */
    private void addTheChosenVariant(boolean javaScript) {
        String slug = productWithChoices();
        try (BrowserContext visitor = browser.newVisitor(javaScript)) {
            Page page = visitor.newPage();
            page.navigate(home.toString() + "p/" + slug);
            String preselected = page.locator(".variant-picker input[name=sku]:checked").getAttribute("value");
            Locator other = page.locator(".variant-picker input[name=sku]:not(:checked):not([disabled])").last();
            String wanted = other.getAttribute("value");
            assertNotEquals(preselected, wanted);
            Browser.chooseVariant(page, wanted);
            if (javaScript) {
                assertEquals(wanted, page.locator("#sku").innerText(), "the page shows the chosen SKU at once");
                page.locator("form.add-to-cart button.add").click();
                page.locator("#cart-status.is-ok").waitFor();
                page.navigate(home.toString() + "cart");
            } else {
                // a shopper types a quantity and presses Enter: the form's default button is "Add to cart"
                page.locator("#quantity").fill("2");
                page.locator("#quantity").press("Enter");
                page.waitForURL("**/cart?notice=added");
                assertEquals("2", page.locator(".cart-line input[name=quantity]").inputValue(), "the quantity typed");
            }
            List<String> inCart = page.locator(".cart-line .sku").allInnerTexts();
            assertEquals(List.of("SKU " + wanted), inCart, "the chosen variant, and only it, is in the cart");
        }
    }

    @Test
    void showThisOptionWithoutJavaScript() {
        String slug = productWithChoices();
        try (BrowserContext visitor = browser.newVisitor(false)) {
            Page page = visitor.newPage();
            page.navigate(home.toString() + "p/" + slug);
            String before = page.locator("#sku").innerText();
            Locator other = page.locator(".variant-picker input[name=sku]:not(:checked):not([disabled])").last();
            String wanted = other.getAttribute("value");
            assertNotEquals(before, wanted);
            other.check();
            page.locator("form.add-to-cart button.show-option").click();
            page.waitForURL("**variant=" + wanted + "#buy");
            assertEquals(wanted, page.locator("#sku").innerText());
            assertEquals(Boolean.TRUE, page.locator("input[name=sku][value='" + wanted + "']").isChecked());
        }
    }

    @Test
    void theCheckoutTotalFollowsTheCountryWithJavaScript() {
        dev.storefront.testing.TestSkus.Sku sku = dev.storefront.testing.TestSkus.withStock(3);
        try (BrowserContext visitor = browser.newVisitor(true)) {
            Page page = visitor.newPage();
            page.navigate(home.toString() + "p/" + sku.productSlug() + "?variant=" + sku.sku());
            page.locator("form.add-to-cart button.add").click();
            page.locator("#cart-status.is-ok").waitFor();
            page.navigate(home.toString() + "checkout");
            assertEquals("0%", page.locator("#total-tax-rate").innerText());
            page.selectOption("#country", "IE");
            page.waitForCondition(() -> page.locator("#total-tax-rate").innerText().equals("23%"));
            assertEquals("Ireland", page.locator("#total-country").innerText());
            assertNotEquals("$0.00", page.locator("#total-tax").innerText(), "VAT is added before paying");
        }
    }

    @Test
    void everyPageHasTheCategoryMenuADrawerOnAPhone() {
        try (BrowserContext visitor = browser.newVisitor(false)) {
            Page page = visitor.newPage();
            page.setViewportSize(390, 844);
            page.navigate(home.toString() + "cart");
            Locator subcategory = page.locator(".menu-children a").first();
            assertTrue(!subcategory.isVisible(), "closed until asked for");
            page.locator(".menu-drawer > summary").click();
            String href = subcategory.getAttribute("href");
            subcategory.click();
            page.waitForURL("**" + href);
            assertTrue(page.locator(".listing").isVisible(), "a category page");

            page.setViewportSize(1366, 900);
            page.navigate(home.toString() + "checkout");
            assertTrue(page.locator(".menu-departments > li > a").first().isVisible(),
                    "on a wide screen the departments stand in the header");
        }
        try (BrowserContext tablet = browser.newVisitor(true)) {
            Page page = tablet.newPage();
            page.setViewportSize(1024, 768);
            page.navigate(home.toString() + "c/clothing");
            assertTrue(page.locator(".menu-departments").isVisible(), "open on a landscape tablet");
            assertTrue(page.locator(".filters-drawer .facet").first().isVisible());
            page.setViewportSize(768, 1024);
            page.waitForCondition(() -> !page.locator(".menu-departments").isVisible());
            assertTrue(!page.locator(".filters-drawer .facet").first().isVisible(),
                    "turned to portrait, the drawers close instead of covering the page");
            page.setViewportSize(1024, 768);
            page.waitForCondition(() -> page.locator(".menu-departments").isVisible());
        }
    }

    @Test
    void touchTargetsAreBigEnoughAndButtonsAreNamedAsTheyRead() {
        try (BrowserContext visitor = browser.newVisitor(false)) {
            Page page = visitor.newPage();
            page.setViewportSize(390, 844);
            page.navigate(home.toString());
            Locator links = page.locator(".subcategories a");
            for (int i = 0; i < Math.min(links.count(), 10); i++) {
                double height = links.nth(i).boundingBox().height;
                assertTrue(height >= 24, "a subcategory link is " + height + " px tall; fingers need 24");
            }
            Locator buttons = page.locator(".card-add button, a.card-options");
            assertTrue(buttons.count() > 0);
            for (int i = 0; i < buttons.count(); i++) {
                String shown = buttons.nth(i).innerText().strip();
                String name = buttons.nth(i).getAttribute("aria-label");
                assertTrue(name == null || name.startsWith(shown), "'" + name + "' starts with what it shows: " + shown);
            }
        }
    }

    /** A product with at least three variants, two of them in stock. */
    private static String productWithChoices() {
        return QuarkusTransaction.requiringNew().call(() -> Variant.getEntityManager().createQuery("""
                select v.product.slug from Variant v where v.product.active = true and v.active = true
                and v.stock.onHand - v.stock.reserved > 0
                group by v.product.slug having count(v) >= 3 order by v.product.slug""", String.class)
                .setMaxResults(1).getSingleResult());
    }

    @Test
    void aMistypedAddressShowsTheStoresNotFoundPage() {
        try (BrowserContext visitor = browser.newVisitor(false)) {
            Page page = visitor.newPage();
            var response = page.navigate(home.toString() + "p/no-such-product");
            assertEquals(404, response.status());
            assertTrue(page.locator("h1").innerText().contains("couldn't find that page"));
            page.locator("a.button").click();
            page.waitForURL(home.toString());
            assertTrue(page.locator("#featured").isVisible());
        }
    }
}
