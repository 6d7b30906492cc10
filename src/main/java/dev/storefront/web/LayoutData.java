package dev.storefront.web;

import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;

import dev.storefront.config.StoreConfig;

/** What the page frame (templates/layout.html) shows on every page, as {@code {cdi:layout.…}}. */
@RequestScoped
@Named("layout")
public class LayoutData {

    @Inject
    StoreConfig config;

    @Inject
    CartBadge cart;

    @Inject
    SiteMenu menu;

    @Inject
    StorePageLinks storePages;

    @Inject
    HttpServerRequest request;

    @Inject
    PersonalParts personal;

    @Inject
    SecurityIdentity identity;

    /** The path of this request, for the admin's side navigation to mark where the admin is. */
    public String path() {
        return request.path();
    }

    /**
     * An area of the back office, for the side navigation and the breadcrumbs: "Orders" at /admin/orders;
     * {@code current} anywhere in it, {@code here} on that very page.
     */
    public record AdminArea(String name, String href, boolean current, boolean here) {
    }

    private static final Map<String, String> ADMIN_AREAS = new LinkedHashMap<>();
    static {
        ADMIN_AREAS.put("/admin/orders", "Orders");
        ADMIN_AREAS.put("/admin/inventory", "Inventory");
        ADMIN_AREAS.put("/admin/products", "Products");
        ADMIN_AREAS.put("/admin/categories", "Categories");
        ADMIN_AREAS.put("/admin/customers", "Customers");
        ADMIN_AREAS.put("/admin/promotions", "Promotions");
        ADMIN_AREAS.put("/admin/pages", "Store pages");
        ADMIN_AREAS.put("/admin/catalog", "Import and export");
        ADMIN_AREAS.put("/admin/audit", "Audit log");
        ADMIN_AREAS.put("/admin/settings", "Settings");
    }

    /** The back-office areas this account may open (staff: their areas only), in the navigation's order. */
    public List<AdminArea> adminAreas() {
        String path = request.path();
        boolean admin = admin();
        return ADMIN_AREAS.entrySet().stream().filter(area -> admin || StoreRoles.staffArea(area.getKey()))
                .map(area -> new AdminArea(area.getValue(), area.getKey(), path.equals(area.getKey())
                        || path.startsWith(area.getKey() + "/"), path.equals(area.getKey()))).toList();
    }

    /** Who is signed in (the admin layout shows it beside "Sign out"). */
    public String signedIn() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    /** Whether the signed-in account is an admin (staff see only the back office's orders, stock and dashboard). */
    public boolean admin() {
        return identity.hasRole(StoreRoles.ADMIN);
    }

    public String storeName() {
        return config.name();
    }

    /** The address the shop is reached at, for canonical links, Open Graph tags and the sitemap. */
    public String publicUrl() {
        return config.publicUrl();
    }

    /** Units in this browser's cart, for the header on every page (a slot while a shared page is rendered). */
    public Object cartCount() {
        return personal.deferred() ? PersonalParts.CART_COUNT_SLOT : cart.itemCount(request);
    }

    /**
     * The header's category menu as HTML; none on an event-loop thread, where some error pages are rendered
     * and a category tree not yet in memory could not be read without blocking.
     */
    public String menu() {
        return Context.isOnEventLoopThread() ? "" : menu.html();
    }

    /** The store's own pages, for the footer. */
    public List<StorePageLinks.Link> footerLinks() {
        return storePages.footer();
    }

    public int year() {
        return Year.now().getValue();
    }
}
