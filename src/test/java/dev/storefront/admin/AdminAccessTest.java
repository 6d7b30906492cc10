package dev.storefront.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.storefront.config.StoreConfig;
import dev.storefront.testing.Admins;
import dev.storefront.testing.FormClient;
import dev.storefront.web.StoreRoles;

/**
 * Walks every route under /admin and /api/v1/admin found in the compiled resources, so a new admin route
 * cannot be left open: anonymous visitors are sent to sign in (pages) or get 401 (API), customers get 403.
 */
@QuarkusTest
class AdminAccessTest {

    @Inject
    StoreConfig config;

    @Inject
    RedisDataSource redis;

    /** A route and the roles it admits (its method's {@code @RolesAllowed}, else its class's). */
    record Route(String method, String path, Set<String> roles) {
        Route(String method, String path) {
            this(method, path, Set.of());
        }
    }

    @BeforeEach
    void forgetFailedSignIns() {
        FormClient.forgetFailedSignIns(redis);
    }

    /** The back office has its own frame: who is signed in, sign-out, and a side navigation marking the page. */
    @Test
    void adminPagesHaveTheirOwnLayoutNotTheShops() {
        String html = given().auth().oauth2(dev.storefront.testing.Admins.adminToken()).when()
                .get("/admin/orders").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<nav class=\"admin-side\" aria-label=\"Admin\">"), html);
        assertTrue(html.contains("<a href=\"/admin/orders\" aria-current=\"page\">Orders</a>"), "where the admin is");
        assertTrue(html.contains("<a href=\"/admin\">Dashboard</a>"), "and the rest of the back office");
        assertTrue(html.contains("admin@storefront.test") && html.contains("action=\"/logout\""),
                "who is signed in, and signing out");
        assertTrue(!html.contains("class=\"site-header\"") && !html.contains("role=\"search\""),
                "not the shop's header with its search box and cart");
        assertTrue(html.contains("<nav aria-label=\"Breadcrumb\" class=\"breadcrumbs\"><ol><li><a href=\"/admin\">Dashboard"
                + "</a></li><li><a href=\"/admin/orders\" aria-current=\"page\">Orders</a></li></ol></nav>"), "breadcrumbs");
        String customers = given().auth().oauth2(dev.storefront.testing.Admins.adminToken()).queryParam("sort", "email")
                .when().get("/admin/customers").then().statusCode(200).extract().asString();
        List<String> emails = new ArrayList<>();
        java.util.regex.Matcher email = java.util.regex.Pattern.compile("<td><a href=\"/admin/customers/\\d+\">([^<]+)</a>")
                .matcher(customers);
        while (email.find()) {
            emails.add(email.group(1));
        }
        List<String> sorted = new ArrayList<>(emails);
        sorted.sort(null);
        assertTrue(emails.size() >= 2 && emails.equals(sorted), "customers by email: " + emails);
    }

    @Test
    void everyAdminRouteIsClosedToAnonymousVisitorsAndCustomers() throws Exception {
        List<Route> routes = adminRoutes();
        assertTrue(routes.size() >= 3, "found the admin routes: " + routes);
        // and paths nobody wrote yet: nothing about them leaks before the role is checked
        routes.add(new Route("GET", "/admin/not-written-yet"));
        routes.add(new Route("DELETE", "/api/v1/admin/not-written-yet"));
        String customer = token(registeredCustomer(), "correct horse battery staple");
        for (Route route : routes) {
            boolean api = route.path().startsWith("/api/");
            int anonymous = given().redirects().follow(false).contentType(ContentType.JSON)
                    .when().request(route.method(), route.path()).statusCode();
            assertEquals(api ? 401 : 303, anonymous, "anonymous " + route);
            int asCustomer = given().redirects().follow(false).auth().oauth2(customer).contentType(ContentType.JSON)
                    .when().request(route.method(), route.path()).statusCode();
            assertEquals(403, asCustomer, "customer " + route);
        }
    }

    /**
     * Each back-office route declares its roles, and staff get exactly the admin-and-staff ones: orders, stock
     * and the dashboard, but not products, prices, promotions, settings or other accounts (403).
     */
    @Test
    void staffReachOnlyTheRoutesDeclaredForStaff() throws Exception {
        List<Route> routes = adminRoutes();
        String staff = Admins.newStaff()[1];
        int forStaff = 0;
        for (Route route : routes) {
            assertTrue(route.roles().contains(StoreRoles.ADMIN), "every back-office route admits admins: " + route);
            int status = given().redirects().follow(false).auth().oauth2(staff).contentType(ContentType.JSON)
                    .when().request(route.method(), route.path()).statusCode();
            if (route.roles().contains(StoreRoles.STAFF)) {
                forStaff++;
                assertTrue(status != 401 && status != 403 && status < 500, "staff may use " + route + ": " + status);
            } else {
                assertEquals(403, status, "staff may not use " + route);
            }
        }
        assertTrue(forStaff >= 10 && forStaff < routes.size() / 2, "staff have orders and stock, not the rest: "
                + forStaff + " of " + routes.size());
        for (String adminOnly : List.of("/admin/settings", "/admin/products", "/admin/promotions", "/admin/customers", "/admin/catalog",
                "/admin/pages", "/admin/audit", "/admin/categories", "/api/v1/admin/products")) {
            assertTrue(routes.stream().anyMatch(r -> r.path().equals(adminOnly) && !r.roles().contains(StoreRoles.STAFF)),
                    adminOnly + " is the admin's alone");
        }
    }

    /** Staff see the back office's orders, stock and dashboard in the side navigation, and nothing else. */
    @Test
    void staffSeeOnlyTheirPartOfTheBackOffice() {
        String staff = Admins.newStaff()[1];
        String html = given().auth().oauth2(staff).when().get("/admin").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<a href=\"/admin/orders\">Orders</a>") && html.contains("<a href=\"/admin/inventory\">"),
                "orders and stock");
        assertTrue(!html.contains("href=\"/admin/products\"") && !html.contains("href=\"/admin/promotions\"")
                && !html.contains("href=\"/admin/customers\"") && !html.contains("/admin/search/reindex"),
                "no links to what staff may not open");
        String admin = given().auth().oauth2(Admins.adminToken()).when().get("/admin").then().statusCode(200)
                .extract().asString();
        assertTrue(admin.contains("href=\"/admin/products\"") && admin.contains("/admin/search/reindex"),
                "admins see everything");
    }

    /**
     * The admin gives an account staff access on its page; the account's old session ends (its token has the
     * old roles), its next sign-in reaches orders and not products, and an admin cannot change their own.
     */
    @Test
    void anAdminGivesAndTakesStaffAccessOnTheCustomersPage() {
        String[] customer = Admins.newCustomer();
        int id = Admins.asAdmin().queryParam("q", customer[0]).when().get("/api/v1/admin/customers").then()
                .extract().path("items[0].id");
        changeAccess(id, "staff").then().statusCode(303);
        given().auth().oauth2(customer[1]).when().get("/api/v1/account").then().statusCode(401);
        String staff = Admins.token(customer[0], "correct horse battery staple");
        given().auth().oauth2(staff).when().get("/admin/orders").then().statusCode(200);
        given().auth().oauth2(staff).when().get("/admin/products").then().statusCode(403);
        String page = given().auth().oauth2(Admins.adminToken()).when().get("/admin/customers/" + id).then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("<option value=\"staff\" selected>"), "the page shows the access it has");

        changeAccess(id, "customer").then().statusCode(303);
        String again = Admins.token(customer[0], "correct horse battery staple");
        given().auth().oauth2(again).when().get("/admin/orders").then().statusCode(403);

        String refused = changeAccess(id, "owner").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("Choose customer, staff or admin access."), refused);
        int self = Admins.asAdmin().queryParam("q", config.admin().email()).when().get("/api/v1/admin/customers")
                .then().extract().path("items[0].id");
        String own = changeAccess(self, "customer").then().statusCode(409).extract().asString();
        assertTrue(own.contains("You cannot change your own access"), own);
        Admins.asAdmin().body(Map.of("access", "nobody")).when().put("/api/v1/admin/customers/" + id + "/access")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("access"));
    }

    /** Settings come from the environment: the page shows them as the store runs, secrets only as set or not. */
    @Test
    void theSettingsPageShowsTheStoresSettingsWithoutItsSecrets() {
        String html = given().auth().oauth2(dev.storefront.testing.Admins.adminToken()).when().get("/admin/settings")
                .then().statusCode(200).header("Cache-Control", "no-store").extract().asString();
        assertTrue(html.contains("<td>Currency</td><td>" + config.currency() + "</td><td><code>STORE_CURRENCY</code>"),
                html);
        assertTrue(html.contains("<td>Time zone of dates</td><td>UTC</td>"), "the time zone");
        assertTrue(html.contains("<td>Stripe secret key</td><td>set (not shown)</td>")
                || html.contains("<td>Stripe secret key</td><td>not set</td>"), "whether the secret is set");
        assertTrue(html.contains("Tax in GB</td><td>20.00 %</td>"), "tax rates");
        assertTrue(html.contains("<a href=\"/admin/settings\" aria-current=\"page\">Settings</a>"), "in the navigation");
    }

    @Test
    void anAdminReachesTheAdminHome() {
        String admin = token(config.admin().email(), config.admin().password());
        String html = given().auth().oauth2(admin).when().get("/admin").then().statusCode(200).extract().asString();
        assertTrue(html.contains("Rebuild the search index"));
    }

    /** The customer page's access form, posted as the admin. */
    private static io.restassured.response.Response changeAccess(int id, String access) {
        return given().redirects().follow(false).auth().oauth2(Admins.adminToken()).contentType(ContentType.URLENC)
                .formParam("access", access).when().post("/admin/customers/" + id + "/access");
    }

    private static String token(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
    }

    private static String registeredCustomer() {
        String email = "customer-" + UUID.randomUUID() + "@example.com";
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "correct horse battery staple", "name", "C"))
                .when().post("/api/v1/auth/register").then().statusCode(201);
        return email;
    }

    /** Every resource method whose full path starts with /admin or /api/v1/admin, path parameters set to 1. */
    static List<Route> adminRoutes() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<Route> routes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, AdminAccessTest.class.getClassLoader());
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = verb(method);
                    if (verb == null) {
                        continue;
                    }
                    jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                    String path = ("/" + root.value() + (sub == null ? "" : "/" + sub.value()))
                            .replaceAll("/+", "/").replaceAll("\\{[^}]+}", "1");
                    if (path.length() > 1 && path.endsWith("/")) {
                        path = path.substring(0, path.length() - 1);
                    }
                    if (path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/api/v1/admin")) {
                        RolesAllowed declared = method.isAnnotationPresent(RolesAllowed.class)
                                ? method.getAnnotation(RolesAllowed.class) : type.getAnnotation(RolesAllowed.class);
                        routes.add(new Route(verb, path, declared == null ? Set.of() : Set.of(declared.value())));
                    }
                }
            }
        }
        return routes;
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return method.isAnnotationPresent(PATCH.class) ? "PATCH" : null;
    }
}
