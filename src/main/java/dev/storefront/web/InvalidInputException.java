package dev.storefront.web;

import java.util.List;

/** Input that breaks a rule, field by field; answered with 400 and every problem named. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::describe).reduce((a, b) -> a + "; " + b).orElse("Invalid input"));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One field's problem, as the API reports it. */
    public record FieldError(String field, String message) {
        String describe() {
            return field + ": " + message;
        }
    }
}
