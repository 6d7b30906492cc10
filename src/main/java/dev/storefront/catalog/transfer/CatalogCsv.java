package dev.storefront.catalog.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import dev.storefront.catalog.CatalogAdminService;
import dev.storefront.catalog.Slugs;
import dev.storefront.money.Money;

/**
 * The catalog's CSV format, shared by export and import: one row per variant, the product's columns
 * repeated on each of its rows. Attributes are written {@code colour=Navy;size=M}, prices as decimals.
 */
public final class CatalogCsv {

    public static final List<String> COLUMNS = List.of("product_slug", "product_name", "brand", "category",
            "description", "product_active", "sku", "attributes", "price", "currency", "variant_active", "on_hand");

    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
            .setRecordSeparator("\n").get();
    public static final CSVFormat READ_FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private static final Set<String> TRUE = Set.of("true", "yes", "1", "");
    private static final Set<String> FALSE = Set.of("false", "no", "0");

    private CatalogCsv() {
    }

    /** A row that passed every check that needs no database. */
    public record Row(long line, String slug, String name, String brand, String category, String description,
            boolean productActive, String sku, Map<String, String> attributes, long price, String currency,
            boolean variantActive, int onHand) {
    }

    /** One problem with one cell of the file, as the report lists it. */
    public record Problem(long line, String column, String message) {
    }

    /** The columns the file lacks, empty when the header is complete. */
    public static List<String> missingColumns(List<String> header) {
        return COLUMNS.stream().filter(c -> !header.contains(c)).toList();
    }

    /** Parses and checks one record; problems are added to {@code problems} and null returned. */
    public static Row parse(CSVRecord record, long line, String currency, List<Problem> problems) {
        int before = problems.size();
        String slug = get(record, "product_slug");
        if (!Slugs.isValid(slug) || slug.length() > 160) {
            problems.add(new Problem(line, "product_slug", "must be lowercase letters and digits joined by hyphens"));
        }
        String name = required(record, "product_name", 200, line, problems);
        String brand = required(record, "brand", 120, line, problems);
        String category = get(record, "category");
        if (!Slugs.isValid(category)) {
            problems.add(new Problem(line, "category", "must be a category's slug"));
        }
        String description = get(record, "description");
        if (description.length() > 20_000) {
            problems.add(new Problem(line, "description", "must be at most 20000 characters"));
        }
        boolean productActive = bool(record, "product_active", line, problems);
        String sku = get(record, "sku").toUpperCase(Locale.ROOT);
        if (!CatalogAdminService.SKU.matcher(sku).matches()) {
            problems.add(new Problem(line, "sku", "must be 1-64 letters, digits and hyphens"));
        }
        Map<String, String> attributes = attributes(get(record, "attributes"), line, problems);
        String rowCurrency = get(record, "currency").toUpperCase(Locale.ROOT);
        if (!rowCurrency.equals(currency)) {
            problems.add(new Problem(line, "currency", "must be the store's currency, " + currency));
        }
        long price = 0;
        try {
            price = Money.parseDecimal(get(record, "price"), currency).amount();
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(line, "price", e.getMessage()));
        }
        boolean variantActive = bool(record, "variant_active", line, problems);
        int onHand = 0;
        try {
            onHand = Integer.parseInt(get(record, "on_hand"));
            if (onHand < 0 || onHand > 1_000_000_000) {
                problems.add(new Problem(line, "on_hand", "must be between 0 and 1000000000"));
            }
        } catch (NumberFormatException e) {
            problems.add(new Problem(line, "on_hand", "must be a whole number"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Row(line, slug, name, brand, category, description, productActive, sku, attributes, price,
                currency, variantActive, onHand);
    }

    /** {@code colour=Navy;size=M} as written in the file. */
    public static String formatAttributes(Map<String, String> attributes) {
        List<String> pairs = new ArrayList<>();
        attributes.forEach((k, v) -> pairs.add(k + "=" + v));
        return String.join(";", pairs);
    }

    private static Map<String, String> attributes(String text, long line, List<Problem> problems) {
        Map<String, String> attributes = parseAttributes(text);
        if (attributes == null) {
            problems.add(new Problem(line, "attributes",
                    "must be at most 10 name=value pairs joined by ';', like colour=Navy;size=M"));
            return Map.of();
        }
        return attributes;
    }

    /** {@code colour=Navy; size=M} as a map, or null when it is not written that way. */
    public static Map<String, String> parseAttributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return attributes;
        }
        for (String pair : text.split(";")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? "" : pair.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : pair.substring(equals + 1).strip();
            if (key.isEmpty() || value.isEmpty() || key.length() > 40 || value.length() > 60 || value.contains("=")) {
                return null;
            }
            attributes.put(key, value);
        }
        return attributes.size() > 10 ? null : attributes;
    }

    private static String required(CSVRecord record, String column, int max, long line, List<Problem> problems) {
        String value = get(record, column);
        if (value.isEmpty() || value.length() > max) {
            problems.add(new Problem(line, column, "must be 1-" + max + " characters"));
        }
        return value;
    }

    private static boolean bool(CSVRecord record, String column, long line, List<Problem> problems) {
        String value = get(record, column).toLowerCase(Locale.ROOT);
        if (TRUE.contains(value)) {
            return true;
        }
        if (!FALSE.contains(value)) {
            problems.add(new Problem(line, column, "must be true or false"));
        }
        return false;
    }

    private static String get(CSVRecord record, String column) {
        return record.isSet(column) && record.get(column) != null ? fromCell(record.get(column)) : "";
    }

    /** Apostrophes, then a character that makes a spreadsheet run the cell as a formula. */
    private static final java.util.regex.Pattern FORMULA = java.util.regex.Pattern.compile("^'*[=+\\-@\t\r]");

    /**
     * A text as a spreadsheet-safe cell (OWASP, CSV injection): one a spreadsheet would run as a formula
     * (starting with =, +, -, @, tab or carriage return, perhaps after apostrophes) gets one more leading
     * apostrophe. {@link #fromCell} takes exactly one off again, so export and import round-trip exactly.
     */
    public static String toCell(String text) {
        return text != null && FORMULA.matcher(text).find() ? "'" + text : text;
    }

    /** The text of a cell written by {@link #toCell} (or escaped by hand the same way in a spreadsheet). */
    public static String fromCell(String cell) {
        return cell.startsWith("'") && FORMULA.matcher(cell).find() ? cell.substring(1) : cell;
    }
}
