package dev.storefront.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A page kept for everyone gets each visitor's cart count and token in its slots, and nothing else changes. */
class SharedPageTest {

    private static final String RENDERED = "<p>Café – “quoted” …</p><span>" + PersonalParts.CART_COUNT_SLOT
            + "</span><input value=\"" + PersonalParts.CSRF_TOKEN_SLOT + "\"><input value=\""
            + PersonalParts.CSRF_TOKEN_SLOT + "\"><b>" + PersonalParts.CART_COUNT_SLOT + "</b>€";

    @Test
    void eachVisitorGetsTheirOwnPartsInEverySlot() {
        SharedPage page = SharedPage.of(RENDERED);
        assertEquals("<p>Café – “quoted” …</p><span>3</span><input value=\"tokenA\"><input value=\"tokenA\"><b>3</b>€",
                new String(page.fill("3", "tokenA"), StandardCharsets.UTF_8));
        assertEquals("<p>Café – “quoted” …</p><span>0</span><input value=\"tokenB\"><input value=\"tokenB\"><b>0</b>€",
                new String(page.fill("0", "tokenB"), StandardCharsets.UTF_8));
    }

    @Test
    void theEtagDiffersPerVisitorAndPerPage() {
        SharedPage page = SharedPage.of(RENDERED);
        assertEquals(page.etag("1", "tokenA"), page.etag("1", "tokenA"));
        assertNotEquals(page.etag("1", "tokenA"), page.etag("1", "tokenB"));
        assertNotEquals(page.etag("1", "tokenA"), page.etag("2", "tokenA"));
        assertNotEquals(page.etag("1", "tokenA"), SharedPage.of(RENDERED + " ").etag("1", "tokenA"));
    }
}
