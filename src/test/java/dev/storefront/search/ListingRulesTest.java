package dev.storefront.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.Test;

import dev.storefront.web.InvalidInputException;

/** Listings' pure rules, without a server: reading the URL's parameters and ordering sizes. */
class ListingRulesTest {

    @Test
    void sizesSortAsPeopleExpectThenByNumberThenByName() {
        List<String> sizes = new ArrayList<>(List.of("XL", "10", "S", "King", "M", "2", "One size", "XS", "9.5"));
        sizes.sort(ProductSearch::compareSizes);
        assertEquals(List.of("XS", "S", "M", "XL", "King", "2", "9.5", "10", "One size"), sizes);
    }

    @Test
    void theApiRefusesEveryBadParameterAtOnceNamingEach() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> ListingParameters.strict(
                params("minPrice", "abc", "page", "0", "sort", "cheapest", "size", "1000"), null));
        List<String> fields = refused.errors().stream().map(e -> e.field()).toList();
        assertTrue(fields.containsAll(List.of("minPrice", "page", "sort", "size")), fields.toString());
    }

    @Test
    void pagesBringBadValuesIntoRangeOrIgnoreThem() {
        ListingQuery query = ListingParameters.lenient(params("minPrice", "abc", "page", "0", "size", "1000",
                "sort", "cheapest"), null);
        assertNull(query.minPrice());
        assertEquals(1, query.page());
        assertEquals(ListingQuery.MAX_SIZE, query.size());
        assertEquals(ListingQuery.Sort.RELEVANCE, query.sort());
    }

    @Test
    void aMinimumAboveTheMaximumIsRefusedAndTheQueryRoundTripsThroughTheUrl() {
        assertThrows(InvalidInputException.class,
                () -> ListingParameters.strict(params("minPrice", "50", "maxPrice", "10"), null));
        ListingQuery query = ListingParameters.strict(params("q", "red jacket", "brand", "Acme", "colour", "Red",
                "minPrice", "1000", "maxPrice", "5050", "sort", "price-asc", "page", "2"), null);
        MultivaluedMap<String, String> back = new MultivaluedHashMap<>();
        ListingParameters.toParameters(query).forEach(back::put);
        assertEquals(query, ListingParameters.strict(back, null));
    }

    private static MultivaluedMap<String, String> params(String... pairs) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
