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
