package dev.storefront.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class DevelopmentSecretsGuardTest {

    private static Map<String, String> envExample() throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return values;
    }

    private static Config configOf(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
    }

    @Test
    void theGuardKnowsTheDefaultsThatEnvExampleShips() throws IOException {
        Map<String, String> example = envExample();
        DevelopmentSecretsGuard.SECRETS.forEach((variable, secret) ->
                assertEquals(example.get(variable), secret.developmentDefault(), variable + " in .env.example"));
    }

    @Test
    void developmentDefaultsAndBlankSecretsAreRefused() throws IOException {
        Map<String, String> example = envExample();
        Config defaults = configOf(Map.of(
                "quarkus.datasource.password", example.get("DB_PASSWORD"),
                "storefront.admin.password", example.get("ADMIN_PASSWORD")));
        assertEquals(List.of("ADMIN_PASSWORD", "DB_PASSWORD", "PAYMENT_PROVIDER", "STORE_PUBLIC_URL",
                "JWT_PRIVATE_KEY_PATH", "JWT_PUBLIC_KEY_PATH"), DevelopmentSecretsGuard.offending(defaults));

        Config blankAdmin = configOf(Map.of(
                "quarkus.datasource.password", "Kx9-real-database-secret",
                "storefront.admin.password", " "));
        assertEquals(List.of("ADMIN_PASSWORD", "PAYMENT_PROVIDER", "STORE_PUBLIC_URL", "JWT_PRIVATE_KEY_PATH",
                "JWT_PUBLIC_KEY_PATH"), DevelopmentSecretsGuard.offending(blankAdmin));
    }

    @Test
    void realSecretsAndKeyFilesPass() throws IOException {
        Path keys = Files.createTempDirectory("keys");
        Files.writeString(keys.resolve("private.pem"), "private");
        Files.writeString(keys.resolve("public.pem"), "public");
        Config real = configOf(Map.of(
                "quarkus.datasource.password", "Kx9-real-database-secret",
                "storefront.admin.password", "a-long-admin-passphrase",
                "smallrye.jwt.sign.key.location", keys.resolve("private.pem").toString(),
                "mp.jwt.verify.publickey.location", "file:" + keys.resolve("public.pem"),
                "storefront.checkout.payment-provider", "stripe",
                "storefront.checkout.stripe.secret-key", "sk_live_x",
                "storefront.checkout.stripe.webhook-secret", "whsec_x",
                "storefront.public-url", "https://shop.example.com"));
        assertEquals(List.of(), DevelopmentSecretsGuard.offending(real));
    }

    @Test
    void stripeWithoutItsKeysAndAPlainHttpAddressAreRefused() throws IOException {
        Path keys = Files.createTempDirectory("keys");
        Files.writeString(keys.resolve("private.pem"), "private");
        Files.writeString(keys.resolve("public.pem"), "public");
        Config missing = configOf(Map.of(
                "quarkus.datasource.password", "Kx9-real-database-secret",
                "storefront.admin.password", "a-long-admin-passphrase",
                "smallrye.jwt.sign.key.location", keys.resolve("private.pem").toString(),
                "mp.jwt.verify.publickey.location", keys.resolve("public.pem").toString(),
                "storefront.checkout.payment-provider", "stripe",
                "storefront.public-url", "http://shop.example.com"));
        assertEquals(List.of("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STORE_PUBLIC_URL"),
                DevelopmentSecretsGuard.offending(missing));
    }

    @Test
    void missingKeyFilesAreRefused() {
        Config noKeys = configOf(Map.of(
                "quarkus.datasource.password", "Kx9-real-database-secret",
                "storefront.admin.password", "a-long-admin-passphrase",
                "smallrye.jwt.sign.key.location", "/nonexistent/private.pem",
                "storefront.checkout.payment-provider", "test",
                "storefront.checkout.allow-test-payments-in-production", "true",
                "storefront.public-url", "https://shop.example.com"));
        assertEquals(List.of("JWT_PRIVATE_KEY_PATH", "JWT_PUBLIC_KEY_PATH"), DevelopmentSecretsGuard.offending(noKeys),
                "test payments allowed explicitly");
    }
}
