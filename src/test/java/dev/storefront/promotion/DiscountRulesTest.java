package dev.storefront.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.storefront.promotion.DiscountRules.Item;
import dev.storefront.promotion.DiscountRules.Offer;
import dev.storefront.promotion.DiscountRules.Outcome;
import dev.storefront.promotion.DiscountRules.Shopper;
import dev.storefront.promotion.Promotion.AppliesTo;
import dev.storefront.promotion.Promotion.Kind;
import dev.storefront.promotion.Promotion.Status;

/** The arithmetic of discounts on minor units, over hand-picked and many random baskets. */
class DiscountRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Shopper GUEST = new Shopper(null, 0, NOW);

    @Test
    void aPercentageIsRoundedOncePerLineHalfEvenAndTheLinesAddUpToTheDiscount() {
        List<Item> items = List.of(item("A", 1, 1250, 1), item("B", 1, 1150, 1), item("C", 2, 999, 3));
        Outcome outcome = apply(items, 500, offer("SAVE15", Kind.PERCENT_OFF, 1500, null));
        // 187.5 -> 188 (even), 172.5 -> 172 (even), 449.55 -> 450
        assertEquals(188, outcome.lineDiscount("A"));
        assertEquals(172, outcome.lineDiscount("B"));
        assertEquals(450, outcome.lineDiscount("C"));
        assertEquals(810, outcome.discount());
        assertEquals(0, outcome.shippingDiscount(), "a percentage off the order leaves shipping alone");
    }

    @Test
    void anAmountOffIsSpreadOverTheLinesExactlyAndNeverBeyondThem() {
        List<Item> items = List.of(item("A", 1, 100, 1), item("B", 1, 100, 1), item("C", 1, 100, 1));
        Outcome dollar = apply(items, 0, offer("ONE", Kind.AMOUNT_OFF, null, 100L));
        assertEquals(List.of(34L, 33L, 33L), List.of(dollar.lineDiscount("A"), dollar.lineDiscount("B"),
                dollar.lineDiscount("C")));
        Outcome huge = apply(items, 499, offer("HUGE", Kind.AMOUNT_OFF, null, 100_000L));
        assertEquals(300, huge.discount(), "at most the lines: the order never goes below its shipping and tax");
    }

    @Test
    void freeShippingTakesOffTheShippingAndScopedOffersOnlyTheirLines() {
        List<Item> items = List.of(item("BOOT-1", 1, 5000, 1), item("HAT-1", 2, 2000, 2)); // in categories 10 and 20
        assertEquals(499, apply(items, 499, offer("SHIPFREE", Kind.FREE_SHIPPING, null, null)).shippingDiscount());
        Offer boots = scoped("BOOTS10", AppliesTo.CATEGORIES, Set.of("10"));
        Outcome outcome = apply(items, 0, boots);
        assertEquals(500, outcome.lineDiscount("BOOT-1"));
        assertEquals(0, outcome.lineDiscount("HAT-1"));
        Offer bySku = scoped("HATS10", AppliesTo.SKUS, Set.of("HAT-1"));
        assertEquals(400, apply(items, 0, bySku).discount());
        Offer byProduct = scoped("P2", AppliesTo.PRODUCTS, Set.of("2"));
        assertEquals(400, apply(items, 0, byProduct).discount(), "HAT-1 belongs to product 2");
    }

    @Test
    void eachRefusalSaysWhyInTheShoppersWords() {
        List<Item> items = List.of(item("A", 1, 2000, 1));
        assertEquals("The code MIN50 needs $50.00: add $30.00 more.",
                refusal(items, GUEST, with(offer("MIN50", Kind.PERCENT_OFF, 1000, null), "minSubtotal", 5000L)));
        assertEquals("The code OLD has expired.",
                refusal(items, GUEST, with(offer("OLD", Kind.PERCENT_OFF, 1000, null), "endsAt", NOW)));
        assertEquals("The code SOON starts on 9 Dec 2026.", refusal(items, GUEST, with(offer("SOON",
                Kind.PERCENT_OFF, 1000, null), "startsAt", NOW.plus(7, ChronoUnit.DAYS))));
        assertEquals("The code GONE has been used up.",
                refusal(items, GUEST, with(offer("GONE", Kind.PERCENT_OFF, 1000, null), "usedUp", true)));
        assertEquals("Sign in to use the code MEMBERS.",
                refusal(items, GUEST, with(offer("MEMBERS", Kind.PERCENT_OFF, 1000, null), "signedInOnly", true)));
        assertEquals("The code HELLO is for a first order only.", refusal(items, new Shopper(7L, 2, NOW),
                with(offer("HELLO", Kind.PERCENT_OFF, 1000, null), "firstOrderOnly", true)));
        assertEquals("You have already used the code ONCE.",
                refusal(items, GUEST, with(offer("ONCE", Kind.PERCENT_OFF, 1000, null), "usedByShopper", true)));
        assertEquals("The code PAUSED is not available right now.",
                refusal(items, GUEST, with(offer("PAUSED", Kind.PERCENT_OFF, 1000, null), "status", Status.PAUSED)));
        assertEquals("The code BOOTS10 does not apply to anything in your cart.",
                refusal(items, GUEST, scoped("BOOTS10", AppliesTo.CATEGORIES, Set.of("99"))));
        assertEquals("The code THREE needs 3 items: add 2 more.",
                refusal(items, GUEST, with(offer("THREE", Kind.PERCENT_OFF, 1000, null), "minQuantity", 3)));

        Outcome two = DiscountRules.apply(items, 0, "USD", GUEST, List.of(offer("FIRST", Kind.PERCENT_OFF, 1000,
                null), offer("SECOND", Kind.PERCENT_OFF, 1000, null)), List.of());
        assertEquals(List.of("SECOND can't be combined with FIRST."),
                two.refusals().stream().map(DiscountRules.Refusal::reason).toList(), "one code per order");
        Outcome both = DiscountRules.apply(items, 0, "USD", GUEST, List.of(
                with(offer("FIRST", Kind.PERCENT_OFF, 1000, null), "combinable", true),
                with(offer("SECOND", Kind.PERCENT_OFF, 1000, null), "combinable", true)), List.of());
        assertEquals(200 + 180, both.discount(), "both allow combining: the second takes 10% of what is left");
    }

    /**
     * Many random baskets and offers (seeded, so a failure repeats): the line discounts always add up, no line
     * and no shipping goes below zero, the total is never negative, and a single percentage gives exactly the
     * rounded percentage of each line, never more.
     */
    @Test
    void overManyRandomBasketsTheTotalIsNeverNegativeAndNeverBelowWhatTheRulesAllow() {
        Random random = new Random(20261202);
        for (int run = 0; run < 20_000; run++) {
            List<Item> items = new ArrayList<>();
            int lines = 1 + random.nextInt(6);
            for (int i = 0; i < lines; i++) {
                items.add(item("S" + i, 1 + random.nextInt(4), 1 + random.nextInt(200_000), 1 + random.nextInt(99)));
            }
            long shipping = random.nextInt(3) == 0 ? 0 : random.nextInt(5000);
            List<Offer> offers = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                Offer offer = switch (random.nextInt(3)) {
                    case 0 -> offer("P" + i, Kind.PERCENT_OFF, 1 + random.nextInt(10_000), null);
                    case 1 -> offer("A" + i, Kind.AMOUNT_OFF, null, 1L + random.nextInt(1_000_000));
                    default -> offer("F" + i, Kind.FREE_SHIPPING, null, null);
                };
                if (random.nextBoolean()) {
                    offer = with(offer, "appliesTo", AppliesTo.PRODUCTS);
                    offer = with(offer, "targets", Set.of(Integer.toString(1 + random.nextInt(4))));
                }
                offers.add(with(offer, "combinable", random.nextBoolean()));
            }
            Outcome outcome = DiscountRules.apply(items, shipping, "USD", GUEST, offers, List.of());
            long subtotal = items.stream().mapToLong(Item::total).sum();
            long onLines = items.stream().mapToLong(item -> outcome.lineDiscount(item.sku())).sum();
            assertEquals(outcome.discount() - outcome.shippingDiscount(), onLines, "run " + run);
            for (Item item : items) {
                long off = outcome.lineDiscount(item.sku());
                assertTrue(off >= 0 && off <= item.total(), "run " + run + ": a line between 0 and its price");
            }
            assertTrue(outcome.shippingDiscount() >= 0 && outcome.shippingDiscount() <= shipping, "run " + run);
            assertTrue(subtotal + shipping - outcome.discount() >= 0, "run " + run + ": never negative");
            if (offers.size() == 1 && offers.get(0).kind() == Kind.PERCENT_OFF
                    && offers.get(0).appliesTo() == AppliesTo.ORDER) {
                long expected = items.stream().mapToLong(item -> BigDecimal.valueOf(item.total())
                        .multiply(BigDecimal.valueOf(offers.get(0).percentBp())).divide(BigDecimal.valueOf(10_000), 0,
                                RoundingMode.HALF_EVEN).longValueExact()).sum();
                assertEquals(expected, outcome.discount(), "run " + run + ": exactly the rounded percentage");
            }
        }
    }

    private static Item item(String sku, long productId, long unitPrice, int quantity) {
        return new Item(sku, productId, Set.of(productId * 10), unitPrice, quantity);
    }

    private static Offer offer(String code, Kind kind, Integer percentBp, Long amount) {
        return new Offer(code.hashCode(), "Offer " + code, code, kind, percentBp, amount, AppliesTo.ORDER, Set.of(),
                null, null, null, null, false, false, false, Status.ACTIVE, false, false);
    }

    private static Offer scoped(String code, AppliesTo appliesTo, Set<String> targets) {
        return with(with(offer(code, Kind.PERCENT_OFF, 1000, null), "appliesTo", appliesTo), "targets", targets);
    }

    /** The offer with one part changed. */
    @SuppressWarnings("unchecked")
    private static Offer with(Offer o, String part, Object value) {
        Map<String, Object> v = new java.util.HashMap<>();
        v.put(part, value);
        return new Offer(o.id(), o.name(), o.code(), o.kind(), o.percentBp(), o.amount(),
                (AppliesTo) v.getOrDefault("appliesTo", o.appliesTo()),
                (Set<String>) v.getOrDefault("targets", o.targets()), (Long) v.getOrDefault("minSubtotal",
                        o.minSubtotal()), (Integer) v.getOrDefault("minQuantity", o.minQuantity()),
                (Instant) v.getOrDefault("startsAt", o.startsAt()), (Instant) v.getOrDefault("endsAt", o.endsAt()),
                (Boolean) v.getOrDefault("firstOrderOnly", o.firstOrderOnly()),
                (Boolean) v.getOrDefault("signedInOnly", o.signedInOnly()),
                (Boolean) v.getOrDefault("combinable", o.combinable()), (Status) v.getOrDefault("status", o.status()),
                (Boolean) v.getOrDefault("usedUp", o.usedUp()), (Boolean) v.getOrDefault("usedByShopper",
                        o.usedByShopper()));
    }

    private static Outcome apply(List<Item> items, long shipping, Offer offer) {
        Outcome outcome = DiscountRules.apply(items, shipping, "USD", GUEST, List.of(offer), List.of());
        assertTrue(outcome.refusals().isEmpty(), outcome.refusals().toString());
        return outcome;
    }

    private static String refusal(List<Item> items, Shopper shopper, Offer offer) {
        Outcome outcome = DiscountRules.apply(items, 0, "USD", shopper, List.of(offer), List.of());
        assertEquals(0, outcome.discount());
        return outcome.refusals().get(0).reason();
    }
}
