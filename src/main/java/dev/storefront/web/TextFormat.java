package dev.storefront.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.eclipse.microprofile.config.ConfigProvider;

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

    private static volatile DateTimeFormatter readable;

    /**
     * An instant as people read it, in the store's time zone and locale: "2 Dec 2026, 09:41 UTC",
     * "2 Dec 2026, 10:41 CET" with {@code STORE_TIME_ZONE=Europe/Berlin}.
     */
    public static String readable(Instant at) {
        return at == null ? "" : readableFormat().format(at);
    }

    /** How long ago, in words: "just now", "5 minutes ago", "3 hours ago", "yesterday", "12 days ago". */
    public static String ago(Instant at) {
        return at == null ? "" : ago(at, Instant.now());
    }

    static String ago(Instant at, Instant now) {
        long seconds = Duration.between(at, now).getSeconds();
        if (seconds < 60) {
            return seconds < -60 ? "in the future" : "just now";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes == 1 ? "a minute ago" : minutes + " minutes ago";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours == 1 ? "an hour ago" : hours + " hours ago";
        }
        long days = hours / 24;
        return days == 1 ? "yesterday" : days < 60 ? days + " days ago" : days / 30 + " months ago";
    }

    private static DateTimeFormatter readableFormat() {
        DateTimeFormatter format = readable;
        if (format == null) {
            var config = ConfigProvider.getConfig();
            Locale locale = config.getOptionalValue("storefront.locale", Locale.class).orElse(Locale.US);
            ZoneId zone = config.getOptionalValue("storefront.time-zone", ZoneId.class).orElse(ZoneOffset.UTC);
            format = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", locale).withZone(zone);
            readable = format;
        }
        return format;
    }

    /** "madeIn" becomes "Made in". */
    public static String humanized(String key) {
        String spaced = key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
