package dev.storefront.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Refuses to start the production profile while a secret still has the development default that
 * .env.example ships, or the JWT key files are missing, so a copied example file can never reach a
 * live store.
 */
@ApplicationScoped
public class DevelopmentSecretsGuard {

    /** Environment variable → (property it feeds, its development default in .env.example). */
    static final Map<String, Secret> SECRETS = Map.of(
            "DB_PASSWORD", new Secret("quarkus.datasource.password", "storefront"),
            "ADMIN_PASSWORD", new Secret("storefront.admin.password", "demo-admin-password"));

    record Secret(String property, String developmentDefault) {
    }

    /** Environment variable → property naming a key file that must exist and be readable. */
    static final Map<String, String> KEY_FILES = Map.of(
            "JWT_PRIVATE_KEY_PATH", "smallrye.jwt.sign.key.location",
            "JWT_PUBLIC_KEY_PATH", "mp.jwt.verify.publickey.location");

    void onStart(@Observes @Priority(1) StartupEvent event, Config config) {
        if (!ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        List<String> offending = offending(config);
        if (!offending.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production: " + String.join(", ", offending)
                    + " missing, invalid (STORE_PUBLIC_URL must be an https:// address), still set to the"
                    + " development default from .env.example, or naming no readable key file; set them in the"
                    + " environment (/etc/storefront/env)");
        }
    }

    /** The variables whose configured value equals their development default, in a stable order. */
    static List<String> offending(Config config) {
        List<String> offending = new ArrayList<>();
        SECRETS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String value = config.getOptionalValue(entry.getValue().property(), String.class).orElse("");
            if (value.isBlank() || Objects.equals(value, entry.getValue().developmentDefault())) {
                offending.add(entry.getKey());
            }
        });
        if ("test".equals(config.getOptionalValue("storefront.checkout.payment-provider", String.class).orElse("test"))
                && !config.getOptionalValue("storefront.checkout.allow-test-payments-in-production", Boolean.class)
                        .orElse(false)) {
            offending.add("PAYMENT_PROVIDER");
        }
        if ("stripe".equals(config.getOptionalValue("storefront.checkout.payment-provider", String.class).orElse(""))) {
            if (config.getOptionalValue("storefront.checkout.stripe.secret-key", String.class).orElse("").isBlank()) {
                offending.add("STRIPE_SECRET_KEY");
            }
            if (config.getOptionalValue("storefront.checkout.stripe.webhook-secret", String.class).orElse("").isBlank()) {
                offending.add("STRIPE_WEBHOOK_SECRET");
            }
        }
        // shoppers follow links in emails and pay on Stripe's pages: they must come back to an https address
        if (!config.getOptionalValue("storefront.public-url", String.class).orElse("").startsWith("https://")) {
            offending.add("STORE_PUBLIC_URL");
        }
        KEY_FILES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String location = config.getOptionalValue(entry.getValue(), String.class).orElse("")
                    .replaceFirst("^file:", "");
            if (location.isBlank() || !Files.isReadable(Path.of(location))) {
                offending.add(entry.getKey());
            }
        });
        return offending;
    }
}
