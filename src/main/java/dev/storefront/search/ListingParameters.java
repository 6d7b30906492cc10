package dev.storefront.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.storefront.web.InvalidInputException;
import dev.storefront.web.InvalidInputException.FieldError;

/**
 * Reads a {@link ListingQuery} from URL parameters and writes it back. The API is strict (a bad value
 * is a 400 naming the parameter); pages are lenient (a bad value is dropped or clamped, so that an
 * edited or truncated URL still shows products).
 */
public final class ListingParameters {

    public static final String TEXT = "q";
    public static final String CATEGORY = "category";
    public static final String BRAND = "brand";
    public static final String COLOUR = "colour";
    public static final String SIZE_OPTION = "sizeOption";
    public static final String MIN_PRICE = "minPrice";
    public static final String MAX_PRICE = "maxPrice";
    public static final String IN_STOCK = "inStock";
    public static final String SORT = "sort";
    public static final String PAGE = "page";
    public static final String SIZE = "size";
    /** {@code asTyped=true}: search the words as typed, without "showing results for" a better spelling. */
    public static final String AS_TYPED = "asTyped";

    private static final int MAX_VALUES = 20;
    private static final int MAX_VALUE_LENGTH = 100;
    private static final int MAX_PAGE = 10_000;
    private static final long MAX_PRICE_AMOUNT = 1_000_000_000_00L;

    private ListingParameters() {
    }

    /** For the API: every bad parameter is reported at once. */
    public static ListingQuery strict(MultivaluedMap<String, String> parameters, String scope) {
        List<FieldError> errors = new ArrayList<>();
        ListingQuery query = read(parameters, scope, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return query;
    }

    /** For pages: bad values are ignored or brought into range. */
    public static ListingQuery lenient(MultivaluedMap<String, String> parameters, String scope) {
        return read(parameters, scope, null);
    }

    private static ListingQuery read(MultivaluedMap<String, String> parameters, String scope, List<FieldError> errors) {
        String text = cleanText(parameters.getFirst(TEXT));
        if (text.length() > ListingQuery.MAX_TEXT) {
            report(errors, TEXT, "at most " + ListingQuery.MAX_TEXT + " characters");
            text = text.substring(0, ListingQuery.MAX_TEXT);
        }
        List<String> categories = values(parameters, CATEGORY, errors);
        List<String> brands = values(parameters, BRAND, errors);
        List<String> colours = values(parameters, COLOUR, errors);
        List<String> sizes = values(parameters, SIZE_OPTION, errors);
        Long minPrice = amount(parameters.getFirst(MIN_PRICE), MIN_PRICE, errors);
        Long maxPrice = amount(parameters.getFirst(MAX_PRICE), MAX_PRICE, errors);
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            report(errors, MAX_PRICE, "must not be below minPrice");
            minPrice = null;
            maxPrice = null;
        }
        boolean inStock = flag(parameters.getFirst(IN_STOCK), errors);
        ListingQuery.Sort sort = ListingQuery.Sort.RELEVANCE;
        String sortValue = parameters.getFirst(SORT);
        if (present(sortValue)) {
            sort = ListingQuery.Sort.fromValue(sortValue).orElse(null);
            if (sort == null) {
                report(errors, SORT, "must be one of relevance, price-asc, price-desc, newest, name");
                sort = ListingQuery.Sort.RELEVANCE;
            }
        }
        int page = number(parameters.getFirst(PAGE), PAGE, 1, 1, MAX_PAGE, errors);
        int size = number(parameters.getFirst(SIZE), SIZE, ListingQuery.DEFAULT_SIZE, 1, ListingQuery.MAX_SIZE,
                errors);
        boolean asTyped = flag(parameters.getFirst(AS_TYPED), errors);
        return new ListingQuery(text, scope, categories, brands, colours, sizes, minPrice, maxPrice, inStock, sort,
                page, size, asTyped);
    }

    /** The query as URL parameters, defaults left out, in a stable order. */
    public static Map<String, List<String>> toParameters(ListingQuery query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query.hasText()) {
            parameters.put(TEXT, new ArrayList<>(List.of(query.text())));
        }
        putAll(parameters, CATEGORY, query.categories());
        putAll(parameters, BRAND, query.brands());
        putAll(parameters, COLOUR, query.colours());
        putAll(parameters, SIZE_OPTION, query.sizes());
        if (query.minPrice() != null) {
            parameters.put(MIN_PRICE, new ArrayList<>(List.of(query.minPrice().toString())));
        }
        if (query.maxPrice() != null) {
            parameters.put(MAX_PRICE, new ArrayList<>(List.of(query.maxPrice().toString())));
        }
        if (query.inStockOnly()) {
            parameters.put(IN_STOCK, new ArrayList<>(List.of("true")));
        }
        if (query.sort() != ListingQuery.Sort.RELEVANCE) {
            parameters.put(SORT, new ArrayList<>(List.of(query.sort().value)));
        }
        if (query.size() != ListingQuery.DEFAULT_SIZE) {
            parameters.put(SIZE, new ArrayList<>(List.of(String.valueOf(query.size()))));
        }
        if (query.page() != 1) {
            parameters.put(PAGE, new ArrayList<>(List.of(String.valueOf(query.page()))));
        }
        if (query.asTyped() && query.hasText()) {
            parameters.put(AS_TYPED, new ArrayList<>(List.of("true")));
        }
        return parameters;
    }

    /** {@code path?a=1&b=2}, or the bare path when there are no parameters. */
    public static String url(String path, Map<String, List<String>> parameters) {
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            for (String value : entry.getValue()) {
                url.append(separator).append(entry.getKey()).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }

    private static void putAll(Map<String, List<String>> parameters, String name, List<String> values) {
        if (!values.isEmpty()) {
            parameters.put(name, new ArrayList<>(values));
        }
    }

    /** Control characters removed and whitespace collapsed: what the shopper meant to type. */
    private static String cleanText(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
    }

    private static List<String> values(MultivaluedMap<String, String> parameters, String name,
            List<FieldError> errors) {
        List<String> raw = parameters.get(name);
        if (raw == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String value : raw) {
            String clean = cleanText(value);
            if (clean.isEmpty() || values.contains(clean)) {
                continue;
            }
            if (clean.length() > MAX_VALUE_LENGTH) {
                report(errors, name, "values are at most " + MAX_VALUE_LENGTH + " characters");
            } else if (values.size() == MAX_VALUES) {
                report(errors, name, "at most " + MAX_VALUES + " values");
                break;
            } else {
                values.add(clean);
            }
        }
        return values;
    }

    private static Long amount(String raw, String name, List<FieldError> errors) {
        if (!present(raw)) {
            return null;
        }
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= 0 && value <= MAX_PRICE_AMOUNT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        report(errors, name, "must be a whole number of minor units (cents) from 0");
        return null;
    }

    private static int number(String raw, String name, int fallback, int min, int max, List<FieldError> errors) {
        if (!present(raw)) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= min && value <= max) {
                return (int) value;
            }
            report(errors, name, "must be from " + min + " to " + max);
            return (int) Math.max(min, Math.min(max, value));
        } catch (NumberFormatException e) {
            report(errors, name, "must be a whole number from " + min + " to " + max);
            return fallback;
        }
    }

    private static boolean flag(String raw, List<FieldError> errors) {
        if (!present(raw)) {
            return false;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> {
                report(errors, IN_STOCK, "must be true or false");
                yield false;
            }
        };
    }

    private static boolean present(String raw) {
        return raw != null && !raw.isBlank();
    }

    private static void report(List<FieldError> errors, String field, String message) {
        if (errors != null) {
            errors.add(new FieldError(field, message));
        }
    }
}
