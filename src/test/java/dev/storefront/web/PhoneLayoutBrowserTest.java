package dev.storefront.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.testing.Browser;
import dev.storefront.testing.FormClient;

/**
 * Every kind of page fits a 390 px phone: nothing is wider than the screen, so nothing needs scrolling
 * sideways (a select as wide as its longest option once pushed the checkout's pay button out of reach).
 * Shopper pages as a guest with an item in the cart, account pages signed in, and the back office.
 */
@QuarkusTest
class PhoneLayoutBrowserTest {

    private static final int PHONE_WIDTH = 390;

    private final Browser browser = Browser.shared();

    @TestHTTPResource("/")
    URL home;

    @Inject
    EntityManager entityManager;

    @Inject
    RedisDataSource redis;

    @Test
    void noPageIsWiderThanAPhone() {
        String[] product = QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager.createNativeQuery("""
                    select p.slug, c.slug, v.sku from products p join categories c on c.id = p.category_id
                    join variants v on v.product_id = p.id join stock_levels s on s.variant_id = v.id
                    where p.active and v.active and s.on_hand - s.reserved >= 5 order by p.slug limit 1""")
                    .getSingleResult();
            return new String[] { (String) row[0], (String) row[1], (String) row[2] };
        });
        List<String> tooWide = new ArrayList<>();
        try (BrowserContext phone = browser.newPhoneVisitor()) {
            Page page = phone.newPage();
            for (String path : List.of("/", "/c/" + product[1], "/c/" + product[1] + "?page=2", "/p/" + product[0],
                    "/search?q=jacket", "/search?q=zzzzqqq", "/login", "/register", "/password-reset", "/cart",
                    "/no-such-page")) {
                check(page, path, tooWide);
            }
            page.navigate(home + "p/" + product[0]);
            page.locator("button.add").click();
            page.waitForFunction("() => document.querySelector('.cart-count').textContent.trim() !== '0'");
            for (String path : List.of("/cart", "/checkout", "/cart/clear")) {
                check(page, path, tooWide);
            }
        }
        FormClient.forgetFailedSignIns(redis);
        var config = ConfigProvider.getConfig();
        try (BrowserContext phone = browser.newPhoneVisitor()) {
            Page page = phone.newPage();
            page.navigate(home + "login");
            page.locator("#email").fill(config.getValue("storefront.admin.email", String.class));
            page.locator("#password").fill(config.getValue("storefront.admin.password", String.class));
            page.locator("form[action^='/login'] button[type=submit]").click();
            page.waitForURL(url -> !url.contains("/login"));
            for (String path : List.of("/account", "/admin", "/admin/orders", "/admin/products", "/admin/products/new",
                    "/admin/categories", "/admin/inventory", "/admin/customers", "/admin/catalog", "/admin/audit")) {
                check(page, path, tooWide);
            }
        }
        assertEquals(List.of(), tooWide, "pages wider than a " + PHONE_WIDTH + " px phone");
    }

    private void check(Page page, String path, List<String> tooWide) {
        page.navigate(home + path.substring(1));
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        if (((Number) width).intValue() > PHONE_WIDTH) {
            Object widest = page.evaluate("""
                    () => [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > %d)
                      .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ')[0] : '')
                                + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')
                      .slice(-3).join(', ')""".formatted(PHONE_WIDTH));
            tooWide.add(path + ": " + width + " px (" + widest + ")");
        }
    }
}
