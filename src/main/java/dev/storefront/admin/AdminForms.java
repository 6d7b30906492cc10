package dev.storefront.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.storefront.web.InvalidInputException;
import dev.storefront.web.TextFormat;

/** What the admin pages share in reading forms and writing links. */
final class AdminForms {

    private AdminForms() {
    }

    /** At most this many rows are changed by one bulk action (a page of a list holds 50). */
    static final int MAX_BULK = 200;

    /** "1 order", "3 orders". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static List<String> messages(InvalidInputException e) {
        return e.errors().stream().map(error -> label(error.field()) + " " + error.message()).toList();
    }

    /** "variants[1].compareAtPrice" reads "Variant 2 compare at price", "skuPrefix" "SKU prefix". */
    private static String label(String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(variants|options)\\[(\\d+)]\\.?(.*)").matcher(field);
        if (m.matches()) {
            return (m.group(1).equals("variants") ? "Variant " : "Option ") + (Integer.parseInt(m.group(2)) + 1)
                    + (m.group(3).isEmpty() ? "" : " " + words(m.group(3)).toLowerCase(java.util.Locale.ROOT));
        }
        return words(field);
    }

    private static String words(String field) {
        return TextFormat.humanized(field).replaceAll("\\b[Ss]ku\\b", "SKU").replace("Category id", "Category");
    }

    static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    static Long parseLong(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String enc(String text) {
        return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
