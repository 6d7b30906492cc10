package dev.storefront.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.junit.jupiter.api.Test;

import dev.storefront.order.ShippingAddress;
import dev.storefront.promotion.DiscountRules;
import dev.storefront.web.InvalidInputException.FieldError;

/** The checkout's pure rules, without a server: tax rounding, postal codes and regions, fingerprints. */
class CheckoutRulesTest {

    private static final List<String> SHIPPABLE = List.of("US", "CA", "GB", "DE", "FR", "NL", "IE");

    @ParameterizedTest(name = "{0} minor units at {1} bp = {2}")
    @CsvSource({
            "10000, 2000, 2000", // 20 % of 100.00
            "1, 2000, 0", // 0.2 of a cent rounds down
            "3, 2000, 1", // 0.6 rounds up
            "25, 2000, 5", // 5.0 exactly
            "1250, 1900, 238", // 237.5 rounds half up, once for the whole order
            "999, 0, 0", // no tax rate
            "0, 2000, 0"
    })
    void taxIsRoundedHalfUpOnceToTheMinorUnit(long taxable, int basisPoints, long tax) {
        assertEquals(tax, CheckoutValidation.tax(taxable, basisPoints));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "US, 94105, true", "US, 94105-1234, true", "US, 9410, false", "US, ABCDE, false",
            "CA, K1A 0B1, true", "CA, K1A0B1, true", "CA, 12345, false",
            "GB, SW1A 1AA, true", "GB, EC1A1BB, true", "GB, 12345, false",
            "DE, 10115, true", "DE, 1011, false",
            "NL, 1011 AB, true", "NL, 1011, false",
            "IE, D02 X285, true", "IE, '', false"
    })
    void postalCodesAreCheckedPerCountry(String country, String postalCode, boolean valid) {
        ShippingAddress address = new ShippingAddress("Ada", "1 Main St", "", "Town", "ST", postalCode, country);
        boolean postalProblem = address.problems(SHIPPABLE).stream()
                .anyMatch(e -> e.field().equals("shippingAddress.postalCode"));
        assertEquals(valid, !postalProblem, country + " " + postalCode);
    }

    @Test
    void usAndCanadianAddressesNeedAStateAndOnlyShippableCountriesPass() {
        assertTrue(fields(new ShippingAddress("Ada", "1 Main St", "", "Austin", "", "73301", "US"))
                .contains("shippingAddress.region"));
        assertTrue(fields(new ShippingAddress("Ada", "1 Main St", "", "Berlin", "", "10115", "DE")).isEmpty());
        assertTrue(fields(new ShippingAddress("Ada", "1 Main St", "", "Tokyo", "", "100-0001", "JP"))
                .contains("shippingAddress.country"));
    }

    @Test
    void theFingerprintIsTheSameForTheSameCheckoutAndChangesWithWhatMatters() {
        ValidatedCheckout one = checkout("ada@example.com", 2, 1999);
        assertEquals(one.fingerprint(), checkout("ADA@example.com", 2, 1999).fingerprint(), "email case aside");
        assertNotEquals(one.fingerprint(), checkout("ada@example.com", 3, 1999).fingerprint(), "quantity");
        assertNotEquals(one.fingerprint(), checkout("ada@example.com", 2, 2099).fingerprint(), "price");
        assertNotEquals(one.fingerprint(), checkout("grace@example.com", 2, 1999).fingerprint(), "email");
        assertEquals(64, one.fingerprint().length());
    }

    private static ValidatedCheckout checkout(String email, int quantity, long unitPrice) {
        ShippingAddress address = new ShippingAddress("Ada", "1 Main St", "", "Austin", "TX", "73301", "US");
        var line = new ValidatedCheckout.PricedLine(1, 1, "SKU-1", "Shirt", "M", unitPrice, quantity);
        long subtotal = line.lineTotal();
        return new ValidatedCheckout("cart-1", email, null, address, "standard", "USD", List.of(line), subtotal, 0,
                499, 0, subtotal + 499, DiscountRules.Outcome.none());
    }

    private static List<String> fields(ShippingAddress address) {
        return address.problems(SHIPPABLE).stream().map(FieldError::field).toList();
    }
}
