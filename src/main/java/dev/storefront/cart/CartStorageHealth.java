package dev.storefront.cart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of cart storage. Without Redis the store still takes carts and orders (from PostgreSQL,
 * more slowly), so an unreachable Redis reports DEGRADED and keeps the store ready.
 */
@Readiness
@ApplicationScoped
public class CartStorageHealth implements HealthCheck {

    public static final String NAME = "Cart storage";

    @Inject
    CartCache cache;

    @Override
    public HealthCheckResponse call() {
        boolean redis = cache.ping();
        return HealthCheckResponse.named(NAME).up()
                .withData("redis", redis ? "UP" : "DEGRADED")
                .withData("durableCopy", "PostgreSQL")
                .build();
    }
}
