package dev.storefront.web;

import java.util.List;

import dev.storefront.web.InvalidInputException.FieldError;

/** The plain checks of a text field that forms and the API share, each adding a named problem. */
public final class FieldChecks {

    private FieldChecks() {
    }

    /** Present and at most {@code max} characters. */
    public static void required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else {
            optional(errors, field, value, max);
        }
    }

    /** Absent, or at most {@code max} characters. */
    public static void optional(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }
}
