package dev.storefront.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.storefront.money.Money;
import dev.storefront.web.MoneyFormat;

/**
 * What promotions give a basket, as pure arithmetic on minor units (no database, no clock of its own), so that
 * the cart, checkout and the tests compute exactly the same thing.
 * <ul>
 * <li>Codes are taken in the order the shopper applied them, then automatic promotions. A promotion that does
 * not combine is refused (a code) or skipped (an automatic one) when another is already applied, and so is any
 * promotion after one that does not combine.</li>
 * <li>A percentage is taken off each eligible line and rounded once per line, half-even; an amount off is spread
 * over the eligible lines in proportion to what is left of them (largest remainder), so the line discounts always
 * add up to the promotion's discount. Each promotion works on what earlier ones left: no line ever goes below
 * zero, and free shipping takes off at most the shipping.</li>
 * <li>Minimums (subtotal, quantity) count the eligible lines at list price.</li>
 * </ul>
 */
public final class DiscountRules {

    private DiscountRules() {
    }

    /** A basket line: what it is (for the promotion's targets) and what it costs. */
    public record Item(String sku, long productId, Set<Long> categoryIds, long unitPrice, int quantity) {
        public long total() {
            return unitPrice * quantity;
        }
    }

    /** Who is buying, and when. {@code ordersBefore}: the customer's earlier orders (by account or email). */
    public record Shopper(Long userId, long ordersBefore, Instant now) {
    }

    /**
     * A promotion as the rules need it, with how often it may still be used: {@code usedUp} when its limit (or
     * the code's) is reached, {@code usedByShopper} when this shopper has had it as often as allowed.
     */
    public record Offer(long id, String name, String code, Promotion.Kind kind, Integer percentBp, Long amount,
            Promotion.AppliesTo appliesTo, Set<String> targets, Long minSubtotal, Integer minQuantity,
            Instant startsAt, Instant endsAt, boolean firstOrderOnly, boolean signedInOnly, boolean combinable,
            Promotion.Status status, boolean usedUp, boolean usedByShopper) {

        boolean eligible(Item item) {
            return switch (appliesTo) {
                case ORDER -> true;
                case PRODUCTS -> targets.contains(Long.toString(item.productId()));
                case CATEGORIES -> item.categoryIds().stream().anyMatch(id -> targets.contains(Long.toString(id)));
                case SKUS -> targets.contains(item.sku());
            };
        }

        String label() {
            return code != null ? code : name;
        }
    }

    /** One promotion given: its total discount, the part of it on shipping, and the part on each line (by SKU). */
    public record Applied(Offer offer, long amount, long shippingAmount, Map<String, Long> lines) {
    }

    /** A code that gives nothing, and why, in the shopper's words. */
    public record Refusal(String code, String reason) {
    }

    /** Everything given: the discount on lines, on shipping, and in all. */
    public record Outcome(List<Applied> applied, List<Refusal> refusals) {
        public long discount() {
            return applied.stream().mapToLong(Applied::amount).sum();
        }

        public long shippingDiscount() {
            return applied.stream().mapToLong(Applied::shippingAmount).sum();
        }

        /** The discount on one line, all promotions together. */
        public long lineDiscount(String sku) {
            return applied.stream().mapToLong(a -> a.lines().getOrDefault(sku, 0L)).sum();
        }

        public static Outcome none() {
            return new Outcome(List.of(), List.of());
        }
    }

    /**
     * @param codes the offers for the codes the shopper applied, in that order
     * @param automatic the automatic promotions running now
     */
    public static Outcome apply(List<Item> items, long shipping, String currency, Shopper shopper, List<Offer> codes,
            List<Offer> automatic) {
        Map<String, Long> left = new LinkedHashMap<>();
        items.forEach(item -> left.merge(item.sku(), item.total(), Long::sum));
        long shippingLeft = shipping;
        List<Applied> applied = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        List<Offer> all = new ArrayList<>(codes);
        all.addAll(automatic);
        for (Offer offer : all) {
            String problem = problem(offer, items, currency, shopper);
            if (problem == null && !applied.isEmpty()) {
                Applied blocking = applied.stream().filter(a -> !a.offer().combinable() || !offer.combinable())
                        .findFirst().orElse(null);
                if (blocking != null) {
                    problem = offer.label() + " can't be combined with " + blocking.offer().label() + ".";
                }
            }
            if (problem != null) {
                if (offer.code() != null) {
                    refusals.add(new Refusal(offer.code(), problem));
                }
                continue;
            }
            Applied given = give(offer, items, left, shippingLeft);
            if (given.amount() == 0 && offer.code() == null) {
                continue; // an automatic promotion with nothing left to take off is not worth a line
            }
            shippingLeft -= given.shippingAmount();
            applied.add(given);
        }
        return new Outcome(List.copyOf(applied), List.copyOf(refusals));
    }

    /** Why the offer gives nothing to this basket, or null when it applies. */
    static String problem(Offer offer, List<Item> items, String currency, Shopper shopper) {
        String label = offer.label();
        if (offer.status() == Promotion.Status.ENDED || offer.endsAt() != null && !shopper.now().isBefore(offer.endsAt())) {
            return "The code " + label + " has expired.";
        }
        if (offer.startsAt() != null && shopper.now().isBefore(offer.startsAt())) {
            return "The code " + label + " starts on " + Promotion.DAY.format(offer.startsAt()) + ".";
        }
        if (offer.status() == Promotion.Status.PAUSED) {
            return "The code " + label + " is not available right now.";
        }
        if (offer.usedUp()) {
            return "The code " + label + " has been used up.";
        }
        if (offer.signedInOnly() && shopper.userId() == null) {
            return "Sign in to use the code " + label + ".";
        }
        if (offer.firstOrderOnly() && shopper.ordersBefore() > 0) {
            return "The code " + label + " is for a first order only.";
        }
        if (offer.usedByShopper()) {
            return "You have already used the code " + label + ".";
        }
        List<Item> eligible = items.stream().filter(offer::eligible).toList();
        if (eligible.isEmpty()) {
            return "The code " + label + " does not apply to anything in your cart.";
        }
        long subtotal = eligible.stream().mapToLong(Item::total).sum();
        if (offer.minSubtotal() != null && subtotal < offer.minSubtotal()) {
            return "The code " + label + " needs " + money(offer.minSubtotal(), currency)
                    + (offer.appliesTo() == Promotion.AppliesTo.ORDER ? "" : " of eligible items") + ": add "
                    + money(offer.minSubtotal() - subtotal, currency) + " more.";
        }
        int quantity = eligible.stream().mapToInt(Item::quantity).sum();
        if (offer.minQuantity() != null && quantity < offer.minQuantity()) {
            int missing = offer.minQuantity() - quantity;
            return "The code " + label + " needs " + offer.minQuantity()
                    + (offer.appliesTo() == Promotion.AppliesTo.ORDER ? " items" : " eligible items") + ": add "
                    + missing + " more.";
        }
        return null;
    }

    private static Applied give(Offer offer, List<Item> items, Map<String, Long> left, long shippingLeft) {
        Map<String, Long> lines = new LinkedHashMap<>();
        List<String> eligible = items.stream().filter(offer::eligible).map(Item::sku).distinct()
                .filter(sku -> left.get(sku) > 0).toList();
        switch (offer.kind()) {
            case PERCENT_OFF -> eligible.forEach(sku -> lines.put(sku, percent(left.get(sku), offer.percentBp())));
            case AMOUNT_OFF -> lines.putAll(spread(offer.amount(), eligible, left));
            case FREE_SHIPPING -> {
                return new Applied(offer, shippingLeft, shippingLeft, Map.of());
            }
        }
        lines.replaceAll((sku, off) -> Math.min(off, left.get(sku)));
        lines.values().removeIf(off -> off == 0);
        lines.forEach((sku, off) -> left.merge(sku, -off, Long::sum));
        return new Applied(offer, lines.values().stream().mapToLong(Long::longValue).sum(), 0, Map.copyOf(lines));
    }

    /** {@code amount} x basis points / 10,000, rounded half-even to the minor unit. */
    static long percent(long amount, int basisPoints) {
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** {@code amount} (at most what is left) over the lines in proportion to what is left of each; exact sum. */
    static Map<String, Long> spread(long amount, List<String> skus, Map<String, Long> left) {
        long base = skus.stream().mapToLong(left::get).sum();
        long total = Math.min(amount, base);
        Map<String, Long> shares = new HashMap<>();
        if (total == 0) {
            return shares;
        }
        List<long[]> remainders = new ArrayList<>(); // {index, remainder}
        long given = 0;
        for (int i = 0; i < skus.size(); i++) {
            BigDecimal[] division = BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(left.get(skus.get(i))))
                    .divideAndRemainder(BigDecimal.valueOf(base));
            long share = division[0].longValueExact();
            shares.put(skus.get(i), share);
            given += share;
            remainders.add(new long[] { i, division[1].longValueExact() });
        }
        remainders.sort((a, b) -> a[1] != b[1] ? Long.compare(b[1], a[1]) : Long.compare(a[0], b[0]));
        for (int i = 0; given < total; i++, given++) {
            shares.merge(skus.get((int) remainders.get(i)[0]), 1L, Long::sum);
        }
        return shares;
    }

    private static String money(long amount, String currency) {
        return MoneyFormat.formatted(Money.of(amount, currency));
    }
}
