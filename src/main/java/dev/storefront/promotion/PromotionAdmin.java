package dev.storefront.promotion;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import dev.storefront.audit.AuditLog;
import dev.storefront.config.StoreConfig;
import dev.storefront.money.Money;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.StoreException;

/**
 * What admins do with promotions: make, change, pause, end and delete them, generate single-use codes, and read
 * how each did. Every change is checked as a whole (problems named per field) and written to the audit log.
 */
@ApplicationScoped
public class PromotionAdmin {

    /** Fired inside the transaction that made, changed or deleted a promotion. */
    public record PromotionChanged(long promotionId) {
    }

    @Inject
    Event<PromotionChanged> changed;

    public static final int MAX_GENERATED = 10_000;
    /** No 0/O, 1/I/L: a code read aloud or off a card is not mistyped. */
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    StoreConfig config;

    /**
     * A promotion as an admin gives it; in an update a null part stays as it is. Amounts and percentages are
     * decimals as text ("10.00", "15", "12.5"); targets are ids or slugs (products, categories) or SKUs.
     */
    public record PromotionInput(String name, String code, Boolean automatic, String kind, String percentOff,
            String amountOff, String appliesTo, List<String> targets, String minSubtotal, Integer minQuantity,
            Instant startsAt, Instant endsAt, Boolean firstOrderOnly, Boolean signedInOnly, Integer usageLimit,
            Integer perCustomerLimit, Boolean combinable, String status) {
    }

    /** How a promotion did: orders holding it now, and of those paid, the revenue and the discount given. */
    public record Usage(long orders, long paidOrders, long revenue, long discount) {
    }

    public static class InUseException extends StoreException {
        public InUseException(String message) {
            super(409, message);
        }
    }

    @Transactional
    public List<Promotion> list(String status) {
        return status == null ? Promotion.list("order by createdAt desc, id desc")
                : Promotion.list("status = ?1 order by createdAt desc, id desc", Promotion.Status.valueOf(status));
    }

    @Transactional
    public Promotion get(long id) {
        Promotion promotion = Promotion.findById(id);
        if (promotion == null) {
            throw new NotFoundException("No promotion " + id);
        }
        return promotion;
    }

    /** The main code (the first made) of a promotion; null for an automatic one. */
    @Transactional
    public String mainCode(long id) {
        return em.createQuery("select c.code from PromotionCode c where c.promotionId = ?1 order by c.createdAt, c.code",
                String.class).setParameter(1, id).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    @Transactional
    public long codeCount(long id) {
        return PromotionCode.count("promotionId", id);
    }

    @Transactional
    public Usage usage(long id) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*), count(*) filter (where o.paid_at is not null),
                       coalesce(sum(o.total_amount) filter (where o.paid_at is not null), 0),
                       coalesce(sum(d.amount) filter (where o.paid_at is not null), 0)
                from order_discounts d join orders o on o.id = d.order_id
                where d.promotion_id = ?1 and d.released_at is null""").setParameter(1, id).getSingleResult();
        return new Usage(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue());
    }

    @Transactional
    public Promotion create(PromotionInput input, String actor) {
        InvalidInputException.requireBody(input);
        Promotion promotion = new Promotion();
        String code = apply(promotion, input, true);
        promotion.persist();
        if (code != null) {
            addCode(promotion.id, code, null);
        }
        changed.fire(new PromotionChanged(promotion.id));
        audit.record(actor, "promotion.create", "promotion", label(promotion, code), null, snapshot(promotion, code));
        return promotion;
    }

    @Transactional
    public Promotion update(long id, PromotionInput input, String actor) {
        InvalidInputException.requireBody(input);
        Promotion promotion = get(id);
        String before = mainCode(id);
        Map<String, Object> was = snapshot(promotion, before);
        String code = apply(promotion, input, false);
        if (code != null && !code.equals(before)) {
            if (promotion.uses > 0 || usage(id).orders() > 0) {
                throw InvalidInputException.of("code", "cannot change once used: end this promotion and make another");
            }
            if (before != null) {
                PromotionCode.deleteById(before);
            }
            addCode(id, code, null);
        }
        promotion.updatedAt = Instant.now();
        changed.fire(new PromotionChanged(promotion.id));
        audit.record(actor, "promotion.update", "promotion", label(promotion, mainCode(id)), was,
                snapshot(promotion, mainCode(id)));
        return promotion;
    }

    /** Only a promotion no order ever had: one that was used is ended instead, so its orders keep their story. */
    @Transactional
    public void delete(long id, String actor) {
        Promotion promotion = get(id);
        long held = ((Number) em.createNativeQuery("select count(*) from order_discounts where promotion_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
        if (held > 0) {
            throw new InUseException("Orders have used this promotion: end it instead of deleting it");
        }
        String code = mainCode(id);
        changed.fire(new PromotionChanged(promotion.id));
        audit.record(actor, "promotion.delete", "promotion", label(promotion, code), snapshot(promotion, code), null);
        promotion.delete();
    }

    /** {@code count} new single-use codes, {@code prefix} then 8 random letters and digits; returns them. */
    @Transactional
    public List<String> generateCodes(long id, Integer count, String prefix, String actor) {
        Promotion promotion = get(id);
        if (promotion.automatic) {
            throw InvalidInputException.of("count", "an automatic promotion has no codes");
        }
        if (count == null || count < 1 || count > MAX_GENERATED) {
            throw InvalidInputException.of("count", "must be a whole number from 1 to " + MAX_GENERATED);
        }
        String start = prefix == null ? "" : prefix.strip().toUpperCase(Locale.ROOT);
        if (!start.isEmpty() && (start.length() > 20 || PromotionCode.normalise(start) == null)) {
            throw InvalidInputException.of("prefix", "must be at most 20 letters, digits, - or _");
        }
        Set<String> made = new LinkedHashSet<>();
        while (made.size() < count) {
            StringBuilder code = new StringBuilder(start);
            for (int i = 0; i < 8; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            String candidate = code.toString();
            if (!made.contains(candidate) && em.createNativeQuery("insert into promotion_codes (code, promotion_id,"
                    + " usage_limit) values (?1, ?2, 1) on conflict do nothing").setParameter(1, candidate)
                    .setParameter(2, id).executeUpdate() == 1) {
                made.add(candidate);
            }
        }
        audit.record(actor, "promotion.codes", "promotion", label(promotion, mainCode(id)), null,
                Map.of("generated", count, "prefix", start));
        return List.copyOf(made);
    }

    /** The targets as an admin names them: slugs of products and categories (ids when gone), SKUs. */
    @Transactional
    public List<String> targetNames(Promotion p) {
        if (p.appliesTo != Promotion.AppliesTo.PRODUCTS && p.appliesTo != Promotion.AppliesTo.CATEGORIES) {
            return List.of(p.targets);
        }
        String entity = p.appliesTo == Promotion.AppliesTo.PRODUCTS ? "Product" : "Category";
        List<String> names = new ArrayList<>();
        for (String target : p.targets) {
            String slug = idOf("select e.slug from " + entity + " e where cast(e.id as string) = ?1", target);
            names.add(slug == null ? target : slug);
        }
        return names;
    }

    /** Every code of a promotion with its uses, for the CSV export. */
    @Transactional
    public List<PromotionCode> codes(long id) {
        get(id);
        return PromotionCode.list("promotionId = ?1 order by createdAt, code", id);
    }

    private void addCode(long promotionId, String code, Integer limit) {
        PromotionCode row = new PromotionCode();
        row.code = code;
        row.promotionId = promotionId;
        row.usageLimit = limit;
        row.persist();
    }

    /** Checks the input as a whole against the promotion it would change; the normalised new code, if any. */
    private String apply(Promotion p, PromotionInput in, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        String currency = config.currency();
        String name = in.name() == null ? p.name : in.name().strip();
        if (name == null || name.isEmpty() || name.length() > 120) {
            errors.add(new FieldError("name", "is required, at most 120 characters"));
        }
        boolean automatic = in.automatic() != null ? in.automatic() : p.automatic;
        if (!creating && in.automatic() != null && in.automatic() != p.automatic) {
            errors.add(new FieldError("automatic", "cannot change: make another promotion"));
        }
        String code = null;
        if (in.code() != null && !in.code().isBlank()) {
            code = PromotionCode.normalise(in.code());
            if (automatic) {
                errors.add(new FieldError("code", "an automatic promotion has no code"));
            } else if (code == null) {
                errors.add(new FieldError("code", "must be 1-40 letters, digits, - or _"));
            } else {
                PromotionCode taken = PromotionCode.findById(code);
                if (taken != null && (p.id == null || taken.promotionId != p.id)) {
                    errors.add(new FieldError("code", "is already in use"));
                }
            }
        } else if (creating && !automatic) {
            errors.add(new FieldError("code", "is required (or make the promotion automatic)"));
        }
        Promotion.Kind kind = p.kind;
        if (in.kind() != null || creating) {
            kind = parse(Promotion.Kind.class, in.kind(), "kind", errors);
        }
        Integer percent = p.percentBp;
        Long amount = p.amount;
        if (kind == Promotion.Kind.PERCENT_OFF) {
            if (in.percentOff() != null || percent == null) {
                percent = percent(in.percentOff(), errors);
            }
            amount = null;
        } else if (kind == Promotion.Kind.AMOUNT_OFF) {
            if (in.amountOff() != null || amount == null) {
                amount = money(in.amountOff(), "amountOff", true, currency, errors);
            }
            percent = null;
        } else {
            percent = null;
            amount = null;
        }
        Promotion.AppliesTo appliesTo = in.appliesTo() == null ? p.appliesTo
                : parse(Promotion.AppliesTo.class, in.appliesTo(), "appliesTo", errors);
        String[] targets = p.targets;
        if (in.targets() != null || in.appliesTo() != null) {
            targets = targets(appliesTo, in.targets() == null ? List.of(p.targets) : in.targets(), errors);
        }
        Long minSubtotal = in.minSubtotal() == null ? p.minSubtotal
                : in.minSubtotal().isBlank() ? null : money(in.minSubtotal(), "minSubtotal", true, currency, errors);
        Integer minQuantity = in.minQuantity() == null ? p.minQuantity : positive(in.minQuantity(), "minQuantity",
                999, errors);
        Instant startsAt = in.startsAt() != null ? in.startsAt() : p.startsAt;
        Instant endsAt = in.endsAt() != null ? in.endsAt() : p.endsAt;
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            errors.add(new FieldError("endsAt", "must be after the start"));
        }
        Integer usageLimit = in.usageLimit() == null ? p.usageLimit : positive(in.usageLimit(), "usageLimit",
                10_000_000, errors);
        if (usageLimit != null && usageLimit < p.uses) {
            errors.add(new FieldError("usageLimit", "cannot be below the " + p.uses + " uses already made"));
        }
        Integer perCustomer = in.perCustomerLimit() == null ? p.perCustomerLimit
                : positive(in.perCustomerLimit(), "perCustomerLimit", 1000, errors);
        Promotion.Status status = in.status() == null ? p.status
                : parse(Promotion.Status.class, in.status(), "status", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        p.name = name;
        p.automatic = automatic;
        p.kind = kind;
        p.percentBp = percent;
        p.amount = amount;
        p.appliesTo = appliesTo;
        p.targets = targets;
        p.minSubtotal = minSubtotal;
        p.minQuantity = minQuantity;
        p.startsAt = startsAt;
        p.endsAt = endsAt;
        p.usageLimit = usageLimit;
        p.perCustomerLimit = perCustomer;
        p.status = status;
        if (in.firstOrderOnly() != null) {
            p.firstOrderOnly = in.firstOrderOnly();
        }
        if (in.signedInOnly() != null) {
            p.signedInOnly = in.signedInOnly();
        }
        if (in.combinable() != null) {
            p.combinable = in.combinable();
        }
        return code;
    }

    /** A zero in a limit field means "no limit" in forms; here a limit is a positive whole number or absent. */
    private static Integer positive(Integer value, String field, int max, List<FieldError> errors) {
        if (value < 0 || value > max) {
            errors.add(new FieldError(field, "must be a whole number from 1 to " + max + " (0 for none)"));
            return null;
        }
        return value == 0 ? null : value;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String field, List<FieldError> errors) {
        try {
            return Enum.valueOf(type, text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E value : type.getEnumConstants()) {
                names.add(value.name());
            }
            errors.add(new FieldError(field, "must be one of " + String.join(", ", names)));
            return null;
        }
    }

    private static Integer percent(String text, List<FieldError> errors) {
        try {
            BigDecimal value = new BigDecimal(text == null ? "" : text.strip());
            if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(100)) > 0 || value.stripTrailingZeros()
                    .scale() > 2) {
                throw new NumberFormatException();
            }
            return value.movePointRight(2).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(new FieldError("percentOff", "must be a percentage above 0 and at most 100, such as 15 or 12.5"));
            return null;
        }
    }

    private static Long money(String text, String field, boolean positive, String currency, List<FieldError> errors) {
        try {
            long amount = Money.parseDecimal(text, currency).amount();
            if (positive && amount == 0) {
                throw new IllegalArgumentException("must be more than 0");
            }
            return amount;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    /** Product and category ids or slugs as ids, SKUs as they are; each must exist. */
    private String[] targets(Promotion.AppliesTo appliesTo, List<String> given, List<FieldError> errors) {
        if (appliesTo == null || appliesTo == Promotion.AppliesTo.ORDER) {
            return new String[0];
        }
        List<String> resolved = new ArrayList<>();
        for (String raw : given) {
            String target = raw == null ? "" : raw.strip();
            if (target.isEmpty()) {
                continue;
            }
            String found = switch (appliesTo) {
                case PRODUCTS -> idOf("select p.id from Product p where cast(p.id as string) = ?1 or p.slug = ?1",
                        target);
                case CATEGORIES -> idOf("select c.id from Category c where cast(c.id as string) = ?1 or c.slug = ?1",
                        target);
                case SKUS -> idOf("select v.sku from Variant v where v.sku = ?1", target.toUpperCase(Locale.ROOT));
                default -> null;
            };
            if (found == null) {
                errors.add(new FieldError("targets", "has " + (target.length() > 60 ? target.substring(0, 60) + "…"
                        : target) + ", which is no " + appliesTo.name().toLowerCase(Locale.ROOT)
                                .replaceAll("s$", "").replace("categorie", "category") + " of this store"));
            } else if (!resolved.contains(found)) {
                resolved.add(found);
            }
        }
        if (resolved.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("targets"))) {
            errors.add(new FieldError("targets", "name at least one " + appliesTo.name().toLowerCase(Locale.ROOT)
                    .replaceAll("s$", "").replace("categorie", "category")));
        }
        return resolved.toArray(String[]::new);
    }

    private String idOf(String query, String value) {
        List<?> found = em.createQuery(query).setParameter(1, value).setMaxResults(1).getResultList();
        return found.isEmpty() ? null : String.valueOf(found.get(0));
    }

    private static String label(Promotion p, String code) {
        return code != null ? code : "promotion-" + p.id;
    }

    private static Map<String, Object> snapshot(Promotion p, String code) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", p.name);
        map.put("code", code);
        map.put("automatic", p.automatic);
        map.put("kind", p.kind);
        map.put("percentBp", p.percentBp);
        map.put("amount", p.amount);
        map.put("appliesTo", p.appliesTo);
        map.put("targets", List.of(p.targets));
        map.put("minSubtotal", p.minSubtotal);
        map.put("minQuantity", p.minQuantity);
        map.put("startsAt", p.startsAt);
        map.put("endsAt", p.endsAt);
        map.put("firstOrderOnly", p.firstOrderOnly);
        map.put("signedInOnly", p.signedInOnly);
        map.put("usageLimit", p.usageLimit);
        map.put("perCustomerLimit", p.perCustomerLimit);
        map.put("combinable", p.combinable);
        map.put("status", p.status);
        return map;
    }
}
