package dev.storefront.checkout;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.storefront.cart.CartLine;
import dev.storefront.cart.CartService;
import dev.storefront.cart.CartSnapshot;
import dev.storefront.cart.CartStore;
import dev.storefront.catalog.Variant;
import dev.storefront.config.StoreConfig;
import dev.storefront.order.ShippingAddress;
import dev.storefront.promotion.DiscountRules;
import dev.storefront.promotion.DiscountRules.Outcome;
import dev.storefront.promotion.Promotions;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;

/**
 * Stage 1, validate: a non-empty cart of active SKUs, a valid email and address, a known shipping
 * method; prices come from the database. Totals are computed once, in minor units: subtotal = sum of
 * unit price x quantity; shipping from the method (free from its threshold); the discount of the cart's codes
 * and the running automatic promotions as they are now ({@link Promotions}); tax = (subtotal + shipping -
 * discount) x the destination's rate, rounded half up to the minor unit, once for the whole order. A code the
 * cart holds that gives nothing any more (ended, used up, edited) is taken off the cart and the shopper told,
 * with nothing placed, so that nobody pays a total they did not see.
 */
@ApplicationScoped
public class CheckoutValidation {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Inject
    CartService carts;

    @Inject
    StoreConfig config;

    @Inject
    Promotions promotions;

    /** The shipping methods, cheapest first. */
    public List<Map.Entry<String, StoreConfig.ShippingMethod>> shippingMethods() {
        return config.checkout().shippingMethods().entrySet().stream()
                .sorted(Comparator.comparingLong(e -> e.getValue().price())).toList();
    }

    public long shippingPrice(String methodId, long subtotal) {
        StoreConfig.ShippingMethod method = config.checkout().shippingMethods().get(methodId);
        return method.freeFrom().filter(from -> subtotal >= from).isPresent() ? 0 : method.price();
    }

    /** What an order costs before payment, in minor units, and the promotions that gave its discount. */
    public record Totals(long subtotal, long discount, long shipping, long tax, long total, Outcome promotions) {
    }

    /**
     * The discount, shipping, tax and total of a cart's lines sent to {@code country} by {@code methodId}; the
     * shopper ({@code userId}, {@code email}) when known, for promotions limited per customer or to first orders.
     */
    public Totals totals(String cartId, List<Promotions.Line> basket, long subtotal, Long userId, String email,
            String country, String methodId) {
        long shipping = shippingPrice(methodId, subtotal);
        Outcome outcome = promotions.outcome(cartId, basket, shipping, config.currency(), userId, email);
        long discount = outcome.discount();
        long tax = tax(country, subtotal + shipping - discount);
        return new Totals(subtotal, discount, shipping, tax, subtotal + shipping - discount + tax, outcome);
    }

    public long tax(String country, long taxable) {
        return tax(taxable, config.checkout().taxRates().getOrDefault(country, 0));
    }

    /** Tax on {@code taxable} minor units at {@code basisPoints}, rounded half up to the minor unit, once. */
    static long tax(long taxable, int basisPoints) {
        return BigDecimal.valueOf(taxable).multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
    }

    public ValidatedCheckout validate(CheckoutRequest request, Long userId) {
        List<FieldError> errors = new ArrayList<>();
        CartSnapshot cart = request.cartId() == null ? null : carts.find(request.cartId()).orElse(null);
        if (cart == null) {
            errors.add(new FieldError("cartId", "no such cart"));
        } else if (cart.lines().isEmpty()) {
            errors.add(new FieldError("cartId", "the cart is empty"));
        }
        String email = request.email() == null ? "" : request.email().strip();
        if (email.isEmpty()) {
            errors.add(new FieldError("email", "is required"));
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "is not an email address (name@example.com)"));
        }
        if (request.shippingAddress() == null) {
            errors.add(new FieldError("shippingAddress", "is required"));
        } else {
            errors.addAll(request.shippingAddress().problems(config.checkout().countries()));
        }
        String method = request.shippingMethod() == null ? "" : request.shippingMethod().strip();
        if (!config.checkout().shippingMethods().containsKey(method)) {
            errors.add(new FieldError("shippingMethod", "must be one of "
                    + String.join(", ", config.checkout().shippingMethods().keySet())));
        }
        List<ValidatedCheckout.PricedLine> lines = cart == null ? List.of() : priced(cart, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ShippingAddress address = request.shippingAddress().normalised();
        long subtotal = lines.stream().mapToLong(ValidatedCheckout.PricedLine::lineTotal).sum();
        Totals totals = totals(cart.id(), lines.stream().map(l -> new Promotions.Line(l.sku(), l.unitPrice(),
                l.quantity())).toList(), subtotal, userId, email, address.country(), method);
        if (!totals.promotions().refusals().isEmpty()) {
            totals.promotions().refusals().forEach(refusal -> promotions.removeCode(cart.id(), refusal.code()));
            throw new Promotions.PromotionChangedException(totals.promotions().refusals().stream()
                    .map(DiscountRules.Refusal::reason).collect(Collectors.joining(" "))
                    + " We took it off your cart: check the new total and place the order again.");
        }
        return new ValidatedCheckout(cart.id(), email, userId, address, method, config.currency(), lines, subtotal,
                totals.discount(), totals.shipping(), totals.tax(), totals.total(), totals.promotions());
    }

    private static List<ValidatedCheckout.PricedLine> priced(CartSnapshot cart, List<FieldError> errors) {
        List<String> skus = cart.lines().stream().map(CartLine::sku).toList();
        Map<String, Variant> variants = Variant.<Variant>list("select v from Variant v join fetch v.product p"
                + " where v.sku in ?1 and v.active = true and p.active = true", skus).stream()
                .collect(Collectors.toMap(v -> v.sku, Function.identity()));
        List<ValidatedCheckout.PricedLine> lines = new ArrayList<>();
        for (CartLine line : cart.lines()) {
            Variant variant = variants.get(line.sku());
            if (variant == null) {
                errors.add(new FieldError("cartId", line.sku() + " is no longer sold; remove it from the cart"));
                continue;
            }
            if (line.quantity() < 1 || line.quantity() > CartStore.MAX_QUANTITY) {
                errors.add(new FieldError("cartId", line.sku() + " has an impossible quantity"));
                continue;
            }
            lines.add(new ValidatedCheckout.PricedLine(variant.id, variant.product.id, variant.sku,
                    variant.product.name, variant.attributes.isEmpty() ? "" : variant.label(), variant.priceAmount,
                    line.quantity()));
        }
        return lines;
    }
}
