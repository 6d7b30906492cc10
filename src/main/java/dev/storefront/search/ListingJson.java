package dev.storefront.search;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.storefront.catalog.ProductCard;
import dev.storefront.money.Money;

/**
 * A listing as the JSON API returns it: {@code {"items","total","page","size","facets"}}, with
 * {@code didYouMean} when the words have a better spelling and {@code showingResultsFor} when the items are
 * that spelling's because the words as typed found nothing ({@code asTyped=true} asks for them anyway).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListingJson(List<Item> items, long total, int page, int size,
        Map<String, List<ListingResult.FacetValue>> facets, String didYouMean, String showingResultsFor) {

    /** One product of a listing; {@code price} is the lowest variant price, {@code priceTo} the highest. */
    public record Item(String slug, String name, String brand, String category, Money price, Money priceTo,
            String image, String url) {

        static Item of(ProductCard card) {
            return new Item(card.slug(), card.name(), card.brand(), card.category(), card.priceFrom(), card.priceTo(),
                    card.image(), "/p/" + card.slug());
        }
    }

    public static ListingJson of(ListingResult result) {
        return new ListingJson(result.items().stream().map(Item::of).toList(), result.total(), result.page(),
                result.size(), result.facets(), result.correction(), result.corrected() ? result.correction() : null);
    }
}
