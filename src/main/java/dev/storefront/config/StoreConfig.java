package dev.storefront.config;

import java.nio.file.Path;
import java.util.Locale;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** The store's own settings, under the {@code storefront.} prefix of application.properties. */
@ConfigMapping(prefix = "storefront")
public interface StoreConfig {

    /** The shop's name, shown in the header, titles and emails. */
    String name();

    /** ISO-4217 code of the currency prices are in. */
    String currency();

    /** BCP-47 tag of the locale money and dates are formatted in. */
    @WithDefault("en-US")
    Locale locale();

    /** The time zone dates are shown in (an IANA name); the store keeps every instant in UTC. */
    @WithDefault("UTC")
    java.time.ZoneId timeZone();

    /**
     * The address shoppers reach the shop at, without a trailing slash, such as {@code https://shop.example.com};
     * absolute links (canonical, sitemap, Open Graph, emails) are built from it.
     */
    @WithConverter(TrailingSlashTrimmed.class)
    String publicUrl();

    /** Whether cookies are marked Secure (sent over HTTPS only). */
    boolean secureCookies();

    /** Where uploaded images, the search index and other files live. */
    Path dataDir();

    /** The product search index (Lucene); rebuilt from the database when missing, so it needs no backup. */
    Path searchIndexDir();

    Admin admin();

    ReadModels readModels();

    Accounts accounts();

    /** How often one client address may ask for new accounts and reset links. */
    interface Accounts {
        /** Registrations from one client address per hour; more are a 429 with Retry-After. */
        @WithDefault("10")
        int registrationsPerAddressPerHour();

        /** Password-reset requests from one client address per 15 minutes; more send nothing (same answer). */
        @WithDefault("20")
        int resetRequestsPerAddress();
    }

    /** The catalog's pages, JSON and listings kept in memory until the catalog changes. */
    interface ReadModels {
        /** Off only to measure the store without them (bench/search-latency). */
        @WithDefault("true")
        boolean cached();
    }

    /** Drops a trailing slash, so that {@code publicUrl() + "/path"} never doubles it. */
    class TrailingSlashTrimmed implements org.eclipse.microprofile.config.spi.Converter<String> {
        @Override
        public String convert(String value) {
            String trimmed = value.strip();
            return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        }
    }

    DemoCatalog demoCatalog();

    Cart cart();

    Checkout checkout();

    /** What checkout offers and charges. */
    interface Checkout {
        /** How long stock is held for an unpaid order. */
        java.time.Duration reservationTime();

        /** Which payment provider takes payments: {@code test} (local page) or {@code stripe}. */
        String paymentProvider();

        /** Countries the store ships to (ISO 3166-1 alpha-2). */
        java.util.List<String> countries();

        /** Flat-rate shipping methods by id. */
        java.util.Map<String, ShippingMethod> shippingMethods();

        /** Tax in basis points (1/100 of a percent) per country; countries not listed pay none. */
        java.util.Map<String, Integer> taxRates();

        /** Unpaid orders one shopper (account, or email for guests) may hold at once. */
        @WithDefault("3")
        int maxPendingOrders();

        /** Units of stock one shopper's unpaid orders may hold at once. */
        @WithDefault("50")
        int maxReservedUnits();

        /** Unpaid orders one client address may hold at once (several shoppers may share one). */
        @WithDefault("10")
        int maxPendingOrdersPerAddress();

        /** Units of stock one client address's unpaid orders may hold at once. */
        @WithDefault("150")
        int maxReservedUnitsPerAddress();

        /** Whether the production profile may take "payments" on the local test page. */
        @WithDefault("false")
        boolean allowTestPaymentsInProduction();

        Stripe stripe();
    }

    /** Stripe's keys; the API base is only changed to point tests at a local fake. */
    interface Stripe {
        java.util.Optional<String> secretKey();

        java.util.Optional<String> webhookSecret();

        java.util.Optional<String> apiBase();

        /** How long to wait for a connection to Stripe, per try. */
        @WithDefault("PT5S")
        java.time.Duration connectTimeout();

        /** How long to wait for Stripe's answer, per try. */
        @WithDefault("PT10S")
        java.time.Duration readTimeout();
    }

    /** A flat shipping rate, free from an order subtotal on if {@code freeFrom} is set. */
    interface ShippingMethod {
        String name();

        /** Minor units. */
        long price();

        /** Minor units of subtotal from which shipping is free. */
        java.util.Optional<Long> freeFrom();
    }

    /** Carts. */
    interface Cart {
        /** How long a cart lives without a change before it is deleted, in Redis and PostgreSQL. */
        java.time.Duration lifetime();
    }

    /** The first admin account, created at start when no admin exists yet. */
    interface Admin {
        String email();

        String password();
    }

    /** The generated demo catalog, loaded once into an empty database. */
    interface DemoCatalog {
        /** How many products to generate; 0 turns the demo catalog off. */
        int products();

        /** The generator's seed: the same seed always gives the same catalog. */
        long seed();
    }
}
