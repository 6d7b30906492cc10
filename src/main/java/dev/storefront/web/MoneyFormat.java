package dev.storefront.web;

import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.qute.TemplateExtension;

import dev.storefront.money.Money;

/** Formats money for people, in the store's locale: {@code {price.formatted}} gives "$19.99". */
@TemplateExtension
public final class MoneyFormat {

    private static volatile Locale locale;

    private MoneyFormat() {
    }

    public static String formatted(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(storeLocale());
        Currency currency = Currency.getInstance(money.currency());
        format.setCurrency(currency);
        int digits = currency.getDefaultFractionDigits();
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(java.math.BigDecimal.valueOf(money.amount(), digits));
    }

    /** {@code {order.currency.money(line.lineTotalAmount)}}: minor units of this currency, formatted. */
    public static String money(String currency, long amount) {
        return formatted(Money.of(amount, currency));
    }

    /** "19.99": a plain decimal in major units, for machine-read tags. */
    public static String decimal(Money money) {
        int digits = Currency.getInstance(money.currency()).getDefaultFractionDigits();
        return java.math.BigDecimal.valueOf(money.amount(), digits).toPlainString();
    }

    private static Locale storeLocale() {
        Locale current = locale;
        if (current == null) {
            current = ConfigProvider.getConfig().getOptionalValue("storefront.locale", Locale.class)
                    .orElse(Locale.US);
            locale = current;
        }
        return current;
    }
}
