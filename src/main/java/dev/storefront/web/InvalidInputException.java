package dev.storefront.web;

import java.util.List;

/** Input that breaks a rule, field by field; answered with 400 and every problem named. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::describe).reduce((a, b) -> a + "; " + b).orElse("Invalid input"));
        this.errors = List.copyOf(errors);
    }

    /** One field's problem. */
    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    /** The JSON body, or a 400 naming it when the request had none. */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw of("body", "a JSON object is required");
        }
        return body;
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
