package dev.storefront.promotion;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * A discount an admin made: a code shoppers type (its codes are {@link PromotionCode}s) or an automatic
 * promotion. Amounts in minor units, percentages in basis points (1500 = 15%). {@code uses} counts orders that
 * hold it (unpaid ones included until cancelled), never above {@code usageLimit}.
 */
@Entity
@Table(name = "promotions")
public class Promotion extends PanacheEntity {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public enum Kind {
        PERCENT_OFF, AMOUNT_OFF, FREE_SHIPPING
    }

    public enum AppliesTo {
        ORDER, PRODUCTS, CATEGORIES, SKUS
    }

    public enum Status {
        ACTIVE, PAUSED, ENDED
    }

    public String name;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Column(name = "percent_bp")
    public Integer percentBp;
    public Long amount;
    @Enumerated(EnumType.STRING)
    @Column(name = "applies_to")
    public AppliesTo appliesTo = AppliesTo.ORDER;
    /** Product ids, category ids or SKUs, after {@link #appliesTo}. */
    public String[] targets = new String[0];
    public boolean automatic;
    public Long minSubtotal;
    public Integer minQuantity;
    public Instant startsAt;
    public Instant endsAt;
    public boolean firstOrderOnly;
    public boolean signedInOnly;
    public Integer usageLimit;
    public Integer perCustomerLimit;
    public boolean combinable;
    @Enumerated(EnumType.STRING)
    public Status status = Status.ACTIVE;
    public int uses;
    public Instant createdAt = Instant.now();
    public Instant updatedAt = Instant.now();

    /** "15% off", "$10.00 off", "Free shipping". */
    public String describe(String currency) {
        return switch (kind) {
            case PERCENT_OFF -> percent(percentBp) + " off";
            case AMOUNT_OFF -> dev.storefront.web.MoneyFormat.formatted(dev.storefront.money.Money.of(amount, currency))
                    + " off";
            case FREE_SHIPPING -> "Free shipping";
        };
    }

    /** 1500 as "15%", 1250 as "12.5%". */
    static String percent(int basisPoints) {
        return java.math.BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + "%";
    }

    /** Running now: active, started and not ended. */
    public boolean runningAt(Instant now) {
        return status == Status.ACTIVE && (startsAt == null || !now.isBefore(startsAt))
                && (endsAt == null || now.isBefore(endsAt));
    }
}
