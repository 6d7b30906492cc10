package dev.storefront.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, the body of every error under {@code /api/**}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<InvalidInputException.FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, List.of());
    }

    /** A 400 that lists every field in error. */
    public static Problem invalid(List<InvalidInputException.FieldError> errors, String instance) {
        return new Problem("about:blank", "Invalid input", 400,
                errors.size() == 1 ? errors.get(0).describe() : errors.size() + " fields are invalid", instance, errors);
    }
}
