package dev.storefront.catalog;

import java.util.List;
import java.util.Set;

import dev.storefront.web.InvalidInputException;
import dev.storefront.web.InvalidInputException.FieldError;

/** What the admin's product list is narrowed to; any field may be null. Stock is "in", "low" or "out". */
public record ProductFilter(String text, Long categoryId, Boolean active, String stock) {

    private static final Set<String> STOCK_STATES = Set.of("in", "low", "out");

    /** A stock state as given; strict refuses unknown values with a 400, lenient ignores them. */
    public static String stockState(String value, boolean strict) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (STOCK_STATES.contains(value)) {
            return value;
        }
        if (strict) {
            throw InvalidInputException.of("stock", "must be in, low or out");
        }
        return null;
    }
}
