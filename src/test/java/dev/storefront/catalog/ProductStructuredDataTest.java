package dev.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.testing.Admins;

/** A product's name cannot break out of (or swallow the page into) its JSON-LD script element. */
@QuarkusTest
class ProductStructuredDataTest {

    @Test
    void markupInAProductNameStaysInsideTheScriptElement() throws Exception {
        String name = "Widget <!--<script> </script><b>x & y";
        long category = QuarkusTransaction.requiringNew().call(() -> Category.<Category>find("parent is not null")
                .firstResult().id);
        String sku = "LD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = Admins.asAdmin().body(Map.of("name", name, "slug", "ld-" + sku.toLowerCase(), "brand", "Acme",
                "categoryId", category, "active", true, "variants", List.of(Map.of("sku", sku, "price", "5.00"))))
                .when().post("/api/v1/admin/products").then().statusCode(201).extract();
        String slug = created.path("slug");
        int id = created.path("id");
        String html = given().when().get("/p/" + slug).then().statusCode(200).extract().asString();
        Matcher script = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(script.find());
        String json = script.group(1);
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
        assertEquals(name, new ObjectMapper().readTree(json).get("name").asText(), "JSON readers see the name");
        assertTrue(html.contains("class=\"buy-box\""), "the page after the script is still there");
        // other tests count the demo catalog: what this test made, it deletes (never ordered, so it may)
        Admins.asAdmin().when().delete("/api/v1/admin/products/" + id).then().statusCode(204);
    }
}
