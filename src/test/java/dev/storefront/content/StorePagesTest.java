package dev.storefront.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.testing.Admins;
import dev.storefront.testing.FormClient;

/**
 * The store's own pages (shipping, returns, privacy, ...): linked from every footer, readable at
 * {@code /pages/{slug}} and through the API, written by an admin in Markdown that cannot run script in a
 * shopper's browser, and changed in the shop (footer included) as soon as the admin saves.
 */
@QuarkusTest
class StorePagesTest {

    @Inject
    EntityManager entityManager;

    @Inject
    RedisDataSource redis;

    private final String slug = "gift-cards-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeTheTestPages() {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from store_pages where slug like 'gift-cards-%'").executeUpdate());
    }

    @Test
    void theSeededPagesAreInEveryFooterTheSitemapAndTheApi() {
        String home = given().when().get("/").then().statusCode(200).extract().asString();
        String footer = home.substring(home.indexOf("<footer"));
        for (String link : new String[] { "/pages/shipping\">Shipping<", "/pages/returns\">Returns and refunds<",
                "/pages/privacy\">Privacy<", "/pages/terms\">Terms of sale<", "/pages/contact\">Contact<" }) {
            assertTrue(footer.contains(link), "the footer links " + link + ": " + footer);
        }
        given().when().get("/pages/returns").then().statusCode(200)
                .body(containsString("<h1>Returns and refunds</h1>"))
                .body(containsString("<link rel=\"canonical\" href=\"http://localhost:8080/pages/returns\">"));
        given().when().get("/pages/no-such-page").then().statusCode(404);
        given().when().get("/sitemap.xml").then().statusCode(200)
                .body(containsString("<loc>http://localhost:8080/pages/shipping</loc>"));
        given().when().get("/api/v1/pages").then().statusCode(200)
                .body("slug", hasItems("shipping", "returns", "privacy", "terms", "contact"))
                .body("find { it.slug == 'shipping' }.url", equalTo("/pages/shipping"));
        given().when().get("/api/v1/pages/shipping").then().statusCode(200)
                .body("title", equalTo("Shipping"))
                .body("body", containsString("**Standard**"))
                .body("html", containsString("<strong>Standard</strong>"));
        given().when().get("/api/v1/pages/no-such-page").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anAdminWritesAPageInMarkdownAndTheFooterShowsItAtOnceWithoutRunningWhatWasTyped() {
        given().when().get("/").then().statusCode(200).body(not(containsString("/pages/" + slug))); // now cached
        FormClient admin = signedInAdmin();
        admin.open("/admin/pages/new");
        Map<String, String> fields = new HashMap<>(Map.of("title", "Gift cards", "slug", slug, "position", "7",
                "published", "on", "inFooter", "on", "body", """
                        ## How they work

                        Gift cards are **sold in the shop** and [never expire](/pages/terms).

                        <script>alert('stolen')</script>

                        Look: <img src=x onerror="alert(1)">

                        [Click me](javascript:alert(document.cookie))

                        [Or me](data:text/html,<script>alert(4)</script>) and [mail us](mailto:help@example.com)
                        """));
        String location = admin.submit("/admin/pages", fields).then().statusCode(303).extract().header("Location");
        assertTrue(admin.open(location).contains("The page has been saved"));

        String page = given().when().get("/pages/" + slug).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<h2>How they work</h2>"), page);
        assertTrue(page.contains("<strong>sold in the shop</strong>"), page);
        assertTrue(page.contains("<a href=\"/pages/terms\">never expire</a>"), "the shop's own link, followed: " + page);
        assertTrue(page.contains("&lt;script&gt;alert("), "HTML typed is shown as text: " + page);
        assertTrue(page.contains(">Click me</a>"), "the link's words stay: " + page);
        assertFalse(page.contains("<script>alert"), "and never run");
        assertFalse(page.contains("<img src=\"x\"") || page.contains("<img src=x"), "no element from raw HTML");
        assertFalse(page.contains("href=\"javascript:"), "a javascript: link is dropped");
        assertFalse(page.contains("href=\"data:"), "and so is a data: one: " + page);
        assertTrue(page.contains("href=\"mailto:help@example.com\""), "mail links stay");
        String footer = given().when().get("/").then().statusCode(200).extract().asString();
        assertTrue(footer.contains("<a href=\"/pages/" + slug + "\">Gift cards</a>"), "the cached home page's footer");
        given().auth().oauth2(Admins.adminToken()).when().get("/admin/audit?target=" + slug).then().statusCode(200)
                .body(containsString("page.create"));

        // switched to a draft: gone from the shop and its footer at once, still in the admin's list
        long id = Long.parseLong(location.replaceAll(".*/admin/pages/(\\d+).*", "$1"));
        fields.remove("published");
        admin.submit("/admin/pages/" + id, fields).then().statusCode(303);
        given().when().get("/pages/" + slug).then().statusCode(404);
        given().when().get("/").then().statusCode(200).body(not(containsString("/pages/" + slug)));
        assertTrue(admin.open("/admin/pages").contains("Draft"));
    }

    @Test
    void aBadPageIsRefusedBesideItsFieldsKeepingWhatWasTypedAndDeletingAsksFirst() {
        FormClient admin = signedInAdmin();
        admin.open("/admin/pages/new");
        String refused = admin.submit("/admin/pages", Map.of("title", "Gift cards", "slug", "shipping",
                "body", "Typed with care", "position", "3", "published", "on")).then().statusCode(400).extract()
                .asString();
        assertTrue(refused.contains("id=\"slug\" type=\"text\" name=\"slug\" value=\"shipping\""), refused);
        assertTrue(refused.contains("aria-invalid=\"true\" aria-describedby=\"slug-error\" autofocus"), refused);
        assertTrue(refused.contains("id=\"slug-error\" role=\"alert\">Address is the address of another page"));
        assertTrue(refused.contains(">Typed with care</textarea>"), "the text typed is kept");
        admin.submit("/admin/pages", Map.of("title", "", "slug", "Not A Slug!", "body", "x", "position", "-4"))
                .then().statusCode(400).body(containsString("Position must be a whole number from 0 to 1000"));
        admin.submit("/admin/pages", Map.of("title", "", "slug", "Not A Slug!", "body", "x", "position", "4"))
                .then().statusCode(400).body(containsString("Title is required"))
                .body(containsString("Address must be 1-80 lowercase letters"));
        admin.submit("/admin/pages", Map.of("title", "Huge", "slug", slug, "body", "x".repeat(50_001)))
                .then().statusCode(400).body(containsString("Text at most 50000 characters"));
        assertEquals(0, pages(slug));
        String longTitle = "Everything you need to know about delivery times, carriers, tracking and international"
                + " customs fees";
        String made = admin.submit("/admin/pages", Map.of("title", longTitle, "slug", "", "body", "x")).then()
                .statusCode(303).extract().header("Location");
        String madeId = made.replaceAll(".*/admin/pages/(\\d+).*", "$1");
        assertTrue(admin.open("/admin/pages/" + madeId).contains("value=\"everything-you-need-to-know-about-delivery"
                + "-times-carriers-tracking-and\""), "an address made from a long title is cut at a word");
        admin.submit("/admin/pages/" + madeId, Map.of("title", "T".repeat(121), "slug", "x-" + slug, "body", "x",
                "position", "x")).then().statusCode(400).body(containsString("Title is required, at most 120"))
                .body(containsString("Position must be a whole number"));
        admin.submit("/admin/pages/" + madeId + "/delete", Map.of("confirm", "yes")).then().statusCode(303);

        String location = admin.submit("/admin/pages", Map.of("title", "Gift cards", "slug", slug, "body", "Soon",
                "published", "on")).then().statusCode(303).extract().header("Location");
        String id = location.replaceAll(".*/admin/pages/(\\d+).*", "$1");
        assertTrue(admin.open("/admin/pages/" + id + "/delete").contains("will be gone from the shop"));
        admin.submit("/admin/pages/" + id + "/delete", Map.of()).then().statusCode(400)
                .body(containsString("Tick the box to confirm"));
        assertEquals(1, pages(slug), "nothing is deleted without the confirmation");
        admin.submit("/admin/pages/" + id + "/delete", Map.of("confirm", "yes")).then().statusCode(303);
        assertEquals(0, pages(slug));
        given().when().get("/pages/" + slug).then().statusCode(404);
        given().redirects().follow(false).when().get("/admin/pages").then().statusCode(303); // signed out: to login
    }

    private long pages(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from store_pages where slug = ?1").setParameter(1, slug)
                .getSingleResult()).longValue());
    }

    private FormClient signedInAdmin() {
        FormClient.forgetFailedSignIns(redis);
        FormClient browser = new FormClient();
        browser.open("/login");
        browser.submit("/login", Map.of("email", "admin@storefront.test", "password", "demo-admin-password"))
                .then().statusCode(303);
        return browser;
    }
}
