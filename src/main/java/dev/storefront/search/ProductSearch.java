package dev.storefront.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.aggregation.SearchAggregation;
import org.hibernate.search.engine.search.aggregation.dsl.SearchAggregationFactory;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.SearchSort;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.data.Range;

import dev.storefront.catalog.CatalogService;
import dev.storefront.catalog.CategoryTree;
import dev.storefront.catalog.Product;
import dev.storefront.catalog.ProductCard;
import dev.storefront.config.StoreConfig;
import dev.storefront.money.Money;
import dev.storefront.search.ListingResult.FacetValue;
import dev.storefront.web.MoneyFormat;


/**
 * Answers listings, searches and suggestions from the product index: typo-tolerant text matching,
 * facet counts that narrow the result, and "did you mean" when nothing matches. Results are
 * projected from the index, so a results page costs no database query.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProductSearch {

    public static final int MAX_SUGGESTIONS = 8;
    public static final int MIN_SUGGEST_LENGTH = 2;
    private static final int MAX_WORDS = 10;

    /** Price bands of the price facet, in minor units; the upper bound is inclusive, none for the last. */
    static final List<long[]> PRICE_BANDS = List.of(new long[] { 0, 2499 }, new long[] { 2500, 4999 },
            new long[] { 5000, 9999 }, new long[] { 10000, 19999 }, new long[] { 20000, -1 });

    /** Sizes in the order people expect; other sizes sort numerically, then alphabetically. */
    private static final List<String> SIZE_ORDER = List.of("XXS", "XS", "S", "M", "L", "XL", "XXL", "Single",
            "Double", "Queen", "King");

    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+(?:\\.\\d+)?)");

    @Inject
    EntityManager entityManager;

    @Inject
    SpellingCorrector speller;

    @Inject
    CatalogService catalog;

    @Inject
    StoreConfig config;

    /** The filters a shopper can set, each also a facet. */
    enum Facet {
        CATEGORY(ListingParameters.CATEGORY), BRAND(ListingParameters.BRAND), COLOUR(ListingParameters.COLOUR),
        SIZE(ListingParameters.SIZE_OPTION), PRICE("price"), IN_STOCK(ListingParameters.IN_STOCK);

        final String key;

        Facet(String key) {
            this.key = key;
        }

        boolean isActive(ListingQuery query) {
            return switch (this) {
                case CATEGORY -> !query.categories().isEmpty();
                case BRAND -> !query.brands().isEmpty();
                case COLOUR -> !query.colours().isEmpty();
                case SIZE -> !query.sizes().isEmpty();
                case PRICE -> query.minPrice() != null || query.maxPrice() != null;
                case IN_STOCK -> query.inStockOnly();
            };
        }
    }

    /** A product to offer while the shopper types. */
    public record Suggestion(String name, String slug) {
    }

    public ListingResult search(ListingQuery query) {
        SearchSession session = Search.session(entityManager);
        SearchScope<Product> scope = session.scope(Product.class);
        Map<Facet, Map<?, Long>> counts = new EnumMap<>(Facet.class);

        // the main query counts the facets nobody has picked a value of yet
        var main = session.search(scope).select(cardProjection(scope))
                .where(predicate(scope.predicate(), query, query.text(), null))
                .sort(sort(scope.sort(), query));
        Map<Facet, AggregationKey<? extends Map<?, Long>>> keys = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            if (!facet.isActive(query)) {
                AggregationKey<Map<Object, Long>> key = AggregationKey.of(facet.key);
                main.aggregation(key, aggregation(scope, facet));
                keys.put(facet, key);
            }
        }
        SearchResult<List<?>> result = main.fetch((query.page() - 1) * query.size(), query.size());
        keys.forEach((facet, key) -> counts.put(facet, result.aggregation(key)));

        // a facet with picked values is counted without its own filter, so that its other values stay
        // visible and can be added: "Brand A (12), Brand B (7)" rather than only "Brand A (12)"
        for (Facet facet : Facet.values()) {
            if (facet.isActive(query)) {
                AggregationKey<Map<Object, Long>> key = AggregationKey.of(facet.key);
                counts.put(facet, session.search(scope)
                        .where(predicate(scope.predicate(), query, query.text(), facet))
                        .aggregation(key, aggregation(scope, facet))
                        .fetch(0).aggregation(key));
            }
        }

        long total = result.total().hitCount();
        if (total == 0 && query.hasText()) {
            String better = speller.correct(query.text())
                    .filter(words -> session.search(scope)
                            .where(predicate(scope.predicate(), query, words, null))
                            .fetchTotalHitCount() > 0)
                    .orElse(null);
            if (better != null && !query.asTyped()) {
                // the words as typed find nothing, a better spelling does: show its results, and say so
                ListingResult corrected = search(query.withWordsAsTyped(better));
                return new ListingResult(corrected.items(), corrected.total(), corrected.page(), corrected.size(),
                        corrected.facets(), better, true);
            }
            return new ListingResult(List.of(), 0, query.page(), query.size(), facets(query, counts), better, false);
        }
        return new ListingResult(cards(result.hits()), total, query.page(), query.size(), facets(query, counts),
                null, false);
    }

    /** Up to 8 products whose names match what has been typed so far, the last word as a prefix. */
    public List<Suggestion> suggest(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.length() < MIN_SUGGEST_LENGTH) {
            return List.of();
        }
        SearchScope<Product> scope = Search.session(entityManager).scope(Product.class);
        SearchPredicateFactory f = scope.predicate();
        SearchProjectionFactory<?, ?> p = scope.projection();
        return Search.session(entityManager).search(scope)
                .select(p.composite().from(p.field(ProductDocument.NAME, String.class),
                        p.field(ProductDocument.SLUG, String.class)).as(Suggestion::new).toProjection())
                .where(f.bool().must(text(f, text, true, true)).filter(listed(f)).toPredicate())
                .sort(scope.sort().score().then().field(ProductDocument.NAME_SORT).toSort())
                .fetchHits(MAX_SUGGESTIONS);
    }

    /** The first products of a category, featured and newest first. */
    public List<ProductCard> firstOfCategory(String categorySlug, int limit) {
        SearchScope<Product> scope = Search.session(entityManager).scope(Product.class);
        SearchPredicateFactory f = scope.predicate();
        return cards(Search.session(entityManager).search(scope)
                .select(cardProjection(scope))
                .where(f.bool().filter(listed(f))
                        .filter(f.match().field(ProductDocument.CATEGORY).matching(categorySlug)).toPredicate())
                .sort(scope.sort().field(ProductDocument.FEATURED).desc()
                        .then().field(ProductDocument.CREATED_AT).desc().toSort())
                .fetchHits(limit));
    }

    private static SearchProjection<List<?>> cardProjection(SearchScope<Product> scope) {
        SearchProjectionFactory<?, ?> f = scope.projection();
        return f.composite().from(f.field(ProductDocument.SLUG, String.class),
                f.field(ProductDocument.NAME, String.class), f.field(ProductDocument.BRAND, String.class),
                f.field(ProductDocument.CATEGORY, String.class), f.field(ProductDocument.IMAGE, String.class),
                f.field(ProductDocument.MIN_PRICE, Long.class), f.field(ProductDocument.MAX_PRICE, Long.class),
                f.field(ProductDocument.CURRENCY, String.class), f.field(ProductDocument.SINGLE_SKU, String.class))
                .asList().toProjection();
    }

    private static List<ProductCard> cards(List<List<?>> hits) {
        List<ProductCard> cards = new ArrayList<>(hits.size());
        for (List<?> hit : hits) {
            String currency = (String) hit.get(7);
            if (currency == null) {
                continue;
            }
            cards.add(new ProductCard((String) hit.get(0), (String) hit.get(1), (String) hit.get(2),
                    (String) hit.get(3), (String) hit.get(4), Money.of((Long) hit.get(5), currency),
                    Money.of((Long) hit.get(6), currency), (String) hit.get(8)));
        }
        return cards;
    }

    /** Everything the query asks for, except the filter of {@code without} (null: all filters). */
    private static SearchPredicate predicate(SearchPredicateFactory f, ListingQuery query, String text, Facet without) {
        BooleanPredicateClausesStep<?, ?> all = f.bool().filter(listed(f));
        if (!text.isBlank()) {
            all.must(text(f, text, true, false));
        }
        if (query.scope() != null) {
            all.filter(f.match().field(ProductDocument.CATEGORY_PATH).matching(query.scope()));
        }
        anyOf(f, all, without != Facet.CATEGORY, ProductDocument.CATEGORY_PATH, query.categories());
        anyOf(f, all, without != Facet.BRAND, ProductDocument.BRAND, query.brands());
        anyOf(f, all, without != Facet.COLOUR, ProductDocument.COLOUR, query.colours());
        anyOf(f, all, without != Facet.SIZE, ProductDocument.SIZE, query.sizes());
        if (without != Facet.PRICE && (query.minPrice() != null || query.maxPrice() != null)) {
            all.filter(f.range().field(ProductDocument.MIN_PRICE).between(query.minPrice(), query.maxPrice()));
        }
        if (without != Facet.IN_STOCK && query.inStockOnly()) {
            all.filter(f.match().field(ProductDocument.IN_STOCK).matching(true));
        }
        return all.toPredicate();
    }

    private static void anyOf(SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> all, boolean apply,
            String field, Collection<String> values) {
        if (apply && !values.isEmpty()) {
            all.filter(f.terms().field(field).matchingAny(values));
        }
    }

    private static SearchPredicate listed(SearchPredicateFactory f) {
        return f.match().field(ProductDocument.LISTED).matching(true).toPredicate();
    }

    /**
     * Words matched against name (strongest), brand, category, the product's attributes (colour, size,
     * material, gender) and description, each word required (one may be missing from three words on), so
     * "red jacket" finds jackets that come in red. With {@code typos} (suggestions as one types) a word also
     * matches with one typo from 4 letters and two from 8, scoring below exact matches; full searches
     * leave typos to the spelling correction, so that "cafe" does not find "care". The whole name as a
     * phrase scores highest. The last word may be the start of a longer one (not a code: "BOT-001148-4"
     * is no prefix of "bottle"). The whole text also matches a SKU exactly.
     */
    static SearchPredicate text(SearchPredicateFactory f, String text, boolean lastWordIsPrefix, boolean typos) {
        List<String> words = Arrays.stream(text.split("\\s+"))
                .filter(word -> word.codePoints().anyMatch(Character::isLetterOrDigit))
                .limit(MAX_WORDS).toList();
        BooleanPredicateClausesStep<?, ?> anyWay = f.bool()
                .should(f.match().field(ProductDocument.SKU).matching(text).boost(20f));
        if (!words.isEmpty()) {
            BooleanPredicateClausesStep<?, ?> allWords = f.bool();
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                // a word with digits ("HDP-000193-1", "2700K") is a code: its parts must all be there, in order
                boolean code = word.chars().anyMatch(Character::isDigit);
                BooleanPredicateClausesStep<?, ?> oneWord = f.bool()
                        .should(code
                                ? f.phrase().field(ProductDocument.NAME).boost(3f)
                                        .field(ProductDocument.DESCRIPTION).matching(word)
                                : f.match().field(ProductDocument.NAME).boost(3f)
                                        .field(ProductDocument.BRAND_TEXT).boost(2f)
                                        .field(ProductDocument.CATEGORY_TEXT).boost(1.5f)
                                        .field(ProductDocument.ATTRIBUTES).boost(1.5f)
                                        .field(ProductDocument.DESCRIPTION)
                                        .matching(word))
                        .should(f.match().field(ProductDocument.SKU).matching(word).boost(10f));
                int edits = code || !typos ? 0 : allowedEdits(word);
                if (edits > 0) {
                    oneWord.should(f.match().field(ProductDocument.NAME).boost(3f)
                            .field(ProductDocument.BRAND_TEXT).boost(2f)
                            .field(ProductDocument.CATEGORY_TEXT).boost(1.5f)
                            .field(ProductDocument.ATTRIBUTES).boost(1.5f)
                            .field(ProductDocument.DESCRIPTION)
                            .matching(word).fuzzy(edits).analyzer(ProductAnalysis.ENGLISH).boost(0.4f));
                }
                if (lastWordIsPrefix && !code && i == words.size() - 1 && word.length() >= MIN_SUGGEST_LENGTH) {
                    oneWord.should(f.match().field(ProductDocument.NAME_PREFIXES).matching(word).boost(0.8f));
                }
                allWords.should(oneWord);
            }
            allWords.minimumShouldMatchNumber(words.size() >= 3 ? words.size() - 1 : words.size());
            anyWay.should(allWords);
            if (words.size() > 1) {
                anyWay.should(f.phrase().field(ProductDocument.NAME).matching(String.join(" ", words)).boost(5f));
            }
        }
        return anyWay.toPredicate();
    }

    /** One typo for words of 4 to 7 letters, two from 8; none for shorter words, where one edit is a new word. */
    static int allowedEdits(String word) {
        int letters = word.codePointCount(0, word.length());
        return letters >= 8 ? 2 : letters >= 4 ? 1 : 0;
    }

    private static SearchSort sort(SearchSortFactory f, ListingQuery query) {
        SortFinalStep order = switch (query.sort()) {
            case RELEVANCE -> query.hasText()
                    ? f.score().then().field(ProductDocument.FEATURED).desc()
                            .then().field(ProductDocument.CREATED_AT).desc()
                    : f.field(ProductDocument.FEATURED).desc().then().field(ProductDocument.CREATED_AT).desc();
            case PRICE_ASC -> f.field(ProductDocument.MIN_PRICE).asc().then().field(ProductDocument.NAME_SORT);
            case PRICE_DESC -> f.field(ProductDocument.MIN_PRICE).desc().then().field(ProductDocument.NAME_SORT);
            case NEWEST -> f.field(ProductDocument.CREATED_AT).desc().then().field(ProductDocument.NAME_SORT);
            case NAME -> f.field(ProductDocument.NAME_SORT).asc().then().field(ProductDocument.CREATED_AT).desc();
        };
        return order.toSort();
    }

    /** The count of each value of a facet; price counts products per price band. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static SearchAggregation<Map<Object, Long>> aggregation(SearchScope<Product> scope, Facet facet) {
        SearchAggregationFactory f = scope.aggregation();
        SearchAggregation<?> aggregation = switch (facet) {
            case CATEGORY -> f.terms().field(ProductDocument.CATEGORY, String.class).maxTermCount(200).toAggregation();
            case BRAND -> f.terms().field(ProductDocument.BRAND, String.class).maxTermCount(200).toAggregation();
            case COLOUR -> f.terms().field(ProductDocument.COLOUR, String.class).maxTermCount(200).toAggregation();
            case SIZE -> f.terms().field(ProductDocument.SIZE, String.class).maxTermCount(200).toAggregation();
            case IN_STOCK -> f.terms().field(ProductDocument.IN_STOCK, Boolean.class).toAggregation();
            case PRICE -> f.range().field(ProductDocument.MIN_PRICE, Long.class)
                    .ranges(PRICE_BANDS.stream().map(ProductSearch::band).toList()).toAggregation();
        };
        return (SearchAggregation) aggregation;
    }

    private static Range<Long> band(long[] band) {
        return band[1] < 0 ? Range.atLeast(band[0]) : Range.between(band[0], band[1]);
    }

    private Map<String, List<FacetValue>> facets(ListingQuery query, Map<Facet, Map<?, Long>> counts) {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        Map<String, String> categoryNames = categoryNames(counts.get(Facet.CATEGORY).keySet(), query.categories());
        facets.put(Facet.CATEGORY.key, termValues(counts.get(Facet.CATEGORY), query.categories(),
                slug -> categoryNames.getOrDefault(slug, slug), null));
        facets.put(Facet.BRAND.key, termValues(counts.get(Facet.BRAND), query.brands(), label -> label, null));
        facets.put(Facet.COLOUR.key, termValues(counts.get(Facet.COLOUR), query.colours(), label -> label, null));
        facets.put(Facet.SIZE.key, termValues(counts.get(Facet.SIZE), query.sizes(), label -> label,
                ProductSearch::compareSizes));
        facets.put(Facet.PRICE.key, priceValues(counts.get(Facet.PRICE)));
        Long inStock = counts.get(Facet.IN_STOCK).get(Boolean.TRUE);
        facets.put(Facet.IN_STOCK.key, List.of(new FacetValue("true", "In stock", inStock == null ? 0 : inStock)));
        return facets;
    }

    private static List<FacetValue> termValues(Map<?, Long> counts, List<String> selected,
            UnaryOperator<String> label, Comparator<String> order) {
        Map<String, Long> values = new LinkedHashMap<>();
        counts.forEach((value, count) -> values.put((String) value, count));
        selected.forEach(value -> values.putIfAbsent(value, 0L));
        List<String> keys = new ArrayList<>(values.keySet());
        if (order != null) {
            keys.sort(order);
        }
        return keys.stream().map(value -> new FacetValue(value, label.apply(value), values.get(value))).toList();
    }

    private List<FacetValue> priceValues(Map<?, Long> counts) {
        List<FacetValue> values = new ArrayList<>();
        String currency = config.currency();
        for (long[] band : PRICE_BANDS) {
            Long count = counts.get(band(band));
            String label = band[0] == 0 ? "Under " + MoneyFormat.formatted(Money.of(band[1] + 1, currency))
                    : band[1] < 0 ? MoneyFormat.formatted(Money.of(band[0], currency)) + " and up"
                    : MoneyFormat.formatted(Money.of(band[0], currency)) + " to "
                            + MoneyFormat.formatted(Money.of(band[1] + 1, currency));
            values.add(new FacetValue(band[0] + "-" + (band[1] < 0 ? "" : band[1]), label, count == null ? 0 : count));
        }
        return values;
    }

    private Map<String, String> categoryNames(Set<?> counted, List<String> selected) {
        Set<String> slugs = new HashSet<>(selected);
        counted.forEach(slug -> slugs.add((String) slug));
        CategoryTree tree = catalog.categoryTree();
        Map<String, String> names = new HashMap<>();
        for (String slug : slugs) {
            tree.bySlug(slug).ifPresent(category -> names.put(slug, category.name()));
        }
        return names;
    }

    static int compareSizes(String a, String b) {
        int rankA = SIZE_ORDER.indexOf(a);
        int rankB = SIZE_ORDER.indexOf(b);
        if (rankA >= 0 || rankB >= 0) {
            return rankA < 0 ? 1 : rankB < 0 ? -1 : Integer.compare(rankA, rankB);
        }
        Optional<Double> numberA = leadingNumber(a);
        Optional<Double> numberB = leadingNumber(b);
        if (numberA.isPresent() && numberB.isPresent()) {
            return Double.compare(numberA.get(), numberB.get());
        }
        return numberA.isPresent() ? -1 : numberB.isPresent() ? 1 : a.compareTo(b);
    }

    private static Optional<Double> leadingNumber(String size) {
        Matcher number = LEADING_NUMBER.matcher(size);
        return number.find() ? Optional.of(Double.parseDouble(number.group(1))) : Optional.empty();
    }
}
