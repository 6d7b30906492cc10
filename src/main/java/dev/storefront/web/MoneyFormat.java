package dev.storefront.web;

import java.text.NumberFormat;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.qute.TemplateExtension;

import dev.storefront.money.Money;

/** Formats money for people, in the store's locale: {@code {price.formatted}} gives "$19.99". */
@TemplateExtension
public final class MoneyFormat {

    private static volatile Locale locale;

    private MoneyFormat() {
    }

    /**
     * A formatter per currency and thread: making one (locale data, symbols) costs far more than formatting,
     * and a page formats dozens of prices; formatters are not thread-safe, so each thread keeps its own.
     */
    private static final ThreadLocal<Map<String, NumberFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);

    public static String formatted(Money money) {
        NumberFormat format = FORMATS.get().computeIfAbsent(money.currency(), MoneyFormat::formatFor);
        int digits = format.getMaximumFractionDigits();
        return format.format(java.math.BigDecimal.valueOf(money.amount(), digits));
    }

    private static NumberFormat formatFor(String currencyCode) {
        NumberFormat format = NumberFormat.getCurrencyInstance(storeLocale());
        Currency currency = Currency.getInstance(currencyCode);
        format.setCurrency(currency);
        int digits = currency.getDefaultFractionDigits();
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format;
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
