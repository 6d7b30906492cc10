package dev.storefront.config;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Runs the packaged jar in the prod profile, as an operator would, with secrets left at their defaults. */
class ProductionStartIT {

    @Test
    void productionRefusesToStartWithTheDevelopmentSecretsFromEnvExample() throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.exists(jar), "the packaged application exists");
        Path output = Files.createTempFile("prod-start", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_PROFILE", "prod");
        env.put("HTTP_PORT", "0");
        env.put("DB_NAME", env.getOrDefault("DB_TEST_NAME", "storefront_test"));
        env.put("DB_PASSWORD", "storefront");
        env.put("ADMIN_PASSWORD", "demo-admin-password");
        env.put("DEMO_CATALOG_PRODUCTS", "0");
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the application gives up instead of running");
            String log = read(output);
            assertNotEquals(0, process.exitValue(), log);
            assertTrue(log.contains("Refusing to start in production"), log);
            assertTrue(log.contains("DB_PASSWORD") && log.contains("ADMIN_PASSWORD") && log.contains("STORE_PUBLIC_URL"), log);
            assertTrue(log.lines().anyMatch(line -> line.startsWith("{") && line.contains("\"level\":\"ERROR\"")),
                    "production logs are JSON lines: " + log);
            assertTrue(!log.contains("Listening on"), "it never served a request: " + log);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
