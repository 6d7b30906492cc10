package dev.storefront.web;

import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.storefront.web.InvalidInputException.FieldError;

/** Words for a JSON body Jackson could not read: which field, and what it should have been. */
final class JsonProblems {

    private JsonProblems() {
    }

    static FieldError describe(JsonProcessingException exception) {
        if (exception instanceof StreamConstraintsException) {
            return new FieldError("body", "is too large or too deeply nested to read");
        }
        if (exception instanceof JsonParseException) {
            return new FieldError("body", "is not valid JSON (" + firstLine(exception.getOriginalMessage())
                    + where(exception.getLocation()) + ")");
        }
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new FieldError(path(mapping), expectation(mapping));
        }
        String message = exception.getOriginalMessage();
        if (message != null && message.startsWith("Trailing token")) {
            return new FieldError("body", "has more after the end of the JSON document");
        }
        if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new FieldError("body", "must be " + expected(mismatch.getTargetType()));
        }
        return new FieldError("body", "could not be read as JSON");
    }

    private static String expectation(JsonMappingException mapping) {
        if (mapping instanceof InvalidFormatException invalid
                && ControlCharacters.PROBLEM.equals(invalid.getOriginalMessage())) {
            return ControlCharacters.PROBLEM;
        }
        if (mapping instanceof UnrecognizedPropertyException) {
            return "is not a field this request takes";
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + expected(mismatch.getTargetType());
        }
        return "has a value that cannot be read here";
    }

    private static String expected(Class<?> type) {
        if (type == String.class || type.isEnum() || CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : mapping.getPath()) {
            if (step.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
