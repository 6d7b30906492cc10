package dev.storefront.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The schema is Flyway's alone: every migration in db/migration is applied, and Hibernate only
 * validates its mapping against the result (a mismatch stops the application, failing every test).
 */
@QuarkusTest
class SchemaTest {

    @Inject
    Flyway flyway;

    @ConfigProperty(name = "quarkus.hibernate-orm.schema-management.strategy")
    String schemaManagement;

    @Test
    void everyMigrationIsAppliedAndNonePending() {
        assertTrue(flyway.info().applied().length >= 1);
        assertEquals(0, flyway.info().pending().length);
        assertEquals(flyway.info().all().length, flyway.info().applied().length);
    }

    @Test
    void hibernateValidatesButNeverChangesTheSchema() {
        assertEquals("validate", schemaManagement);
    }
}
