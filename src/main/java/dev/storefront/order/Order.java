package dev.storefront.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

import dev.storefront.money.Money;

/** An order: who, where to, what (frozen lines), the amounts in minor units, and its status. */
@Entity
@Table(name = "orders")
public class Order extends PanacheEntity {

    public String number;

    @Enumerated(EnumType.STRING)
    public OrderStatus status = OrderStatus.PENDING_PAYMENT;

    @Column(name = "user_id")
    public Long userId;
    public String email;
    /** Lets a guest see the order: the token in the confirmation link. */
    public String accessToken;
    public String cartId;
    /** What was checked out (see ValidatedCheckout#fingerprint): the same again resumes this order. */
    public String checkoutFingerprint;
    /** The address the checkout came from, for the reservation caps. */
    public String clientAddress;

    public String shipName;
    public String shipLine1;
    public String shipLine2 = "";
    public String shipCity;
    public String shipRegion = "";
    public String shipPostalCode;
    public String shipCountry;
    public String shippingMethod;

    public String currency;
    public long subtotalAmount;
    /** Given by promotions, on lines and shipping together; the total is subtotal + shipping - discount + tax. */
    public long discountAmount;
    /** What gave the discount, frozen with the order: "Spring sale (SPRING15), Free shipping". */
    public String discountLabel = "";
    public long shippingAmount;
    public long taxAmount;
    public long totalAmount;

    public Instant reservedUntil;
    public Instant createdAt = Instant.now();
    public Instant paidAt;
    public Instant cancelledAt;
    public String cancelReason;
    public Instant shippedAt;
    public String trackingNumber;

    /** Who carries the parcel ("DHL", "Royal Mail"), when the store said so on shipping; null otherwise. */
    public String carrier;
    /** Given back so far, in minor units; never more than the total. */
    public long refundedAmount;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_lines", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    public List<OrderLine> lines = new ArrayList<>();

    public static Optional<Order> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    /** The order page's path, with the token that lets a guest in. */
    public String pagePath() {
        return "/orders/" + number + "?token=" + accessToken;
    }

    public Money subtotal() {
        return Money.of(subtotalAmount, currency);
    }

    public Money shipping() {
        return Money.of(shippingAmount, currency);
    }

    public Money tax() {
        return Money.of(taxAmount, currency);
    }

    public Money total() {
        return Money.of(totalAmount, currency);
    }

    public Money discount() {
        return Money.of(discountAmount, currency);
    }

    public Money refunded() {
        return Money.of(refundedAmount, currency);
    }

    /** The shipping address as the destination's post writes it (see {@link ShippingAddress#lines()}). */
    public List<String> shippingAddressLines() {
        return new ShippingAddress(shipName, shipLine1, shipLine2, shipCity, shipRegion, shipPostalCode, shipCountry)
                .lines();
    }
}
