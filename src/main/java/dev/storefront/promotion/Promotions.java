package dev.storefront.promotion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.storefront.db.PlainJdbc;
import dev.storefront.order.OrderLifecycle.OrderMoved;
import dev.storefront.promotion.PromotionAdmin.PromotionChanged;
import dev.storefront.order.OrderStatus;
import dev.storefront.promotion.DiscountRules.Item;
import dev.storefront.promotion.DiscountRules.Offer;
import dev.storefront.promotion.DiscountRules.Outcome;
import dev.storefront.promotion.DiscountRules.Shopper;
import dev.storefront.web.StoreException;

/**
 * The one door to promotions for the rest of the store: the codes a cart holds, what they and the automatic
 * promotions give a basket ({@link DiscountRules}), and taking and giving back their uses with orders.
 * <p>
 * Uses are taken in the checkout's transaction by conditional updates ({@code uses < usage_limit}), whose row
 * lock also serialises the per-customer count, so concurrent checkouts can never give more than allowed. An unpaid
 * order that is cancelled (declined, abandoned, expired, replaced) gives its uses back in its own transaction.
 */
@ApplicationScoped
public class Promotions {

    private static final Logger LOG = Logger.getLogger(Promotions.class);
    /** Orders that count as earlier purchases for "first order only". */
    private static final String PURCHASED = OrderStatus.sqlList(Set.of(OrderStatus.PAID, OrderStatus.SHIPPED,
            OrderStatus.DELIVERED, OrderStatus.REFUNDED, OrderStatus.PARTIALLY_REFUNDED));
    private static final int MAX_CODES_PER_CART = 5;

    @Inject
    EntityManager em;

    /** A basket line: the SKU (its product and categories are looked up here), its price now and quantity. */
    public record Line(String sku, long unitPrice, int quantity) {
    }

    /** A code refused: 400 with the reason in the shopper's words, naming the field {@code code}. */
    public static class CodeRefusedException extends StoreException {
        public CodeRefusedException(String reason) {
            super(400, reason);
        }

        @Override
        public String title() {
            return "Discount code not accepted";
        }
    }

    /**
     * A promotion the order was priced with is no longer given (ended, used up, edited): 409, nothing placed. The
     * shopper is told, sees the new total and places the order again.
     */
    public static class PromotionChangedException extends StoreException {
        public PromotionChangedException(String reason) {
            super(409, reason);
        }

        @Override
        public String title() {
            return "Your discount has changed";
        }
    }

    // ---- codes held by a cart

    /** The codes a cart holds, in the order applied. */
    @Transactional
    public List<String> codes(String cartId) {
        // read on every cart view and change
        return List.copyOf(PlainJdbc.list(em,
                "select code from cart_discount_codes where cart_id = ? order by added_at, code",
                statement -> statement.setString(1, cartId), row -> row.getString(1)));
    }

    /**
     * Applies a code to a cart: refused (and not kept) unless it gives the basket something now. Applying a code
     * the cart holds already is accepted and changes nothing.
     */
    @Transactional
    public Outcome applyCode(String cartId, String typed, List<Line> lines, String currency, Long userId) {
        String code = PromotionCode.normalise(typed);
        if (code == null) {
            throw new CodeRefusedException(typed == null || typed.isBlank() ? "Enter a discount code."
                    : "We don't know the code " + shown(typed) + ".");
        }
        if (lines.isEmpty()) {
            throw new CodeRefusedException("Add something to your cart first, then the code " + code + ".");
        }
        List<String> codes = new ArrayList<>(codes(cartId));
        if (codes.contains(code)) {
            return outcome(cartId, lines, 0, currency, userId, null);
        }
        if (offer(code, cartId, userId, null).isEmpty()) {
            throw new CodeRefusedException("We don't know the code " + code + ".");
        }
        if (codes.size() >= MAX_CODES_PER_CART) {
            throw new CodeRefusedException("A cart holds at most " + MAX_CODES_PER_CART + " codes.");
        }
        codes.add(code);
        Outcome outcome = evaluate(cartId, codes, lines, 0, currency, userId, null, false);
        Optional<DiscountRules.Refusal> refused = outcome.refusals().stream().filter(r -> r.code().equals(code))
                .findFirst();
        if (refused.isPresent()) {
            throw new CodeRefusedException(refused.get().reason());
        }
        em.createNativeQuery("insert into cart_discount_codes (cart_id, code) values (?1, ?2) on conflict do nothing")
                .setParameter(1, cartId).setParameter(2, code).executeUpdate();
        return outcome;
    }

    /** Removes a code from a cart; false when the cart did not hold it. */
    @Transactional
    public boolean removeCode(String cartId, String typed) {
        String code = PromotionCode.normalise(typed);
        return code != null && em.createNativeQuery("delete from cart_discount_codes where cart_id = ?1 and code = ?2")
                .setParameter(1, cartId).setParameter(2, code).executeUpdate() > 0;
    }

    // ---- what a basket is given

    /**
     * What the cart's codes and the running automatic promotions give these lines now, with {@code shipping}
     * (0 when not known yet). {@code email} is known at checkout, for per-customer limits and first orders.
     */
    @Transactional
    public Outcome outcome(String cartId, List<Line> lines, long shipping, String currency, Long userId,
            String email) {
        // checkout: which automatic promotions run is asked now, never the last answer of a cart view
        return evaluate(cartId, codes(cartId), lines, shipping, currency, userId, email, true);
    }

    /** The codes a cart holds and what they (and the automatic promotions) give it: one read of the codes. */
    public record CartPromotions(List<String> codes, Outcome outcome) {
    }

    @Transactional
    public CartPromotions forCart(String cartId, List<Line> lines, long shipping, String currency, Long userId,
            String email) {
        List<String> codes = codes(cartId);
        return new CartPromotions(codes, evaluate(cartId, codes, lines, shipping, currency, userId, email, false));
    }

    /**
     * How long a cart view may go on knowing that no automatic promotion runs without asking again: most of
     * the time none does, and asking cost a query on every cart view and add. A promotion made here is seen at
     * once ({@link #automaticChanged}); one made on another instance within this time. Checkout always asks.
     */
    private static final long NO_AUTOMATIC_KEPT_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** Until when (System.nanoTime) no automatic promotion is known to run; 0 when not known. Guarded by this. */
    private long noAutomaticUntil;
    /** Promotions changed here so far: an answer read across a change is not kept. Guarded by this. */
    private long automaticChanges;

    /** Once a promotion made, changed or deleted here has committed: cart views ask the database again. */
    void automaticChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PromotionChanged change) {
        synchronized (this) {
            automaticChanges++;
            noAutomaticUntil = 0;
        }
    }

    private List<Promotion> runningAutomatic(boolean fresh) {
        long asked = System.nanoTime();
        long changesSeen;
        synchronized (this) {
            if (!fresh && noAutomaticUntil != 0 && asked - noAutomaticUntil < 0) {
                return List.of();
            }
            changesSeen = automaticChanges;
        }
        List<Promotion> running = Promotion.<Promotion>list("automatic = true and status = ?1",
                Promotion.Status.ACTIVE).stream().filter(p -> p.runningAt(Instant.now())).toList();
        synchronized (this) {
            if (!running.isEmpty()) {
                noAutomaticUntil = 0;
            } else if (automaticChanges == changesSeen) {
                noAutomaticUntil = asked + NO_AUTOMATIC_KEPT_NANOS;
            }
        }
        return running;
    }

    /** {@code freshAutomatic}: ask the database which automatic promotions run (checkout), not the last answer. */
    private Outcome evaluate(String cartId, List<String> codes, List<Line> lines, long shipping, String currency,
            Long userId, String email, boolean freshAutomatic) {
        if (lines.isEmpty()) {
            return Outcome.none();
        }
        List<Offer> codeOffers = new ArrayList<>();
        List<DiscountRules.Refusal> unknown = new ArrayList<>();
        for (String code : codes) {
            offer(code, cartId, userId, email).ifPresentOrElse(codeOffers::add,
                    () -> unknown.add(new DiscountRules.Refusal(code, "The code " + code + " no longer exists.")));
        }
        List<Offer> automatic = runningAutomatic(freshAutomatic).stream()
                .map(p -> offer(p, null, usedUp(p, null, cartId), usedByShopper(p, cartId, userId, email))).toList();
        if (codeOffers.isEmpty() && automatic.isEmpty()) {
            return new Outcome(List.of(), unknown);
        }
        Outcome outcome = DiscountRules.apply(items(lines), shipping, currency, new Shopper(userId,
                ordersBefore(userId, email), Instant.now()), codeOffers, automatic);
        if (unknown.isEmpty()) {
            return outcome;
        }
        List<DiscountRules.Refusal> refusals = new ArrayList<>(unknown);
        refusals.addAll(outcome.refusals());
        return new Outcome(outcome.applied(), refusals);
    }

    private Optional<Offer> offer(String code, String cartId, Long userId, String email) {
        PromotionCode row = PromotionCode.findById(code);
        if (row == null) {
            return Optional.empty();
        }
        Promotion promotion = Promotion.findById(row.promotionId);
        if (promotion == null || promotion.automatic) {
            return Optional.empty();
        }
        return Optional.of(offer(promotion, row, usedUp(promotion, row, cartId),
                usedByShopper(promotion, cartId, userId, email)));
    }

    static Offer offer(Promotion p, PromotionCode code, boolean usedUp, boolean usedByShopper) {
        return new Offer(p.id, p.name, code == null ? null : code.code, p.kind, p.percentBp, p.amount, p.appliesTo,
                Set.of(p.targets), p.minSubtotal, p.minQuantity, p.startsAt, p.endsAt, p.firstOrderOnly,
                p.signedInOnly, p.combinable, p.status, usedUp, usedByShopper);
    }

    /** Whether no use is left, not counting the one this cart's own unpaid order holds (it would be replaced). */
    private boolean usedUp(Promotion p, PromotionCode code, String cartId) {
        if (p.usageLimit == null && (code == null || code.usageLimit == null)) {
            return false; // no limit: nothing to count (the common case, on every cart view)
        }
        long own = heldByCart(p.id, cartId);
        return p.usageLimit != null && p.uses - own >= p.usageLimit
                || code != null && code.usageLimit != null && code.uses - heldByCartWithCode(code.code, cartId)
                        >= code.usageLimit;
    }

    private boolean usedByShopper(Promotion p, String cartId, Long userId, String email) {
        if (p.perCustomerLimit == null || userId == null && email == null) {
            return false;
        }
        return customerUses(p.id, userId, email, cartId) >= p.perCustomerLimit;
    }

    private long customerUses(long promotionId, Long userId, String email, String exceptCartId) {
        var query = em.createNativeQuery("select count(*) from order_discounts d join orders o on o.id = d.order_id"
                + " where d.promotion_id = :promotion and d.released_at is null and (" + customer("d", userId, email)
                + ")" + (exceptCartId == null ? "" : " and not (o.status = 'PENDING_PAYMENT' and o.cart_id = :cart)"))
                .setParameter("promotion", promotionId);
        bindCustomer(query, userId, email);
        if (exceptCartId != null) {
            query.setParameter("cart", exceptCartId);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** SQL matching a customer by account or email (never both null), without a null parameter to type. */
    private static String customer(String table, Long userId, String email) {
        return userId != null && email != null ? table + ".user_id = :user or lower(" + table + ".email) = lower(:email)"
                : userId != null ? table + ".user_id = :user" : "lower(" + table + ".email) = lower(:email)";
    }

    private static void bindCustomer(jakarta.persistence.Query query, Long userId, String email) {
        if (userId != null) {
            query.setParameter("user", userId);
        }
        if (email != null) {
            query.setParameter("email", email);
        }
    }

    private long heldByCart(long promotionId, String cartId) {
        return ((Number) em.createNativeQuery("""
                select count(*) from order_discounts d join orders o on o.id = d.order_id
                where d.promotion_id = ?1 and d.released_at is null and o.status = 'PENDING_PAYMENT' and o.cart_id = ?2""")
                .setParameter(1, promotionId).setParameter(2, cartId).getSingleResult()).longValue();
    }

    private long heldByCartWithCode(String code, String cartId) {
        return ((Number) em.createNativeQuery("""
                select count(*) from order_discounts d join orders o on o.id = d.order_id
                where d.code = ?1 and d.released_at is null and o.status = 'PENDING_PAYMENT' and o.cart_id = ?2""")
                .setParameter(1, code).setParameter(2, cartId).getSingleResult()).longValue();
    }

    private long ordersBefore(Long userId, String email) {
        if (userId == null && email == null) {
            return 0;
        }
        var query = em.createNativeQuery("select count(*) from orders o where o.status in (" + PURCHASED + ") and ("
                + customer("o", userId, email) + ")");
        bindCustomer(query, userId, email);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** The lines with their product, its category and that category's ancestors. */
    private List<Item> items(List<Line> lines) {
        Map<String, long[]> productOf = new HashMap<>(); // sku -> {product id, category id}
        for (Object row : em.createQuery("select v.sku, p.id, p.category.id from Variant v join v.product p"
                + " where v.sku in ?1").setParameter(1, lines.stream().map(Line::sku).toList()).getResultList()) {
            Object[] columns = (Object[]) row;
            productOf.put((String) columns[0], new long[] { (Long) columns[1], (Long) columns[2] });
        }
        Map<Long, Long> parentOf = new HashMap<>();
        for (Object row : em.createQuery("select c.id, c.parent.id from Category c left join c.parent")
                .getResultList()) {
            Object[] columns = (Object[]) row;
            parentOf.put((Long) columns[0], (Long) columns[1]);
        }
        List<Item> items = new ArrayList<>();
        for (Line line : lines) {
            long[] product = productOf.get(line.sku());
            if (product == null) {
                continue; // no longer sold: not in the basket's total either
            }
            Set<Long> categories = new LinkedHashSet<>();
            for (Long c = product[1]; c != null && categories.add(c); c = parentOf.get(c)) {
                // the category, then its parents up to the department
            }
            items.add(new Item(line.sku(), product[0], categories, line.unitPrice(), line.quantity()));
        }
        return items;
    }

    // ---- uses, with orders

    /**
     * Takes a use of every promotion the order was given, in the caller's (the checkout's) transaction, and
     * records what the order was given. Throws {@link PromotionChangedException} when one has no use left, which
     * rolls the whole checkout back.
     */
    public void redeem(long orderId, Outcome outcome, Long userId, String email) {
        for (DiscountRules.Applied applied : outcome.applied()) {
            Offer offer = applied.offer();
            int taken = em.createNativeQuery("update promotions set uses = uses + 1 where id = ?1 and status = 'ACTIVE'"
                    + " and (usage_limit is null or uses < usage_limit)").setParameter(1, offer.id()).executeUpdate();
            if (taken == 0) {
                throw new PromotionChangedException("The code " + offer.label() + " has just been used up.");
            }
            if (offer.code() != null && em.createNativeQuery("update promotion_codes set uses = uses + 1 where code = ?1"
                    + " and (usage_limit is null or uses < usage_limit)").setParameter(1, offer.code())
                    .executeUpdate() == 0) {
                throw new PromotionChangedException("The code " + offer.label() + " has just been used up.");
            }
            Integer perCustomer = (Integer) em.createNativeQuery(
                    "select per_customer_limit from promotions where id = ?1").setParameter(1, offer.id())
                    .getSingleResult();
            // the promotion's row is locked by the update above: concurrent orders of one customer count in turn
            if (perCustomer != null && (userId != null || email != null)
                    && customerUses(offer.id(), userId, email, null) >= perCustomer) {
                throw new PromotionChangedException("You have already used the code " + offer.label() + ".");
            }
            em.createNativeQuery("insert into order_discounts (order_id, promotion_id, name, code, amount, user_id,"
                    + " email) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)").setParameter(1, orderId)
                    .setParameter(2, offer.id()).setParameter(3, offer.name()).setParameter(4, offer.code())
                    .setParameter(5, applied.amount()).setParameter(6, userId).setParameter(7, email).executeUpdate();
        }
    }

    /** An unpaid order cancelled gives its uses back, in the transaction that cancels it. */
    void onMove(@Observes OrderMoved move) {
        if (move.from() != OrderStatus.PENDING_PAYMENT || move.to() != OrderStatus.CANCELLED) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> held = em.createNativeQuery("update order_discounts set released_at = now()"
                + " where order_id = ?1 and released_at is null returning promotion_id, code")
                .setParameter(1, move.orderId()).getResultList();
        for (Object[] row : held) {
            em.createNativeQuery("update promotions set uses = uses - 1 where id = ?1 and uses > 0")
                    .setParameter(1, ((Number) row[0]).longValue()).executeUpdate();
            if (row[1] != null) {
                em.createNativeQuery("update promotion_codes set uses = uses - 1 where code = ?1 and uses > 0")
                        .setParameter(1, row[1]).executeUpdate();
            }
        }
        if (!held.isEmpty()) {
            LOG.debugf("Order %s cancelled unpaid: %d promotion uses given back", move.number(), held.size());
        }
    }

    private static String shown(String typed) {
        String clean = typed.strip().replaceAll("\\p{Cntrl}", "");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
