package dev.storefront.catalog.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Generates a realistic demo catalog from a seed: the same seed always gives the same categories,
 * products, variants, prices and stock. Product n depends only on the seed and n (its slug may get a
 * numeric suffix when an earlier product took the same name), so a larger catalog starts with the
 * products of a smaller one.
 */
public final class DemoCatalogGenerator {

    /** A category of the demo tree; {@code parentSlug} is null for a department. */
    public record CategorySpec(String slug, String name, String parentSlug, int position, String description) {
    }

    /** One product with its variants. */
    public record ProductSpec(int number, String slug, String name, String brand, String categorySlug,
            String description, Map<String, String> attributes, List<String> images, boolean featured,
            Instant createdAt, List<VariantSpec> variants) {
    }

    /** One SKU with its price (minor units) and starting stock. */
    /** {@code image}: the variant's own picture, one of its product's, or null. */
    public record VariantSpec(String sku, Map<String, String> attributes, long priceAmount, int onHand,
            int lowStockThreshold, String image) {

        VariantSpec withImage(String picture) {
            return new VariantSpec(sku, attributes, priceAmount, onHand, lowStockThreshold, picture);
        }
    }

    /** Products are dated up to this many days before {@link #CATALOG_DATE}, so "newest" has meaning. */
    private static final int AGE_SPAN_DAYS = 540;
    private static final Instant CATALOG_DATE = Instant.parse("2026-11-01T09:00:00Z");
    static final int LOW_STOCK_THRESHOLD = 5;

    private final long seed;
    private final String currency;

    public DemoCatalogGenerator(long seed, String currency) {
        this.seed = seed;
        this.currency = currency;
    }

    public long seed() {
        return seed;
    }

    public String currency() {
        return currency;
    }

    /** Departments first, then their subcategories, so parents always precede children. */
    public List<CategorySpec> categories() {
        List<CategorySpec> result = new ArrayList<>();
        for (int d = 0; d < DemoVocabulary.DEPARTMENTS.size(); d++) {
            DemoVocabulary.Department department = DemoVocabulary.DEPARTMENTS.get(d);
            result.add(new CategorySpec(slugify(department.name()), department.name(), null, d,
                    department.description()));
        }
        for (DemoVocabulary.Department department : DemoVocabulary.DEPARTMENTS) {
            for (int l = 0; l < department.leaves().size(); l++) {
                DemoVocabulary.Leaf leaf = department.leaves().get(l);
                result.add(new CategorySpec(slugify(leaf.name()), leaf.name(), slugify(department.name()), l,
                        leaf.description()));
            }
        }
        return result;
    }

    /** The first {@code count} products, generated lazily so that 100,000 of them fit in little memory. */
    public Iterator<ProductSpec> products(int count) {
        Map<String, Integer> slugUses = new HashMap<>();
        return new Iterator<>() {
            private int next = 1;

            @Override
            public boolean hasNext() {
                return next <= count;
            }

            @Override
            public ProductSpec next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return product(next++, slugUses);
            }
        };
    }

    private ProductSpec product(int number, Map<String, Integer> slugUses) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number);
        List<DemoVocabulary.Leaf> leaves = DemoVocabulary.LEAVES;
        DemoVocabulary.Leaf leaf = leaves.get(random.nextInt(leaves.size()));
        DemoVocabulary.Department department = DemoVocabulary.departmentOf(leaf);

        String collection = pick(random, DemoVocabulary.COLLECTIONS);
        String material = pick(random, leaf.materials());
        String noun = pick(random, leaf.nouns());
        String name = collection + " " + (random.nextInt(3) == 0 ? "" : material + " ") + noun;
        String brand = pick(random, department.brands());

        String baseSlug = slugify(name);
        int uses = slugUses.merge(baseSlug, 1, Integer::sum);
        String slug = uses == 1 ? baseSlug : baseSlug + "-" + uses;

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("material", material);
        attributes.put("madeIn", pick(random, DemoVocabulary.ORIGINS));
        String gender = gender(number, leaf, department);
        if (gender != null) {
            attributes.put("gender", gender);
        }

        int imageCount = 1 + random.nextInt(3);
        List<String> images = new ArrayList<>();
        for (int i = 1; i <= imageCount; i++) {
            images.add(DemoImages.PATH + slug + "-" + i + ".svg");
        }

        boolean featured = random.nextInt(25) == 0;
        Instant createdAt = CATALOG_DATE.minus(Duration.ofMinutes(random.nextLong(AGE_SPAN_DAYS * 24L * 60)));
        String description = describe(random, name, noun, material, leaf, brand);
        List<VariantSpec> variants = withColourPictures(slug, variants(random, number, leaf), images);
        return new ProductSpec(number, slug, name, brand, slugify(leaf.name()), description, attributes, images,
                featured, createdAt, variants);
    }

    /**
     * Who clothes and shoes are cut for. Drawn from a generator of its own, so that adding it left every
     * other choice of product n as it was.
     */
    private String gender(int number, DemoVocabulary.Leaf leaf, DemoVocabulary.Department department) {
        if (!department.name().equals("Clothing") && !department.name().equals("Footwear")) {
            return null;
        }
        if (leaf.name().equals("Dresses")) {
            return "Women";
        }
        int draw = new SplittableRandom(seed * 31 + number * 7919L).nextInt(5);
        return draw < 2 ? "Men" : draw < 4 ? "Women" : "Unisex";
    }

    /**
     * When the variants come in more than one colour, a picture per colour (drawn in that colour), added to the
     * product's pictures and given to each variant of that colour. Draws nothing from the random generator, so
     * every other choice stays as it was.
     */
    private static List<VariantSpec> withColourPictures(String slug, List<VariantSpec> variants, List<String> images) {
        List<String> colours = variants.stream().map(v -> v.attributes().get("colour")).filter(c -> c != null)
                .distinct().toList();
        if (colours.size() < 2) {
            return variants;
        }
        Map<String, String> pictures = new LinkedHashMap<>();
        for (String colour : colours) {
            String picture = DemoImages.PATH + slug + DemoImages.COLOUR_MARK + slugify(colour) + ".svg";
            pictures.put(colour, picture);
            images.add(picture);
        }
        return variants.stream().map(v -> v.withImage(pictures.get(v.attributes().get("colour")))).toList();
    }

    private List<VariantSpec> variants(SplittableRandom random, int number, DemoVocabulary.Leaf leaf) {
        long basePrice = price(random, leaf.minPrice(), leaf.maxPrice());
        boolean soldOut = random.nextInt(20) == 0;
        List<Map<String, String>> combinations = combinations(random, leaf);
        List<VariantSpec> variants = new ArrayList<>();
        for (int i = 0; i < combinations.size(); i++) {
            Map<String, String> attributes = combinations.get(i);
            long priceAmount = basePrice + basePrice * leaf.sizeStepPercent() * sizeRank(leaf, attributes) / 100;
            priceAmount = Math.max(99, Math.round(priceAmount / 100.0) * 100 - 1);
            String sku = leaf.code() + "-" + String.format(Locale.ROOT, "%06d", number) + "-" + (i + 1);
            variants.add(new VariantSpec(sku, attributes, priceAmount, soldOut ? 0 : stock(random),
                    LOW_STOCK_THRESHOLD, null));
        }
        return variants;
    }

    /** 1–6 distinct attribute combinations drawn from the leaf's sizes and colours. */
    private static List<Map<String, String>> combinations(SplittableRandom random, DemoVocabulary.Leaf leaf) {
        List<Map<String, String>> all = new ArrayList<>();
        List<String> sizes = leaf.sizes();
        List<String> colours = leaf.colours();
        if (sizes.isEmpty() && colours.isEmpty()) {
            all.add(new LinkedHashMap<>());
            return all;
        }
        List<String> chosenColours = colours.isEmpty() ? List.of("") : sample(random, colours, 1 + random.nextInt(3));
        List<String> chosenSizes = sizes.isEmpty() ? List.of("") : sizes;
        for (String colour : chosenColours) {
            for (String size : chosenSizes) {
                Map<String, String> attributes = new LinkedHashMap<>();
                if (!size.isEmpty()) {
                    attributes.put("size", size);
                }
                if (!colour.isEmpty()) {
                    attributes.put("colour", colour);
                }
                all.add(attributes);
            }
        }
        int wanted = 1 + random.nextInt(Math.min(6, all.size()));
        if (all.size() <= wanted) {
            return all;
        }
        int start = random.nextInt(all.size() - wanted + 1);
        return new ArrayList<>(all.subList(start, start + wanted));
    }

    private static int sizeRank(DemoVocabulary.Leaf leaf, Map<String, String> attributes) {
        String size = attributes.get("size");
        return size == null ? 0 : leaf.sizes().indexOf(size);
    }

    /** 8% out of stock, 12% low (1–5 left), the rest 6–150. */
    private static int stock(SplittableRandom random) {
        int roll = random.nextInt(100);
        if (roll < 8) {
            return 0;
        }
        if (roll < 20) {
            return 1 + random.nextInt(LOW_STOCK_THRESHOLD);
        }
        return LOW_STOCK_THRESHOLD + 1 + random.nextInt(145);
    }

    private static long price(SplittableRandom random, int minDollars, int maxDollars) {
        return (minDollars + random.nextInt(maxDollars - minDollars + 1)) * 100L;
    }

    private static String describe(SplittableRandom random, String name, String noun, String material,
            DemoVocabulary.Leaf leaf, String brand) {
        String nounLower = noun.toLowerCase(Locale.ROOT);
        List<String> sentences = new ArrayList<>();
        sentences.add(String.format(Locale.ROOT, pick(random, DemoVocabulary.OPENINGS), name, brand,
                pick(random, leaf.uses())));
        sentences.add(String.format(Locale.ROOT, pick(random, DemoVocabulary.MATERIAL_LINES),
                material.toLowerCase(Locale.ROOT), pick(random, DemoVocabulary.QUALITIES), nounLower));
        for (String feature : sample(random, leaf.features(), 1 + random.nextInt(2))) {
            sentences.add(String.format(Locale.ROOT, pick(random, DemoVocabulary.FEATURE_LINES), feature, nounLower));
        }
        sentences.add(String.format(Locale.ROOT, pick(random, DemoVocabulary.CLOSINGS), nounLower,
                pick(random, leaf.uses())));
        return String.join(" ", sentences);
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> List<T> sample(SplittableRandom random, List<T> values, int count) {
        List<T> pool = new ArrayList<>(values);
        List<T> result = new ArrayList<>();
        while (result.size() < count && !pool.isEmpty()) {
            result.add(pool.remove(random.nextInt(pool.size())));
        }
        return result;
    }

    /** "Café Crème & Co." becomes "cafe-creme-co". */
    public static String slugify(String text) {
        return dev.storefront.catalog.Slugs.slugify(text);
    }
}
