package dev.storefront.admin;

import java.util.List;

import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;

/** Page and size of an admin list: strict for the API (400 on bad values), lenient for pages. */
public record AdminPaging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    /** Far past any real list, and small enough that page × size stays a positive offset. */
    public static final int MAX_PAGE = 100_000;

    public int offset() {
        return (page - 1) * size;
    }

    public int pages(long total) {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public static AdminPaging strict(String page, String size) {
        int p = parse(page, 1);
        int s = parse(size, DEFAULT_SIZE);
        if (p < 1 || p > MAX_PAGE) {
            throw InvalidInputException.of("page", "must be a whole number from 1 to " + MAX_PAGE);
        }
        if (s < 1 || s > 100) {
            throw InvalidInputException.of("size", "must be a whole number from 1 to 100");
        }
        return new AdminPaging(p, s);
    }

    public static AdminPaging lenient(String page) {
        return new AdminPaging(Math.max(1, Math.min(parse(page, 1), MAX_PAGE)), DEFAULT_SIZE);
    }

    private static int parse(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
