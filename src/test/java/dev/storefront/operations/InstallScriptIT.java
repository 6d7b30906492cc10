package dev.storefront.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.storefront.testing.Commands;
import dev.storefront.testing.PackagedStore;

/**
 * deploy/install as far as this machine allows: the dry run lists every step and changes nothing; in a
 * throwaway root (--prefix) it writes the env file (mode 600, generated secrets), the keys, the units and
 * the Nginx site, and a second run keeps them; and the store started with that env file refuses to start
 * while a required setting is missing, naming it.
 */
class InstallScriptIT {

    @Test
    void theDryRunListsEveryStepAndChangesNothing() throws Exception {
        List<Path> touched = List.of(Path.of("/etc/storefront"), Path.of("/opt/storefront"),
                Path.of("/etc/systemd/system/storefront.service"), Path.of("/etc/nginx/sites-available/storefront"));
        List<Boolean> before = touched.stream().map(Files::exists).toList();
        String out = Commands.run(Path.of("."), "deploy/install", "--dry-run", "--domain", "shop.example.com", "--email",
                "ops@example.com");
        for (String step : List.of("OS packages", "System user", "Directories", "Settings", "JWT signing keys",
                "PostgreSQL", "Build the release", "systemd", "Nginx and the certificate", "Health check")) {
            assertTrue(out.contains(step), step + " in:\n" + out);
        }
        assertTrue(out.contains("certbot certonly --webroot"));
        assertTrue(out.contains("Dry run: nothing was changed."));
        assertEquals(before, touched.stream().map(Files::exists).toList(), "no file of the installation appeared");
        IllegalStateException bad = assertThrows(IllegalStateException.class, () -> Commands.run(Path.of("."),
                "deploy/install", "--dry-run", "--domain", "not a domain", "--email", "ops@example.com"));
        assertTrue(bad.getMessage().contains("--domain must be"));
    }

    @Test
    void inAThrowawayRootItWritesEverythingOnceAndTheStoreRefusesMissingSettings() throws Exception {
        Path root = Files.createTempDirectory("install-root");
        Commands.run(Path.of("."), "deploy/install", "--prefix", root.toString(), "--no-build", "--domain",
                "shop.example.com", "--email", "ops@example.com");
        Path env = root.resolve("etc/storefront/env");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(env)));
        Map<String, String> settings = read(env);
        assertEquals("https://shop.example.com", settings.get("STORE_PUBLIC_URL"));
        assertEquals("127.0.0.1", settings.get("HTTP_HOST"));
        assertNotEquals("storefront", settings.get("DB_PASSWORD"));
        assertEquals(32, settings.get("DB_PASSWORD").length());
        assertNotEquals("demo-admin-password", settings.get("ADMIN_PASSWORD"));
        assertTrue(Files.exists(root.resolve("etc/storefront/jwt/private.pem")));
        assertTrue(Files.readString(root.resolve("etc/systemd/system/storefront.service")).contains("ProtectSystem=strict"));
        assertTrue(Files.readString(root.resolve("etc/nginx/sites-available/storefront"))
                .contains("ssl_certificate     /etc/letsencrypt/live/shop.example.com/fullchain.pem;"));
        assertTrue(Files.isSymbolicLink(root.resolve("opt/storefront/current")));
        assertTrue(Files.exists(root.resolve("opt/storefront/current/quarkus-app/quarkus-run.jar")));
        assertTrue(Files.size(root.resolve("opt/storefront/current/quarkus-app/app-cds.jsa")) > 1_000_000,
                "the class-data archive the unit starts the store with");

        String again = Commands.run(Path.of("."), "deploy/install", "--prefix", root.toString(), "--no-build",
                "--domain", "shop.example.com", "--email", "ops@example.com");
        assertTrue(again.contains("kept: " + env));
        assertEquals(settings, read(env), "a second run keeps the secrets");

        // the store with these settings, pointed at the test database, but without Stripe's keys
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("DB_HOST", System.getenv().getOrDefault("DB_HOST", "127.0.0.1"));
        environment.put("DB_PORT", System.getenv().getOrDefault("DB_PORT", "55432"));
        environment.put("DB_NAME", System.getenv().getOrDefault("DB_TEST_NAME", "storefront_test"));
        environment.put("DB_USER", "storefront");
        environment.put("DB_PASSWORD", "storefront");
        environment.put("REDIS_URL", System.getenv().getOrDefault("REDIS_TEST_URL", "redis://127.0.0.1:56379/1"));
        environment.put("JWT_PRIVATE_KEY_PATH", root.resolve("etc/storefront/jwt/private.pem").toString());
        environment.put("JWT_PUBLIC_KEY_PATH", root.resolve("etc/storefront/jwt/public.pem").toString());
        environment.put("STOREFRONT_DATA_DIR", root.resolve("var/lib/storefront").toString());
        environment.put("STRIPE_SECRET_KEY", "");
        environment.put("QUARKUS_PROFILE", "prod");
        try (PackagedStore store = PackagedStore.start(environment)) {
            assertTrue(store.process().waitFor(90, TimeUnit.SECONDS), "it gives up instead of running");
            String log = Files.readString(store.log);
            assertNotEquals(0, store.process().exitValue());
            assertTrue(log.contains("STRIPE_SECRET_KEY") && log.contains("STRIPE_WEBHOOK_SECRET"), log);
            assertFalse(log.contains("Listening on"), log);
        }
    }

    private static Map<String, String> read(Path env) throws Exception {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(env)) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return values;
    }
}
