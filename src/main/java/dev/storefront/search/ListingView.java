package dev.storefront.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.storefront.catalog.ProductCard;
import dev.storefront.config.StoreConfig;
import dev.storefront.money.Money;
import dev.storefront.search.ListingResult.FacetValue;
import dev.storefront.web.MoneyFormat;

/**
 * A listing page as the template draws it: every facet value, chip, sort option and page number
 * comes with the URL it leads to, so that the page works as plain links and forms.
 */
public final class ListingView {

    private static final int PAGE_WINDOW = 2;

    private final String path;
    private final ListingQuery query;
    private final ListingResult result;
    private final String currency;

    public ListingView(String path, ListingQuery query, ListingResult result, StoreConfig config) {
        this.path = path;
        this.query = query;
        this.result = result;
        this.currency = config.currency();
    }

    public record Option(String label, long count, boolean selected, String url) {
    }

    public record FacetGroup(String name, String title, List<Option> options) {
    }

    public record Chip(String label, String removeUrl) {
    }

    public record PageLink(int number, String url, boolean current, boolean gapBefore) {
    }

    public record SortOption(String value, String label, boolean selected) {
    }

    public record Hidden(String name, String value) {
    }

    public ListingQuery query() {
        return query;
    }

    public ListingResult result() {
        return result;
    }

    public List<ProductCard> items() {
        return result.items();
    }

    public String text() {
        return query.text();
    }

    public long total() {
        return result.total();
    }

    public boolean empty() {
        return result.items().isEmpty();
    }

    /** This page's own address, the canonical link for search engines. */
    public String url() {
        return ListingParameters.url(path, ListingParameters.toParameters(query));
    }

    public String correctionUrl() {
        return result.correction() == null ? null : link(p -> {
            p.put(ListingParameters.TEXT, new ArrayList<>(List.of(result.correction())));
            p.remove(ListingParameters.AS_TYPED);
            p.remove(ListingParameters.PAGE);
        });
    }

    public String correction() {
        return result.correction();
    }

    /** Whether the products shown are those of the correction, because the words as typed found none. */
    public boolean corrected() {
        return result.corrected();
    }

    /** The words the shown products match: the correction when corrected, else what was typed. */
    public String shownText() {
        return result.corrected() ? result.correction() : query.text();
    }

    /** The search for the words exactly as typed ("Search instead for …"). */
    public String asTypedUrl() {
        return link(p -> {
            p.put(ListingParameters.TEXT, new ArrayList<>(List.of(query.text())));
            p.put(ListingParameters.AS_TYPED, new ArrayList<>(List.of("true")));
            p.remove(ListingParameters.PAGE);
        });
    }

    public String clearUrl() {
        return ListingParameters.url(path, query.hasText()
                ? Map.of(ListingParameters.TEXT, List.of(query.text())) : Map.of());
    }

    /** Facets that have something to choose from, in the order shoppers scan them. */
    public List<FacetGroup> facets() {
        List<FacetGroup> groups = new ArrayList<>();
        addTerms(groups, ListingParameters.CATEGORY, "Category", query.categories());
        addTerms(groups, ListingParameters.BRAND, "Brand", query.brands());
        addTerms(groups, ListingParameters.COLOUR, "Colour", query.colours());
        addTerms(groups, ListingParameters.SIZE_OPTION, "Size", query.sizes());
        List<Option> prices = new ArrayList<>();
        for (FacetValue band : result.facets().get("price")) {
            String[] bounds = band.value().split("-", -1);
            Long min = Long.valueOf(bounds[0]);
            Long max = bounds[1].isEmpty() ? null : Long.valueOf(bounds[1]);
            boolean selected = Objects.equals(min, query.minPrice()) && Objects.equals(max, query.maxPrice());
            if (band.count() > 0 || selected) {
                prices.add(new Option(band.label(), band.count(), selected, link(p -> {
                    p.remove(ListingParameters.MIN_PRICE);
                    p.remove(ListingParameters.MAX_PRICE);
                    if (!selected) {
                        p.put(ListingParameters.MIN_PRICE, new ArrayList<>(List.of(min.toString())));
                        if (max != null) {
                            p.put(ListingParameters.MAX_PRICE, new ArrayList<>(List.of(max.toString())));
                        }
                    }
                })));
            }
        }
        if (!prices.isEmpty()) {
            groups.add(new FacetGroup("price", "Price", prices));
        }
        FacetValue inStock = result.facets().get(ListingParameters.IN_STOCK).get(0);
        if (inStock.count() > 0 || query.inStockOnly()) {
            groups.add(new FacetGroup(ListingParameters.IN_STOCK, "Availability", List.of(new Option(
                    "In stock only", inStock.count(), query.inStockOnly(), toggle(ListingParameters.IN_STOCK, "true",
                            query.inStockOnly())))));
        }
        return groups;
    }

    /** The filters in force, each with a link that removes just that one. */
    public List<Chip> chips() {
        List<Chip> chips = new ArrayList<>();
        Map<String, String> categoryNames = labels(ListingParameters.CATEGORY);
        for (String category : query.categories()) {
            chips.add(new Chip(categoryNames.getOrDefault(category, category),
                    toggle(ListingParameters.CATEGORY, category, true)));
        }
        query.brands().forEach(brand -> chips.add(new Chip(brand, toggle(ListingParameters.BRAND, brand, true))));
        query.colours().forEach(colour -> chips.add(new Chip(colour, toggle(ListingParameters.COLOUR, colour, true))));
        query.sizes().forEach(size -> chips.add(new Chip("Size " + size,
                toggle(ListingParameters.SIZE_OPTION, size, true))));
        if (query.minPrice() != null || query.maxPrice() != null) {
            chips.add(new Chip(priceLabel(), link(p -> {
                p.remove(ListingParameters.MIN_PRICE);
                p.remove(ListingParameters.MAX_PRICE);
            })));
        }
        if (query.inStockOnly()) {
            chips.add(new Chip("In stock only", toggle(ListingParameters.IN_STOCK, "true", true)));
        }
        return chips;
    }

    public List<SortOption> sortOptions() {
        List<SortOption> options = new ArrayList<>();
        for (ListingQuery.Sort sort : ListingQuery.Sort.values()) {
            if (sort != ListingQuery.Sort.RELEVANCE || query.hasText()) {
                options.add(new SortOption(sort.value, sort.label, sort == query.sort()));
            }
        }
        if (!query.hasText()) {
            options.add(0, new SortOption(ListingQuery.Sort.RELEVANCE.value, "Featured",
                    query.sort() == ListingQuery.Sort.RELEVANCE));
        }
        return options;
    }

    /** The state the sort form carries along, everything but the order and the page. */
    public List<Hidden> sortFormFields() {
        List<Hidden> fields = new ArrayList<>();
        ListingParameters.toParameters(query).forEach((name, values) -> {
            if (!name.equals(ListingParameters.SORT) && !name.equals(ListingParameters.PAGE)) {
                values.forEach(value -> fields.add(new Hidden(name, value)));
            }
        });
        return fields;
    }

    public boolean paged() {
        return result.pageCount() > 1;
    }

    public String previousUrl() {
        return query.page() > 1 ? pageUrl(query.page() - 1) : null;
    }

    public String nextUrl() {
        return query.page() < result.pageCount() ? pageUrl(query.page() + 1) : null;
    }

    /** First, last, and the pages around the current one. */
    public List<PageLink> pages() {
        List<PageLink> links = new ArrayList<>();
        int last = result.pageCount();
        int previous = 0;
        for (int number = 1; number <= last; number++) {
            if (number == 1 || number == last || Math.abs(number - query.page()) <= PAGE_WINDOW) {
                links.add(new PageLink(number, pageUrl(number), number == query.page(), number - previous > 1));
                previous = number;
            }
        }
        return links;
    }

    public int firstShown() {
        return result.total() == 0 ? 0 : (query.page() - 1) * query.size() + 1;
    }

    public long lastShown() {
        return (long) (query.page() - 1) * query.size() + result.items().size();
    }

    private String pageUrl(int number) {
        return link(p -> {
            p.remove(ListingParameters.PAGE);
            if (number > 1) {
                p.put(ListingParameters.PAGE, new ArrayList<>(List.of(String.valueOf(number))));
            }
        });
    }

    private void addTerms(List<FacetGroup> groups, String name, String title, List<String> selected) {
        List<Option> options = new ArrayList<>();
        for (FacetValue value : result.facets().get(name)) {
            boolean isSelected = selected.contains(value.value());
            options.add(new Option(value.label(), value.count(), isSelected, toggle(name, value.value(), isSelected)));
        }
        // picked values first, so that they are in sight without scrolling the list
        options.sort(Comparator.comparing(option -> !option.selected()));
        if (!options.isEmpty() && (options.size() > 1 || !selected.isEmpty())) {
            groups.add(new FacetGroup(name, title, options));
        }
    }

    private Map<String, String> labels(String facet) {
        Map<String, String> labels = new HashMap<>();
        result.facets().get(facet).forEach(value -> labels.put(value.value(), value.label()));
        return labels;
    }

    private String priceLabel() {
        if (query.maxPrice() == null) {
            return MoneyFormat.formatted(Money.of(query.minPrice(), currency)) + " and up";
        }
        if (query.minPrice() == null || query.minPrice() == 0) {
            return "Up to " + MoneyFormat.formatted(Money.of(query.maxPrice(), currency));
        }
        return MoneyFormat.formatted(Money.of(query.minPrice(), currency)) + " to "
                + MoneyFormat.formatted(Money.of(query.maxPrice(), currency));
    }

    /** Adds or removes one value of a multi-valued filter; any change of filter goes back to page 1. */
    private String toggle(String name, String value, boolean remove) {
        return link(p -> {
            List<String> values = p.computeIfAbsent(name, n -> new ArrayList<>());
            if (remove) {
                values.remove(value);
            } else if (!values.contains(value)) {
                values.add(value);
            }
            if (values.isEmpty()) {
                p.remove(name);
            }
            p.remove(ListingParameters.PAGE);
        });
    }

    private String link(Consumer<Map<String, List<String>>> change) {
        Map<String, List<String>> parameters = ListingParameters.toParameters(query);
        change.accept(parameters);
        return ListingParameters.url(path, parameters);
    }
}
