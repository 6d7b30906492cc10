package dev.storefront.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The colours a colour swatch can show, by the names shops give them ("Navy", "Heather Grey"). A name not
 * listed here is offered as a word on a button instead: a wrong swatch misleads, a word does not.
 */
public final class Swatches {

    private static final Map<String, String> COLOURS = Map.ofEntries(
            Map.entry("black", "#1d1d1f"), Map.entry("white", "#ffffff"), Map.entry("ivory", "#f6f1e1"),
            Map.entry("cream", "#f3ead2"), Map.entry("sand", "#d8c39a"), Map.entry("stone", "#b7afa3"),
            Map.entry("beige", "#d9c7a7"), Map.entry("camel", "#b98a52"), Map.entry("brown", "#6b4226"),
            Map.entry("tan", "#c09463"), Map.entry("oxblood", "#5a1a1f"), Map.entry("burgundy", "#6d1a2a"),
            Map.entry("red", "#c62828"), Map.entry("terracotta", "#c0623f"), Map.entry("orange", "#ef7d1a"),
            Map.entry("mustard", "#d4a017"), Map.entry("yellow", "#f2cd31"), Map.entry("lime", "#9acd32"),
            Map.entry("olive", "#6b6b2a"), Map.entry("sage", "#a3b18a"), Map.entry("green", "#2e7d32"),
            Map.entry("forest green", "#245331"), Map.entry("teal", "#1f7a7a"), Map.entry("sky blue", "#8ec5ea"),
            Map.entry("blue", "#1e63c6"), Map.entry("navy", "#1c2a4a"), Map.entry("midnight", "#191d33"),
            Map.entry("slate", "#5b6770"), Map.entry("graphite", "#3f4246"), Map.entry("charcoal", "#36393d"),
            Map.entry("grey", "#8d9196"), Map.entry("gray", "#8d9196"), Map.entry("heather grey", "#a5a8ad"),
            Map.entry("silver", "#c4c7cc"), Map.entry("pink", "#e991b4"), Map.entry("blush", "#e8b4b0"),
            Map.entry("purple", "#6a3d9a"), Map.entry("lilac", "#c8a2c8"));

    private Swatches() {
    }

    /** Whether an attribute holds a colour, such as {@code colour} or {@code color}. */
    public static boolean isColourAttribute(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.equals("colour") || k.equals("color");
    }

    /** The CSS colour of a colour's name, as {@code #rrggbb}, if it is a name this store knows. */
    public static Optional<String> of(String name) {
        return Optional.ofNullable(COLOURS.get(name.strip().toLowerCase(Locale.ROOT)));
    }
}
