package dev.storefront.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.account.BrowserSession;
import dev.storefront.cart.CartCookie;
import dev.storefront.testing.Admins;
import dev.storefront.testing.FormClient;

/**
 * Every state-changing request that rides on the browser's cookies needs the CSRF token, whatever its
 * content type or lack of body; only a bearer token that verifies is exempt; and what the browser marks as
 * cross-site is refused even with a token.
 */
@QuarkusTest
class CsrfTest {

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void noThrottle() {
        FormClient.forgetFailedSignIns(redis);
    }

    @Test
    void theAmbientCookiesAreTheOnesTheStoreSets() {
        assertEquals(java.util.Set.of(BrowserSession.COOKIE, CartCookie.NAME), CsrfProtection.AMBIENT_COOKIES);
    }

    @Test
    void aSignedInBrowserNeedsTheTokenWhateverTheContentType() {
        FormClient shopper = signedIn(Admins.newCustomer()[0], "correct horse battery staple");
        String revokeAll = "/account/sessions/revoke-all";
        assertEquals(403, shopper.request().when().post(revokeAll).statusCode(), "no body, no token");
        // other content types do not reach a form's resource at all (415), with or without a token
        assertEquals(415, shopper.request().contentType("text/plain").body("x").when().post(revokeAll).statusCode());
        assertEquals(403, shopper.request().header("Authorization", "Bearer junk").when().post(revokeAll)
                .statusCode(), "a junk bearer token exempts nothing");
        assertEquals(403, shopper.request().header(CsrfProtection.HEADER, shopper.csrf).header("Sec-Fetch-Site",
                "cross-site").when().post(revokeAll).statusCode(), "the browser says another site sent it");
        assertEquals(403, shopper.request().header(CsrfProtection.HEADER, shopper.csrf)
                .header("Origin", "https://evil.example").when().post(revokeAll).statusCode());
        // still signed in: nothing above reached the resource
        shopper.open("/account");
        assertEquals(303, shopper.request().header(CsrfProtection.HEADER, shopper.csrf).when().post(revokeAll)
                .statusCode(), "with the token in a header it goes through");
    }

    @Test
    void anAdminsCookieCannotCancelAnOrderWithoutTheToken() {
        var config = ConfigProvider.getConfig();
        FormClient admin = signedIn(config.getValue("storefront.admin.email", String.class),
                config.getValue("storefront.admin.password", String.class));
        String cancel = "/api/v1/admin/orders/SF-NOSUCH1/cancel";
        assertEquals(403, admin.request().contentType("text/plain").body("x").when().post(cancel).statusCode());
        assertEquals(404, admin.request().header(CsrfProtection.HEADER, admin.csrf).when().post(cancel)
                .statusCode(), "with the token the request reaches the (missing) order");
        // an API client with a real bearer token and no cookies needs no CSRF token
        assertEquals(404, Admins.asAdmin().when().post(cancel).statusCode());
    }

    private static FormClient signedIn(String email, String password) {
        FormClient browser = new FormClient();
        browser.open("/login");
        assertEquals(303, browser.submit("/login", Map.of("email", email, "password", password)).statusCode());
        browser.open("/account");
        return browser;
    }
}
