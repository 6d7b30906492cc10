package dev.storefront.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.storefront.web.Countries;
import dev.storefront.web.FieldChecks;
import dev.storefront.web.InvalidInputException.FieldError;

/** A shipping address as the contract writes it, with the checks each country's post needs. */
public record ShippingAddress(String name, String line1, String line2, String city, String region, String postalCode,
        String country) {

    /** Postal codes by country; others need 1–20 letters, digits, spaces or dashes. */
    private static final Map<String, Pattern> POSTAL_CODES = Map.of(
            "US", Pattern.compile("^\\d{5}(-\\d{4})?$"),
            "CA", Pattern.compile("^[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d$"),
            "GB", Pattern.compile("^[A-Za-z]{1,2}\\d[A-Za-z\\d]? ?\\d[A-Za-z]{2}$"),
            "DE", Pattern.compile("^\\d{5}$"),
            "FR", Pattern.compile("^\\d{5}$"),
            "NL", Pattern.compile("^\\d{4} ?[A-Za-z]{2}$"));
    /** Problems are named under the request's field, e.g. shippingAddress.city. */
    private static final String FIELD = "shippingAddress.";
    private static final Pattern ANY_POSTAL_CODE = Pattern.compile("^[A-Za-z0-9 -]{1,20}$");
    /** Countries whose addresses need a state or province. */
    private static final List<String> REGION_REQUIRED = List.of("US", "CA");

    /** Every problem, each under {@code shippingAddress.<field>}. */
    public List<FieldError> problems(List<String> shippable) {
        List<FieldError> errors = new ArrayList<>();
        FieldChecks.required(errors, FIELD + "name", name, 120);
        FieldChecks.required(errors, FIELD + "line1", line1, 200);
        FieldChecks.optional(errors, FIELD + "line2", line2, 200);
        FieldChecks.required(errors, FIELD + "city", city, 120);
        FieldChecks.optional(errors, FIELD + "region", region, 120);
        String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (!shippable.contains(code)) {
            errors.add(new FieldError(FIELD + "country", code.isEmpty() ? "is required"
                    : "we do not ship to " + (code.length() > 2 ? code.substring(0, 2) + "…" : code)));
        } else {
            if (REGION_REQUIRED.contains(code) && (region == null || region.isBlank())) {
                errors.add(new FieldError(FIELD + "region", "is required for addresses in " + Countries.name(code)));
            }
            String postal = postalCode == null ? "" : postalCode.strip();
            if (postal.isEmpty()) {
                errors.add(new FieldError(FIELD + "postalCode", "is required"));
            } else if (!POSTAL_CODES.getOrDefault(code, ANY_POSTAL_CODE).matcher(postal).matches()) {
                errors.add(new FieldError(FIELD + "postalCode", "is not a postal code of " + Countries.name(code)));
            }
        }
        return errors;
    }

    public ShippingAddress normalised() {
        return new ShippingAddress(name.strip(), line1.strip(), line2 == null ? "" : line2.strip(), city.strip(),
                region == null ? "" : region.strip(), postalCode.strip().toUpperCase(Locale.ROOT),
                country.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * The address as the destination's post writes it: "Springfield, IL 62701" in North America,
     * the postcode on a line of its own in the UK and Ireland, "10115 Berlin" in the rest of Europe; the
     * country by name last.
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        add(lines, name);
        add(lines, line1);
        add(lines, line2);
        String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        switch (code) {
            case "US", "CA", "AU" -> add(lines, join(join(city, ", ", region), " ", postalCode));
            case "GB", "IE" -> {
                add(lines, city);
                add(lines, region);
                add(lines, postalCode);
            }
            default -> {
                add(lines, join(postalCode, " ", city));
                add(lines, region);
            }
        }
        add(lines, Countries.name(code));
        return lines;
    }

    private static void add(List<String> lines, String line) {
        if (line != null && !line.isBlank()) {
            lines.add(line.strip());
        }
    }

    private static String join(String first, String separator, String second) {
        boolean hasFirst = first != null && !first.isBlank();
        boolean hasSecond = second != null && !second.isBlank();
        return hasFirst && hasSecond ? first.strip() + separator + second.strip() : hasFirst ? first.strip()
                : hasSecond ? second.strip() : "";
    }
}
