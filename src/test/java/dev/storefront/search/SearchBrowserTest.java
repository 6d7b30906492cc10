package dev.storefront.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.testing.Browser;

/** Searching and filtering in a real Chromium: without JavaScript, and with the suggestions script. */
@QuarkusTest
class SearchBrowserTest {

    private final Browser browser = Browser.shared();

    @TestHTTPResource("/")
    URL home;

    @Test
    void withoutJavaScriptTheSearchBoxFacetsAndSortWork() {
        try (BrowserContext visitor = browser.newVisitor(false)) {
            Page page = visitor.newPage();
            page.navigate(home.toString());
            page.getByLabel("Search products").fill("merino");
            page.getByLabel("Search products").press("Enter");
            page.waitForURL("**/search?q=merino");
            assertTrue(page.locator("h1").innerText().contains("merino"));
            int before = page.locator(".results .card").count();
            assertTrue(before > 0, "finds merino products");

            Locator firstBrand = page.locator("details.facet:has(summary:text('Brand')) a").first();
            firstBrand.click();
            page.waitForURL("**brand=**");
            assertEquals(1, page.locator(".chips a:not(.clear)").count(), "one filter in force");

            page.getByLabel("Sort by").selectOption("price-asc");
            page.locator("form.sort button").click();
            page.waitForURL("**sort=price-asc**");
            assertTrue(page.url().contains("brand="), "sorting keeps the filter");

            page.locator(".chips a:not(.clear)").first().click();
            page.waitForURL(url -> !url.contains("brand="));
            assertEquals(0, page.locator(".chips").count(), "the filter is gone");
        }
    }

    @Test
    void onAPhoneTheProductsComeFirstInTwoColumnsAndTheFiltersInADrawer() {
        try (BrowserContext visitor = browser.newVisitor(false)) {
            Page page = visitor.newPage();
            page.setViewportSize(390, 844);
            page.navigate(home.toString() + "c/clothing");
            Locator cards = page.locator(".results .card");
            var first = cards.nth(0).boundingBox();
            var second = cards.nth(1).boundingBox();
            assertTrue(first.y < 844, "the first product is on the first screen, at y=" + first.y);
            assertEquals(first.y, second.y, 1.0, "two cards side by side");
            assertTrue(second.x > first.x + first.width / 2);
            Locator brand = page.locator("details.facet:has(summary:text('Brand')) a").first();
            assertTrue(!brand.isVisible(), "the filters wait in a closed drawer");
            page.locator(".filters-drawer > summary").click();
            assertTrue(brand.isVisible(), "one tap opens it, without JavaScript");

            page.setViewportSize(1366, 900);
            page.reload();
            assertTrue(page.locator("details.facet:has(summary:text('Brand')) a").first().isVisible(),
                    "on a wide screen the filters stand open beside the results");
        }
    }

    @Test
    void withJavaScriptASortOrderAppliesWhenChosen() {
        try (BrowserContext visitor = browser.newVisitor(true)) {
            Page page = visitor.newPage();
            page.navigate(home.toString() + "c/clothing");
            page.getByLabel("Sort by").selectOption("price-desc");
            page.waitForURL("**sort=price-desc**");
        }
    }

    @Test
    void suggestionsAppearWhileTypingAndOpenWithTheKeyboard() {
        try (BrowserContext visitor = browser.newVisitor(true)) {
            Page page = visitor.newPage();
            List<String> errors = Browser.consoleErrors(page);
            page.navigate(home.toString());
            Locator box = page.getByRole(com.microsoft.playwright.options.AriaRole.COMBOBOX);
            box.pressSequentially("wirel", new Locator.PressSequentiallyOptions().setDelay(40));
            Locator options = page.locator("#search-suggestions [role=option]");
            // on a busy machine the pause between two keys can outlast the script's wait, so the words typed
            // so far ("wir") may be suggested first: the suggestions for the whole word are what must arrive
            page.waitForFunction("() => { const first = document.querySelector('#search-suggestions [role=option]');"
                    + " return first !== null && first.textContent.includes('Wireless'); }");
            assertTrue(options.count() <= 8, "at most eight suggestions");
            assertEquals("true", box.getAttribute("aria-expanded"));

            String chosen = options.first().innerText();
            box.press("ArrowDown");
            box.press("Enter");
            page.waitForURL("**/p/**");
            assertEquals(chosen, page.locator("h1").innerText());
            assertEquals(List.of(), errors, "no script errors (the content security policy allows the script)");
        }
    }
}
