package dev.storefront.catalog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The URL names of products and categories: lowercase ASCII words joined by hyphens. */
public final class Slugs {

    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slugs() {
    }

    /** "Café Crème, 250 g" becomes "cafe-creme-250-g". */
    public static String slugify(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    public static boolean isValid(String slug) {
        return slug != null && VALID.matcher(slug).matches();
    }
}
