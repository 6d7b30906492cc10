package dev.storefront.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.storefront.money.Money;

/** Everything the product page shows: the product, where it sits, and each variant with its stock. */
public record ProductDetails(ProductView product, List<CategoryView> breadcrumb, List<VariantOption> variants,
        VariantOption selected, Money priceFrom, Money priceTo) {

    /**
     * One variant as the selector offers it; {@code image} is its own picture, or null; {@code compareAt} the
     * price before, shown struck through, or null.
     */
    public record VariantOption(String sku, String label, Money price, Map<String, String> attributes,
            Availability availability, String image, Money compareAt) {
    }

    /** One choice the shopper makes, such as size or colour, with the values the variants offer. */
    public record OptionGroup(String key, boolean colour, List<OptionValue> values) {
    }

    /** A value of a choice: {@code swatch} is its CSS colour when it is a colour this store can draw. */
    public record OptionValue(String value, String swatch, boolean selected) {
    }

    /** The same page with the variant of this SKU selected, or else the first in stock, or else the first. */
    public ProductDetails select(String sku) {
        VariantOption chosen = variants.stream().filter(o -> o.sku().equals(sku)).findFirst()
                .or(() -> variants.stream().filter(o -> o.availability().inStock()).findFirst())
                .orElse(variants.get(0));
        return chosen == selected ? this : new ProductDetails(product, breadcrumb, variants, chosen, priceFrom, priceTo);
    }

    public boolean priceVaries() {
        return priceFrom.amount() != priceTo.amount();
    }

    public boolean hasChoice() {
        return variants.size() > 1;
    }

    /**
     * The variants' attributes as separate choices (colour swatches, size buttons), in the order the variants
     * first use them; none when the attributes do not tell every variant apart (the list of variants is then the
     * only choice, as it is without JavaScript).
     */
    public List<OptionGroup> optionGroups() {
        if (!hasChoice()) {
            return List.of();
        }
        Set<String> keys = variants.get(0).attributes().keySet();
        Set<Map<String, String>> seen = new HashSet<>();
        for (VariantOption option : variants) {
            if (keys.isEmpty() || !option.attributes().keySet().equals(keys) || !seen.add(option.attributes())) {
                return List.of();
            }
        }
        List<OptionGroup> groups = new ArrayList<>();
        // colour first, as shoppers choose it (and sizes depend on it more often than the other way round)
        for (String key : keys.stream().sorted(Comparator.comparing(k -> !Swatches.isColourAttribute(k))).toList()) {
            boolean colour = Swatches.isColourAttribute(key);
            List<String> inOrder = variants.stream().map(o -> o.attributes().get(key)).distinct().toList();
            List<OptionValue> values = (colour ? inOrder : sizeOrder(inOrder)).stream()
                    .map(value -> new OptionValue(value, colour ? Swatches.of(value).orElse(null) : null,
                            value.equals(selected.attributes().get(key))))
                    .toList();
            groups.add(new OptionGroup(key, colour, values));
        }
        return groups;
    }

    private static final List<String> LETTER_SIZES = List.of("XXXS", "XXS", "XS", "S", "M", "L", "XL", "XXL", "2XL",
            "XXXL", "3XL", "4XL");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("^\\d+(?:[.,]\\d+)?");

    /**
     * Values as a shopper scans them: letter sizes from XS up, numbers (shoe sizes, waists) ascending, anything
     * else in the order the variants come; when the values mix kinds, as they come.
     */
    static List<String> sizeOrder(List<String> values) {
        if (values.stream().allMatch(v -> LETTER_SIZES.contains(v.strip().toUpperCase(java.util.Locale.ROOT)))) {
            return values.stream().sorted(Comparator.comparingInt(v -> LETTER_SIZES.indexOf(v.strip()
                    .toUpperCase(java.util.Locale.ROOT)))).toList();
        }
        if (values.stream().allMatch(v -> NUMBER.matcher(v.strip()).find())) {
            return values.stream().sorted(Comparator.comparingDouble(v -> {
                java.util.regex.Matcher number = NUMBER.matcher(v.strip());
                number.find();
                return Double.parseDouble(number.group().replace(',', '.'));
            })).toList();
        }
        return values;
    }

    /**
     * Where a variant sits among the choices: for each group of {@link #optionGroups()} (passed in, as the page
     * works them out once), the position of its value, such as {@code "1 0"} for the second colour in the first
     * size (what product.js matches choices with).
     */
    public String choiceOf(VariantOption option, List<OptionGroup> groups) {
        StringBuilder choice = new StringBuilder();
        for (OptionGroup group : groups) {
            String value = option.attributes().get(group.key());
            int position = 0;
            while (position < group.values().size() && !group.values().get(position).value().equals(value)) {
                position++;
            }
            choice.append(choice.isEmpty() ? "" : " ").append(position);
        }
        return choice.toString();
    }

    /** The product's pictures with the chosen variant's own first. */
    public List<String> gallery() {
        List<String> images = product.images();
        if (selected.image() == null || !images.contains(selected.image()) || images.get(0).equals(selected.image())) {
            return images;
        }
        List<String> ordered = new ArrayList<>(images.size());
        ordered.add(selected.image());
        images.stream().filter(image -> !image.equals(selected.image())).forEach(ordered::add);
        return ordered;
    }

    /** Whether any variant can be bought now (the add button is offered whichever is chosen). */
    public boolean anyInStock() {
        return variants.stream().anyMatch(o -> o.availability().inStock());
    }

    /** The most units of one variant a shopper may ask for here: what the best-stocked variant has, at most 99. */
    public int maxQuantity() {
        return Math.min(99, variants.stream().mapToInt(o -> o.availability().available()).max().orElse(0));
    }
}
