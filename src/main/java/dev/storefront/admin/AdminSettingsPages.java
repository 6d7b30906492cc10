package dev.storefront.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.storefront.config.StoreConfig;
import dev.storefront.money.Money;
import dev.storefront.web.MoneyFormat;
import dev.storefront.web.StoreRoles;

/**
 * The store's settings as it runs with them, read-only: they are the environment the operator gives it
 * (/etc/storefront/env, see .env.example), so a change is made there and takes effect on restart, the same on
 * every instance. Secrets are never shown, only whether they are set.
 */
@Path("/admin/settings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(StoreRoles.ADMIN)
public class AdminSettingsPages {

    /** One setting: what it is, its value as the store uses it, and the variable that sets it. */
    public record Setting(String name, String value, String variable) {
    }

    /** Settings shown together under a heading. */
    public record Group(String title, List<Setting> settings) {
    }

    @Inject
    StoreConfig config;

    @ConfigProperty(name = "quarkus.mailer.host")
    String smtpHost;

    @ConfigProperty(name = "quarkus.mailer.from")
    String mailFrom;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(List<Group> groups);
    }

    @GET
    public Response settings() {
        List<Setting> store = List.of(
                new Setting("Store name", config.name(), "STORE_NAME"),
                new Setting("Address shoppers use", config.publicUrl(), "STORE_PUBLIC_URL"),
                new Setting("Currency", config.currency(), "STORE_CURRENCY"),
                new Setting("Locale of money and dates", config.locale().toLanguageTag(), "STORE_LOCALE"),
                new Setting("Time zone of dates", config.timeZone().getId(), "STORE_TIME_ZONE"),
                new Setting("Emails are sent from", mailFrom, "MAIL_FROM"),
                new Setting("Mail server", smtpHost, "SMTP_HOST"));
        StoreConfig.Checkout checkout = config.checkout();
        List<Setting> payments = List.of(
                new Setting("Payment provider", checkout.paymentProvider(), "PAYMENT_PROVIDER"),
                new Setting("Stripe secret key", checkout.stripe().secretKey().isPresent() ? "set (not shown)"
                        : "not set", "STRIPE_SECRET_KEY"),
                new Setting("Stripe webhook secret", checkout.stripe().webhookSecret().isPresent() ? "set (not shown)"
                        : "not set", "STRIPE_WEBHOOK_SECRET"),
                new Setting("Countries shipped to", String.join(", ", checkout.countries()), "storefront.checkout.countries"),
                new Setting("Stock held for an unpaid order", checkout.reservationTime().toMinutes() + " minutes",
                        "RESERVATION_TIME"),
                new Setting("Carts kept for", config.cart().lifetime().toDays() + " days", "CART_LIFETIME"));
        List<Setting> shipping = new ArrayList<>();
        for (Map.Entry<String, StoreConfig.ShippingMethod> method : checkout.shippingMethods().entrySet()) {
            StoreConfig.ShippingMethod m = method.getValue();
            shipping.add(new Setting(m.name(), MoneyFormat.formatted(Money.of(m.price(), config.currency()))
                    + m.freeFrom().map(from -> ", free from " + MoneyFormat.formatted(Money.of(from,
                            config.currency()))).orElse(""), "storefront.checkout.shipping-methods." + method.getKey()));
        }
        checkout.taxRates().forEach((country, rate) -> shipping.add(new Setting("Tax in " + country,
                String.format(config.locale(), "%.2f %%", rate / 100.0), "storefront.checkout.tax-rates." + country)));
        return AdminPages.page(Templates.settings(List.of(new Group("Store", store), new Group("Checkout and payments",
                payments), new Group("Shipping and tax", shipping))));
    }
}
