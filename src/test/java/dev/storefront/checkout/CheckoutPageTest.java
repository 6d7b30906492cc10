package dev.storefront.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.storefront.order.Order;
import dev.storefront.testing.FormClient;
import dev.storefront.testing.TestSkus;

/**
 * The checkout page as a shopper without JavaScript sees it: every amount (subtotal, shipping, tax, total)
 * before paying, for the country and method chosen; errors marked on their fields, the first one focused.
 */
@QuarkusTest
class CheckoutPageTest {

    private static final Pattern MONEY = Pattern.compile("id=\"total-(\\w+)\">\\$([\\d,]+\\.\\d\\d)<");

    @Test
    void theTotalIsShownBeforePayingAndFollowsCountryAndMethod() {
        FormClient shopper = shopperWithACart();
        String page = shopper.open("/checkout");
        Map<String, Long> us = amounts(page);
        assertEquals(0, us.get("tax"), "no tax for the US");
        assertEquals(us.get("subtotal") + us.get("shipping"), us.get("total"));
        assertTrue(page.contains("<option value=\"IE\">Ireland</option>"), "countries by name");

        Map<String, String> typed = form("IE", "express");
        typed.put("name", "Nora Barnacle");
        Response ireland = shopper.submit("/checkout/totals", typed);
        assertEquals(200, ireland.statusCode());
        String html = ireland.asString();
        Map<String, Long> ie = amounts(html);
        assertEquals(1499, ie.get("shipping"), "express, as configured");
        long expectedTax = BigDecimal.valueOf((ie.get("subtotal") + ie.get("shipping")) * 23)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
        assertEquals(expectedTax, ie.get("tax"), "23% VAT on goods and shipping");
        assertEquals(ie.get("subtotal") + ie.get("shipping") + ie.get("tax"), ie.get("total"));
        assertTrue(html.contains("id=\"total-tax-rate\">23%<") && html.contains("id=\"total-country\">Ireland<"), html);
        assertTrue(html.contains("value=\"Nora Barnacle\""), "what was typed is kept");
        assertTrue(html.contains("<option value=\"IE\" selected>Ireland</option>"));

        // the page's script asks the same as JSON
        String json = shopper.request().contentType("application/x-www-form-urlencoded").accept("application/json")
                .formParam("csrf", shopper.csrf).formParam("country", "IE").formParam("shippingMethod", "express")
                .when().post("/checkout/totals").then().statusCode(200).extract().path("total");
        assertEquals(String.format("$%,.2f", ie.get("total") / 100.0), json);

        long orders = QuarkusTransaction.requiringNew().call(() -> Order.count("email", "nora@example.com"));
        assertEquals(0, orders, "updating the totals places nothing");
    }

    @Test
    void errorsAreMarkedOnTheirFieldsAndTheFirstIsFocused() {
        FormClient shopper = shopperWithACart();
        shopper.open("/checkout");
        Map<String, String> fields = form("US", "standard");
        fields.put("email", "");
        fields.put("name", "");
        Response refused = shopper.submit("/checkout", fields);
        assertEquals(400, refused.statusCode());
        String html = refused.asString();
        assertTrue(html.contains("Email is required"), "an empty email is missing, not malformed");
        assertTrue(Pattern.compile("id=\"email\"[^>]*aria-invalid=\"true\" aria-describedby=\"email-error\" autofocus")
                .matcher(html).find(), "the first field with a problem is marked and focused");
        assertTrue(Pattern.compile("id=\"name\"[^>]*aria-invalid=\"true\" aria-describedby=\"name-error\">")
                .matcher(html).find(), "every field with a problem is marked, only the first focused");
        assertTrue(html.contains("id=\"name-error\""));
        assertFalse(Pattern.compile("id=\"city\"[^>]*aria-invalid").matcher(html).find(), "a good field is not");
        assertTrue(html.contains("value=\"1 Main St\""), "what was typed is kept");
    }

    private static FormClient shopperWithACart() {
        TestSkus.Sku sku = TestSkus.withStock(5);
        FormClient shopper = new FormClient();
        shopper.open("/p/" + sku.productSlug());
        assertEquals(303, shopper.submit("/cart/items", Map.of("sku", sku.sku(), "quantity", "2")).statusCode());
        return shopper;
    }

    private static Map<String, String> form(String country, String method) {
        return new HashMap<>(Map.of("email", "nora@example.com", "name", "Nora", "line1", "1 Main St",
                "city", "Springfield", "region", "IL", "postalCode", "62701", "country", country,
                "shippingMethod", method));
    }

    /** The summary's amounts in cents, by name (subtotal, shipping, tax, total). */
    private static Map<String, Long> amounts(String html) {
        Map<String, Long> amounts = new HashMap<>();
        Matcher money = MONEY.matcher(html);
        while (money.find()) {
            amounts.put(money.group(1), new BigDecimal(money.group(2).replace(",", "")).movePointRight(2).longValueExact());
        }
        assertEquals(4, amounts.size(), "subtotal, shipping, tax and total: " + amounts);
        return amounts;
    }
}
