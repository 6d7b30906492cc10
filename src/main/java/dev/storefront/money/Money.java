package dev.storefront.money;

import java.util.Currency;
import java.util.Objects;

/** An amount of money in minor units (cents) of an ISO-4217 currency, as the API shows it. */
public record Money(long amount, String currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
        Currency.getInstance(currency);
    }

    public static Money of(long amount, String currency) {
        return new Money(amount, currency);
    }

    /**
     * "19.99" in USD as 1999 cents; refuses negative amounts and more decimals than the currency has.
     * Throws IllegalArgumentException with a message fit for the person who typed it.
     */
    public static Money parseDecimal(String text, String currency) {
        java.math.BigDecimal decimal;
        try {
            decimal = new java.math.BigDecimal(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be an amount such as 19.99");
        }
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        if ((long) decimal.precision() - decimal.scale() > 12) { // more than 12 digits before the point ("1e2147483647")
            throw new IllegalArgumentException("is too large");
        }
        if (decimal.signum() < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        if (decimal.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException("has more than " + digits + " decimals");
        }
        java.math.BigDecimal minor = decimal.movePointRight(digits);
        if (minor.compareTo(java.math.BigDecimal.valueOf(1_000_000_000_00L)) > 0) {
            throw new IllegalArgumentException("is too large");
        }
        return new Money(minor.longValueExact(), currency);
    }

    /** "12.50 EUR": the amount as a decimal in its currency, then the currency. */
    public String decimal() {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return java.math.BigDecimal.valueOf(amount, digits).toPlainString() + " " + currency;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(amount, other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }
}
