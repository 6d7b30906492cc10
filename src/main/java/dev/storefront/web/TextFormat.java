package dev.storefront.web;

import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Text helpers for templates: {@code {text.excerpt(155)}}, {@code {key.humanized}}. */
@TemplateExtension
public final class TextFormat {

    private TextFormat() {
    }

    /** At most {@code max} characters, cut at a word boundary with an ellipsis. */
    public static String excerpt(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > 0 ? cut : max - 1).stripTrailing() + "…";
    }

    private static final java.time.format.DateTimeFormatter READABLE = java.time.format.DateTimeFormatter
            .ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

    /** An instant as people read it: "2 Dec 2026, 09:41 UTC" (the store keeps and shows time in UTC). */
    public static String readable(java.time.Instant at) {
        return at == null ? "" : READABLE.format(at);
    }

    /** "madeIn" becomes "Made in". */
    public static String humanized(String key) {
        String spaced = key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
