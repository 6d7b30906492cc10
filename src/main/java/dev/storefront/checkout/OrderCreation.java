package dev.storefront.checkout;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.storefront.config.StoreConfig;
import dev.storefront.order.Order;
import dev.storefront.order.OrderLine;
import dev.storefront.order.ShippingAddress;
import dev.storefront.web.SecureTokens;

/** Stage 3, create the order: PENDING_PAYMENT, a friendly unique number, lines frozen as they are now. */
@ApplicationScoped
public class OrderCreation {

    /** No 0/O, 1/I/L: a number read over the phone is not misheard. */
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    StoreConfig config;

    public Order create(ValidatedCheckout checkout, String clientAddress) {
        Order order = new Order();
        order.number = uniqueNumber();
        order.accessToken = SecureTokens.newToken();
        order.userId = checkout.userId();
        order.email = checkout.email();
        order.cartId = checkout.cartId();
        order.checkoutFingerprint = checkout.fingerprint();
        order.clientAddress = clientAddress;
        ShippingAddress address = checkout.address();
        order.shipName = address.name();
        order.shipLine1 = address.line1();
        order.shipLine2 = address.line2();
        order.shipCity = address.city();
        order.shipRegion = address.region();
        order.shipPostalCode = address.postalCode();
        order.shipCountry = address.country();
        order.shippingMethod = checkout.shippingMethod();
        order.currency = checkout.currency();
        order.subtotalAmount = checkout.subtotal();
        order.discountAmount = checkout.discount();
        order.discountLabel = checkout.promotions().applied().stream().map(a -> a.offer().name()
                + (a.offer().code() == null ? "" : " (" + a.offer().code() + ")")).collect(Collectors.joining(", "));
        if (order.discountLabel.length() > 400) {
            order.discountLabel = order.discountLabel.substring(0, 399) + "…";
        }
        order.shippingAmount = checkout.shipping();
        order.taxAmount = checkout.tax();
        order.totalAmount = checkout.total();
        order.reservedUntil = Instant.now().plus(config.checkout().reservationTime());
        for (ValidatedCheckout.PricedLine priced : checkout.lines()) {
            OrderLine line = new OrderLine();
            line.variantId = priced.variantId();
            line.sku = priced.sku();
            line.name = priced.name();
            line.variantLabel = priced.variantLabel();
            line.unitPriceAmount = priced.unitPrice();
            line.quantity = priced.quantity();
            line.lineTotalAmount = priced.lineTotal();
            line.discountAmount = checkout.promotions().lineDiscount(priced.sku());
            order.lines.add(line);
        }
        order.persist();
        return order;
    }

    private static String uniqueNumber() {
        while (true) {
            StringBuilder number = new StringBuilder("SF-");
            for (int i = 0; i < 7; i++) {
                number.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            if (Order.count("number", number.toString()) == 0) {
                return number.toString();
            }
        }
    }
}
