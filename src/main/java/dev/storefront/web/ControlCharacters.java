package dev.storefront.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import dev.storefront.web.InvalidInputException.FieldError;

/**
 * No text the store receives may hold a control character such as NUL (PostgreSQL cannot store it, and no
 * person types one): path segments, query parameters and form fields are checked before any resource runs
 * ({@link RequestGate}), and JSON strings as they are read ({@link JsonStrictness}). Tab and line breaks are text, not control.
 * A request that has one is answered 400 naming the field, and nothing is changed. So is a form with a
 * value under no name ({@code =x}), which no field can take and which some form readers fail on.
 */
final class ControlCharacters {

    private ControlCharacters() {
    }


    static final String PROBLEM = "contains a control character (such as NUL); remove it";
    static final String UNNAMED = "a form field has no name";

    /** Throws {@link InvalidInputException} naming each field with a control character. */
    static void reject(ResteasyReactiveContainerRequestContext context) {
        List<FieldError> errors = new ArrayList<>();
        check(errors, context.getUriInfo().getPathParameters());
        check(errors, context.getUriInfo().getQueryParameters());
        FormData form = ((ResteasyReactiveRequestContext) context.getServerRequestContext()).getFormData();
        if (form != null) {
            for (String name : form) {
                if (name.isEmpty() && errors.stream().noneMatch(e -> e.field().isEmpty())) {
                    // "=x" or "=": a value for no field (and one that some form readers fail on)
                    errors.add(new FieldError("", UNNAMED));
                }
                check(errors, name, name);
                for (FormValue value : form.get(name)) {
                    if (!value.isFileItem()) {
                        check(errors, name, value.getValue());
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void check(List<FieldError> errors, MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            check(errors, parameter.getKey(), parameter.getKey());
            parameter.getValue().forEach(value -> check(errors, parameter.getKey(), value));
        }
    }

    private static void check(List<FieldError> errors, String field, String value) {
        if (has(value) && errors.stream().noneMatch(e -> e.field().equals(safe(field)))) {
            errors.add(new FieldError(safe(field), PROBLEM));
        }
    }

    /** Whether the text holds a C0 control character other than tab, line feed and carriage return, or DEL. */
    public static boolean has(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** The field's name as it can be shown back: control characters replaced. */
    private static String safe(String field) {
        StringBuilder shown = new StringBuilder(Math.min(field.length(), 64));
        field.codePoints().limit(64).forEach(c -> shown.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
        return shown.toString();
    }
}
