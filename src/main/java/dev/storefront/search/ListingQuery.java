package dev.storefront.search;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a shopper asked of a listing: the words, the category page it is on, the facet values picked,
 * the order and the page. Every part travels in the URL, so any result page can be bookmarked.
 * {@code asTyped}: the words exactly as typed, never replaced by a better spelling.
 */
public record ListingQuery(String text, String scope, List<String> categories, List<String> brands,
        List<String> colours, List<String> sizes, Long minPrice, Long maxPrice, boolean inStockOnly, Sort sort,
        int page, int size, boolean asTyped) {

    public static final int DEFAULT_SIZE = 24;
    public static final int MAX_SIZE = 100;
    public static final int MAX_TEXT = 200;

    public ListingQuery {
        text = text == null ? "" : text;
        categories = List.copyOf(categories);
        brands = List.copyOf(brands);
        colours = List.copyOf(colours);
        sizes = List.copyOf(sizes);
    }

    /** The first page of everything in a category (or the whole catalog when scope is null). */
    public static ListingQuery browse(String scope) {
        return new ListingQuery("", scope, List.of(), List.of(), List.of(), List.of(), null, null, false,
                Sort.RELEVANCE, 1, DEFAULT_SIZE, false);
    }

    public boolean hasText() {
        return !text.isBlank();
    }

    public ListingQuery withText(String newText) {
        return new ListingQuery(newText, scope, categories, brands, colours, sizes, minPrice, maxPrice, inStockOnly,
                sort, page, size, asTyped);
    }

    /** The same query with these words, taken as they are (a correction is not corrected again). */
    public ListingQuery withWordsAsTyped(String newText) {
        return new ListingQuery(newText, scope, categories, brands, colours, sizes, minPrice, maxPrice, inStockOnly,
                sort, page, size, true);
    }

    public ListingQuery withPaging(int newPage, int newSize) {
        return new ListingQuery(text, scope, categories, brands, colours, sizes, minPrice, maxPrice, inStockOnly,
                sort, newPage, newSize, asTyped);
    }

    /** The orders a listing can be sorted in, by their URL value. */
    public enum Sort {
        RELEVANCE("relevance", "Best match"),
        PRICE_ASC("price-asc", "Price, low to high"),
        PRICE_DESC("price-desc", "Price, high to low"),
        NEWEST("newest", "Newest"),
        NAME("name", "Name, A to Z");

        public final String value;
        public final String label;

        Sort(String value, String label) {
            this.value = value;
            this.label = label;
        }

        public static Optional<Sort> fromValue(String value) {
            return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
        }
    }
}
