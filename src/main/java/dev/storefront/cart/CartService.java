package dev.storefront.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.annotation.Counted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.storefront.catalog.VariantForSale;
import dev.storefront.catalog.VariantsForSale;
import dev.storefront.money.Money;
import dev.storefront.promotion.DiscountRules;
import dev.storefront.promotion.Promotions;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;

/**
 * The shopper's cart with the catalog's live truth: only active SKUs go in, quantities stay within
 * what is available, and the view says when a price changed or an item sold out. Nothing is
 * reserved here; checkout does that.
 */
@ApplicationScoped
public class CartService {

    private static final Pattern SKU = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$");

    @Inject
    CartStore store;

    @Inject
    VariantsForSale forSale;

    @Inject
    Promotions promotions;

    /** A line as the shopper sees it now. */
    public record LineView(String sku, String name, String slug, String variantLabel, String image, int quantity,
            Money unitPrice, Money lineTotal, Money priceWhenAdded, String warning, boolean available) {

        public boolean priceChanged() {
            return priceWhenAdded != null && priceWhenAdded.amount() != unitPrice.amount();
        }
    }

    /** A promotion given to the cart: its name, the code that gave it (none when automatic), the amount off. */
    public record DiscountView(String name, String code, Money amount) {
    }

    /**
     * The cart now: lines, subtotal at today's prices, the discounts its codes and the running automatic
     * promotions give (before shipping, which is known at checkout), the codes it holds and why any of them gives
     * nothing now.
     */
    public record CartView(String id, List<LineView> lines, Money subtotal, int itemCount, List<String> notices,
            List<DiscountView> discounts, List<String> codes, List<String> codeProblems) {
        public boolean empty() {
            return lines.isEmpty();
        }

        public Money discount() {
            return Money.of(discounts.stream().mapToLong(d -> d.amount().amount()).sum(), subtotal.currency());
        }

        /** The subtotal less the discounts. */
        public Money total() {
            return Money.of(subtotal.amount() - discount().amount(), subtotal.currency());
        }

        /** The lines that count, as promotions read them. */
        public List<Promotions.Line> basket() {
            return lines.stream().filter(LineView::available)
                    .map(l -> new Promotions.Line(l.sku(), l.unitPrice().amount(), l.quantity())).toList();
        }

        static CartView empty(String currency) {
            return new CartView(null, List.of(), Money.of(0, currency), 0, List.of(), List.of(), List.of(), List.of());
        }
    }


    public CartSnapshot create(Long userId) {
        return store.create(userId);
    }

    public Optional<CartSnapshot> find(String cartId) {
        return store.find(cartId);
    }

    public int itemCount(String cartId) {
        return CartStore.isWellFormed(cartId) ? store.find(cartId).map(CartSnapshot::itemCount).orElse(0) : 0;
    }

    /** Adds units of a SKU; a SKU that is unknown, not sold or not available in that number is refused. */
    @Counted(value = "storefront.cart.operations", extraTags = { "operation", "add" },
            description = "Cart changes by shoppers")
    public CartSnapshot add(String cartId, String sku, Integer quantity) {
        int units = validQuantity(quantity);
        VariantForSale item = sellable(sku);
        int already = store.find(cartId).orElseThrow(() -> new CartStore.CartNotFoundException(cartId))
                .line(item.sku()).map(CartLine::quantity).orElse(0);
        refuseBeyondAvailable(item, units, already);
        return limited(() -> store.add(cartId, item.sku(), units, item.priceAmount(), item.currency()));
    }

    /**
     * A new cart holding units of a SKU, for a shopper's first add; refused as {@link #add} refuses, and then
     * no cart is made.
     */
    @Counted(value = "storefront.cart.operations", extraTags = { "operation", "add" },
            description = "Cart changes by shoppers")
    public CartSnapshot createWith(String sku, Integer quantity) {
        int units = validQuantity(quantity);
        VariantForSale item = sellable(sku);
        refuseBeyondAvailable(item, units, 0);
        String cartId = store.create(null).id();
        return limited(() -> store.add(cartId, item.sku(), units, item.priceAmount(), item.currency()));
    }

    /**
     * What a past order's lines put back into a cart: each SKU still sold, topped up to the number ordered
     * (or as many as are available), so pressing "Buy again" twice does not double the order.
     *
     * @param inCart units of the order's SKUs the cart holds afterwards
     * @param notAdded SKUs of which the cart holds none (no longer sold, out of stock, or the cart full)
     * @param fewer SKUs the cart holds fewer of than were ordered
     */
    public record Refill(String cartId, int inCart, List<String> notAdded, List<String> fewer) {
    }

    /** Tops the cart up to these units of each SKU (a past order's lines), making a cart when there is none. */
    @Counted(value = "storefront.cart.operations", extraTags = { "operation", "refill" },
            description = "Cart changes by shoppers")
    public Refill refill(String cartId, Map<String, Integer> unitsBySku) {
        Map<String, VariantForSale> items = items(List.copyOf(unitsBySku.keySet()));
        CartSnapshot cart = cartId == null ? null : store.find(cartId).orElse(null);
        List<String> notAdded = new ArrayList<>();
        List<String> fewer = new ArrayList<>();
        int inCart = 0;
        for (Map.Entry<String, Integer> wanted : unitsBySku.entrySet()) {
            VariantForSale item = items.get(wanted.getKey());
            int already = cart == null ? 0 : cart.line(wanted.getKey()).map(CartLine::quantity).orElse(0);
            int target = item == null ? already
                    : Math.max(already, Math.min(wanted.getValue(), Math.min(item.available(), CartStore.MAX_QUANTITY)));
            if (target > already) {
                String id = cart == null ? store.create(null).id() : cart.id();
                try {
                    cart = store.add(id, item.sku(), target - already, item.priceAmount(), item.currency());
                } catch (CartStore.LimitException e) {
                    target = already;
                }
            }
            inCart += target;
            if (target == 0) {
                notAdded.add(wanted.getKey());
            } else if (target < wanted.getValue()) {
                fewer.add(wanted.getKey());
            }
        }
        return new Refill(cart == null ? null : cart.id(), inCart, notAdded, fewer);
    }

    private static void refuseBeyondAvailable(VariantForSale item, int units, int already) {
        if (already + units > item.available()) {
            throw new InvalidInputException(List.of(new FieldError("quantity", item.available() == 0
                    ? "this item is out of stock"
                    : "only " + item.available() + " available" + (already > 0 ? " (" + already + " already in the cart)" : ""))));
        }
    }

    @Counted(value = "storefront.cart.operations", extraTags = { "operation", "change" },
            description = "Cart changes by shoppers")
    public CartSnapshot setQuantity(String cartId, String sku, Integer quantity) {
        if (quantity != null && quantity == 0) {
            return remove(cartId, sku); // 0 of something is none of it
        }
        int units = validQuantity(quantity);
        VariantForSale item = sellable(sku);
        refuseBeyondAvailable(item, units, 0);
        return store.setQuantity(cartId, item.sku(), units)
                .orElseThrow(() -> InvalidInputException.of("sku", "is not in the cart"));
    }

    @Counted(value = "storefront.cart.operations", extraTags = { "operation", "remove" },
            description = "Cart changes by shoppers")
    public CartSnapshot remove(String cartId, String sku) {
        return store.remove(cartId, sku == null ? "" : sku.strip().toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> InvalidInputException.of("sku", "is not in the cart"));
    }

    @Counted(value = "storefront.cart.operations", extraTags = { "operation", "clear" },
            description = "Cart changes by shoppers")
    public CartSnapshot clear(String cartId) {
        return store.clear(cartId);
    }

    /**
     * The cart as it stands now. A line asking for more than is available is lowered to what is
     * (and says so); a line that cannot be bought any more stays, flagged, out of the subtotal.
     */
    public CartView view(String cartId) {
        return view(store.find(cartId).orElseThrow(() -> new CartStore.CartNotFoundException(cartId)));
    }

    /** {@link #view(String)} of a cart just read or changed, without reading it again. */
    public CartView view(CartSnapshot cart) {
        String cartId = cart.id();
        Map<String, VariantForSale> items = items(cart.lines().stream().map(CartLine::sku).toList());
        List<String> notices = new ArrayList<>();
        for (CartLine line : cart.lines()) {
            VariantForSale item = items.get(line.sku());
            if (item != null && item.available() > 0 && line.quantity() > item.available()) {
                store.setQuantity(cartId, line.sku(), item.available());
                notices.add("Only " + item.available() + " of " + item.productName() + " are available now;"
                        + " we lowered the quantity.");
            }
        }
        if (!notices.isEmpty()) {
            cart = store.find(cartId).orElseThrow();
        }
        List<LineView> lines = new ArrayList<>();
        long subtotal = 0;
        String currency = null;
        for (CartLine line : cart.lines()) {
            VariantForSale item = items.get(line.sku());
            Money whenAdded = Money.of(line.unitPriceAmount(), line.currency());
            if (item == null) {
                lines.add(new LineView(line.sku(), line.sku(), null, "", null, line.quantity(), whenAdded,
                        Money.of(0, line.currency()), null, "No longer sold", false));
                continue;
            }
            Money price = item.price();
            boolean available = item.available() > 0;
            Money lineTotal = Money.of(available ? price.amount() * line.quantity() : 0, price.currency());
            String warning = !available ? "Out of stock"
                    : price.amount() != line.unitPriceAmount() ? "Price changed from " + dev.storefront.web.MoneyFormat
                            .formatted(whenAdded) : null;
            lines.add(new LineView(line.sku(), item.productName(), item.productSlug(), item.label(), item.image(),
                    line.quantity(), price, lineTotal, whenAdded, warning, available));
            if (available) {
                subtotal += lineTotal.amount();
                currency = price.currency();
            }
        }
        String subtotalCurrency = currency != null ? currency
                : cart.lines().isEmpty() ? "USD" : cart.lines().get(0).currency();
        CartView view = new CartView(cart.id(), lines, Money.of(subtotal, subtotalCurrency), cart.itemCount(), notices,
                List.of(), List.of(), List.of());
        return withDiscounts(view, cart.userId());
    }

    /**
     * Applies a discount code to the cart; refused ({@link Promotions.CodeRefusedException}, 400 with the reason)
     * unless it gives the cart something now.
     */
    public CartView applyCode(String cartId, String code) {
        CartSnapshot snapshot = store.find(cartId).orElseThrow(() -> new CartStore.CartNotFoundException(cartId));
        CartView cart = view(snapshot);
        promotions.applyCode(cartId, code, cart.basket(), cart.subtotal().currency(), snapshot.userId());
        return view(snapshot);
    }

    /** Takes a code off the cart; false when the cart did not hold it. */
    public boolean removeCode(String cartId, String code) {
        store.find(cartId).orElseThrow(() -> new CartStore.CartNotFoundException(cartId));
        return promotions.removeCode(cartId, code);
    }

    /** The view with what promotions give its lines now (shipping unknown yet), its codes and their problems. */
    private CartView withDiscounts(CartView view, Long userId) {
        Promotions.CartPromotions given = promotions.forCart(view.id(), view.basket(), 0,
                view.subtotal().currency(), userId, null);
        DiscountRules.Outcome outcome = given.outcome();
        List<DiscountView> discounts = outcome.applied().stream().map(a -> new DiscountView(a.offer().name(),
                a.offer().code(), Money.of(a.amount(), view.subtotal().currency()))).toList();
        List<String> problems = outcome.refusals().stream().map(DiscountRules.Refusal::reason).toList();
        return new CartView(view.id(), view.lines(), view.subtotal(), view.itemCount(), view.notices(), discounts,
                given.codes(), problems);
    }

    /**
     * At sign-in: the account's cart (created or adopted from the guest cart), with the guest cart's
     * lines added, each capped by what is available. Returns the account cart and whether lines merged.
     */
    public MergeResult cartForAccount(long userId, String guestCartId) {
        Optional<String> own = store.findIdOfUser(userId);
        Optional<CartSnapshot> guest = CartStore.isWellFormed(guestCartId)
                ? store.find(guestCartId).filter(cart -> cart.userId() == null) : Optional.empty();
        if (own.isEmpty()) {
            if (guest.isPresent()) {
                store.assignToUser(guestCartId, userId);
                return new MergeResult(guestCartId, false);
            }
            return new MergeResult(store.create(userId).id(), false);
        }
        if (guest.isEmpty() || guest.get().lines().isEmpty()) {
            return new MergeResult(own.get(), false);
        }
        Map<String, VariantForSale> items = items(guest.get().lines().stream().map(CartLine::sku).toList());
        store.merge(guestCartId, own.get(), line -> {
            VariantForSale item = items.get(line.sku());
            return item == null ? 0 : item.available();
        });
        return new MergeResult(own.get(), true);
    }

    public record MergeResult(String cartId, boolean merged) {
    }

    @Scheduled(every = "1h", delayed = "5m", identity = "expire-carts",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expireAbandonedCarts() {
        store.deleteExpired();
    }

    private static int validQuantity(Integer quantity) {
        if (quantity == null || quantity < 1 || quantity > CartStore.MAX_QUANTITY) {
            throw InvalidInputException.of("quantity", "must be a whole number from 1 to "
                    + CartStore.MAX_QUANTITY);
        }
        return quantity;
    }

    /** The variant behind a SKU, if shoppers may buy it, with what is available now. */
    private VariantForSale sellable(String sku) {
        if (sku == null || !SKU.matcher(sku.strip()).matches()) {
            throw InvalidInputException.of("sku", "is not a valid SKU");
        }
        String clean = sku.strip().toUpperCase(java.util.Locale.ROOT);
        VariantForSale item = items(List.of(clean)).get(clean);
        if (item == null) {
            throw InvalidInputException.of("sku", "no product is sold under " + clean);
        }
        return item;
    }

    /** Active variants of active products by SKU, with their availability; others are left out. */
    private Map<String, VariantForSale> items(List<String> skus) {
        return QuarkusTransaction.joiningExisting().call(() -> forSale.bySku(skus));
    }

    private static CartSnapshot limited(java.util.function.Supplier<CartSnapshot> change) {
        try {
            return change.get();
        } catch (CartStore.LimitException e) {
            throw new InvalidInputException(List.of(new FieldError(e.field(), e.getMessage())));
        }
    }
}
