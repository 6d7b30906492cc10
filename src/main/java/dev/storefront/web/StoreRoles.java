package dev.storefront.web;

import java.util.List;

/**
 * The store's roles, as accounts hold them and as resources declare them in {@code @RolesAllowed}.
 * {@link #ADMIN} may do everything; {@link #STAFF} handles orders and stock (the dashboard, orders,
 * inventory) but not products, prices, categories, promotions, store pages, imports, customers or other
 * admins. Every back-office resource declares which of the two it admits; {@code AdminGuard} keeps
 * everyone else out of {@code /admin} and {@code /api/v1/admin}.
 */
public final class StoreRoles {

    public static final String CUSTOMER = "customer";
    public static final String STAFF = "staff";
    public static final String ADMIN = "admin";

    /**
     * Where staff may go besides the dashboard ({@code /admin}): {@code AdminGuard} turns them away from
     * everything else before a route is matched, and the resources there admit {@link #STAFF} in their
     * {@code @RolesAllowed} (AdminAccessTest checks the two agree for every route).
     */
    public static final List<String> STAFF_AREAS = List.of("/admin/orders", "/admin/inventory",
            "/api/v1/admin/orders", "/api/v1/admin/inventory");

    /** Whether staff may open this path (the guard's check; the resource's roles decide the rest). */
    public static boolean staffArea(String path) {
        return path.equals("/admin") || STAFF_AREAS.stream().anyMatch(
                area -> path.equals(area) || path.startsWith(area + "/"));
    }

    private StoreRoles() {
    }
}
