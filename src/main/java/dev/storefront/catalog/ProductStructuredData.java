package dev.storefront.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storefront.web.MoneyFormat;

/** The schema.org {@code Product} with its offers, as JSON-LD for search engines' rich results. */
final class ProductStructuredData {

    private static final String IN_STOCK = "https://schema.org/InStock";
    private static final String OUT_OF_STOCK = "https://schema.org/OutOfStock";

    private ProductStructuredData() {
    }

    /**
     * JSON safe to place inside a script element: {@code <}, {@code >} and {@code &} are written as JSON
     * escapes ({@code \u003c} …), so neither "</script>" nor "<!--" in a product's text can end or
     * swallow the element; JSON readers see the same text.
     */
    static String jsonLd(ProductDetails details, String publicUrl, ObjectMapper json) {
        ProductView product = details.product();
        String url = publicUrl + "/p/" + product.slug();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "Product");
        data.put("name", product.name());
        data.put("description", product.description());
        data.put("sku", details.selected().sku());
        data.put("brand", Map.of("@type", "Brand", "name", product.brand()));
        data.put("category", details.breadcrumb().stream().map(CategoryView::name).reduce((a, b) -> a + " > " + b).orElse(""));
        List<String> images = new ArrayList<>();
        product.images().forEach(image -> images.add(publicUrl + image));
        data.put("image", images);
        data.put("url", url);
        boolean anyInStock = details.variants().stream().anyMatch(v -> v.availability().inStock());
        Map<String, Object> offers = new LinkedHashMap<>();
        if (details.priceVaries()) {
            offers.put("@type", "AggregateOffer");
            offers.put("lowPrice", MoneyFormat.decimal(details.priceFrom()));
            offers.put("highPrice", MoneyFormat.decimal(details.priceTo()));
            offers.put("offerCount", details.variants().size());
        } else {
            offers.put("@type", "Offer");
            offers.put("price", MoneyFormat.decimal(details.priceFrom()));
            offers.put("url", url);
        }
        offers.put("priceCurrency", details.priceFrom().currency());
        offers.put("availability", anyInStock ? IN_STOCK : OUT_OF_STOCK);
        data.put("offers", offers);
        try {
            return json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serialises", e);
        }
    }

}
