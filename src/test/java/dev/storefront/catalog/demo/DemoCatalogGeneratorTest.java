package dev.storefront.catalog.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.storefront.catalog.demo.DemoCatalogGenerator.CategorySpec;
import dev.storefront.catalog.demo.DemoCatalogGenerator.ProductSpec;
import dev.storefront.catalog.demo.DemoCatalogGenerator.VariantSpec;

class DemoCatalogGeneratorTest {

    private static List<ProductSpec> generate(long seed, int count) {
        List<ProductSpec> products = new ArrayList<>();
        new DemoCatalogGenerator(seed, "USD").products(count).forEachRemaining(products::add);
        return products;
    }

    @Test
    void sameSeedGivesTheSameCatalog() {
        assertEquals(generate(42, 500), generate(42, 500));
        assertEquals(new DemoCatalogGenerator(42, "USD").categories(), new DemoCatalogGenerator(42, "USD").categories());
    }

    @Test
    void differentSeedsGiveDifferentCatalogs() {
        assertNotEquals(generate(42, 50), generate(43, 50));
    }

    @Test
    void aLargerCatalogStartsWithTheProductsOfASmallerOne() {
        assertEquals(generate(42, 200), generate(42, 1000).subList(0, 200));
    }

    @Test
    void aThousandProductsMakeARealisticStore() {
        DemoCatalogGenerator generator = new DemoCatalogGenerator(20261122, "USD");
        List<CategorySpec> categories = generator.categories();
        List<ProductSpec> products = generate(20261122, 1000);

        assertTrue(categories.size() >= 20, "at least 20 categories, got " + categories.size());
        Set<String> parents = categories.stream().map(CategorySpec::parentSlug).filter(p -> p != null)
                .collect(Collectors.toSet());
        Set<String> leaves = categories.stream().map(CategorySpec::slug).filter(s -> !parents.contains(s))
                .collect(Collectors.toSet());
        Set<String> usedCategories = products.stream().map(ProductSpec::categorySlug).collect(Collectors.toSet());
        assertTrue(leaves.containsAll(usedCategories), "products are filed under leaf categories");
        assertEquals(leaves, usedCategories, "every leaf category has products");

        assertTrue(products.stream().map(ProductSpec::brand).distinct().count() >= 20, "many brands");
        for (ProductSpec product : products) {
            int variants = product.variants().size();
            assertTrue(variants >= 1 && variants <= 6, product.slug() + " has " + variants + " variants");
            assertTrue(!product.images().isEmpty(), product.slug() + " has an image");
            assertTrue(product.description().length() > 80, product.slug() + " has a description");
            for (VariantSpec variant : product.variants()) {
                assertTrue(variant.priceAmount() > 0, variant.sku() + " has a price");
                assertTrue(variant.onHand() >= 0);
            }
        }
        assertTrue(products.stream().anyMatch(p -> p.variants().size() == 6), "some products have 6 variants");
        assertTrue(products.stream().anyMatch(p -> p.variants().size() == 1), "some products have 1 variant");
        assertTrue(products.stream().anyMatch(ProductSpec::featured), "some products are featured");
        assertTrue(products.stream().anyMatch(p -> p.variants().stream()
                .map(VariantSpec::priceAmount).distinct().count() > 1), "some products' variants differ in price");

        List<VariantSpec> skus = products.stream().flatMap(p -> p.variants().stream()).toList();
        long outOfStock = skus.stream().filter(v -> v.onHand() == 0).count();
        long low = skus.stream().filter(v -> v.onHand() > 0 && v.onHand() <= v.lowStockThreshold()).count();
        assertTrue(outOfStock > skus.size() / 20 && outOfStock < skus.size() / 4, outOfStock + " SKUs out of stock");
        assertTrue(low > skus.size() / 20 && low < skus.size() / 4, low + " SKUs low on stock");

        Set<String> words = products.stream()
                .flatMap(p -> List.of(p.description().toLowerCase(Locale.ROOT).split("[^a-z]+")).stream())
                .collect(Collectors.toSet());
        assertTrue(words.size() > 400, "descriptions use a varied vocabulary, got " + words.size() + " words");
    }

    @Test
    void slugsAndSkusStayUniqueAcrossAHundredThousandProducts() {
        Set<String> slugs = new HashSet<>();
        Set<String> skus = new HashSet<>();
        Iterator<ProductSpec> products = new DemoCatalogGenerator(20261122, "USD").products(100_000);
        int count = 0;
        while (products.hasNext()) {
            ProductSpec product = products.next();
            assertTrue(slugs.add(product.slug()), "duplicate slug " + product.slug());
            assertTrue(product.slug().matches("[a-z0-9]+(-[a-z0-9]+)*"), "slug " + product.slug());
            for (VariantSpec variant : product.variants()) {
                assertTrue(skus.add(variant.sku()), "duplicate SKU " + variant.sku());
                assertTrue(variant.sku().matches("[A-Z0-9][A-Z0-9-]*"), "SKU " + variant.sku());
            }
            count++;
        }
        assertEquals(100_000, count);
    }

    @Test
    void slugsFoldAccentsAndPunctuation() {
        assertEquals("cafe-creme-co", DemoCatalogGenerator.slugify("Café Crème & Co."));
        assertEquals("kobo-saute-pan", DemoCatalogGenerator.slugify("Kōbō Sauté Pan"));
    }
}
