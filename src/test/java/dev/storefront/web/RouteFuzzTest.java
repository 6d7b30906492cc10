package dev.storefront.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.storefront.testing.Admins;
import dev.storefront.testing.FormClient;
import dev.storefront.testing.LogCapture;

/**
 * A fuzzer over every route the store declares (its OpenAPI document lists the JSON API and the pages
 * alike): each path parameter, query parameter and body field gets a NUL byte, an over-long value and a
 * value of the wrong type; bodies come deeply nested, cut short, as a bare value, as broken multipart and
 * under a content type the route does not take; and every state-changing route is tried with the admin's
 * browser cookie and no CSRF token, or somebody else's, under each content type. No answer may be a 5xx,
 * nothing may reach the log with a stack trace, and a refused request changes nothing in the database.
 */
@QuarkusTest
class RouteFuzzTest {

    private static final String NUL = "\u0000";
    /** What path parameters are filled with when another one is being fuzzed: an id, SKU or slug of nothing. */
    private static final String NOTHING = "999999999";
    private static final String LONG = "x".repeat(20_000);
    private static final String DEEP_JSON = "[".repeat(5_000) + "]".repeat(5_000);
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** Routes whose success ends the caller's own session: a fresh token is signed for what follows. */
    private static final List<String> SESSION_ENDING = List.of("logout", "revoke", "sessions");

    /** Fields tried on forms whose description lists none (an admin form read as a map). */
    private static final List<String> COMMON_FIELDS = List.of("name", "slug", "description", "brand", "price", "sku",
            "quantity", "delta", "onHand", "reason", "amount", "email", "password", "parentId", "categoryId",
            "position", "carrier", "trackingNumber", "active", "variants[0].price");

    /** Query parameters that listings and searches read without declaring them one by one. */
    private static final List<String> LISTING_PARAMETERS = List.of("q", "page", "size", "sort", "category", "brand",
            "colour", "size", "minPrice", "maxPrice", "inStock", "variant");

    /** Routes that take no input at all and whose success rebuilds the search index: nothing to fuzz. */
    private static final List<String> NOT_FUZZED = List.of("/admin/search/reindex", "/api/v1/admin/search/reindex");

    /** Values that are the wrong thing wherever they are put. */
    private static final List<Object> BAD_VALUES = List.of(NUL, "a" + NUL + "b", LONG, "-1", "1.5", "abc",
            "99999999999999999999999", "%ZZ", "../../etc/passwd", "<script>alert(1)</script>", "' or 1=1 --");

    /** The same, typed as JSON would carry them where a string or a number is expected. */
    private static final List<Object> BAD_JSON_VALUES = List.of("a" + NUL + "b", LONG, -1, 1.5, true,
            List.of(), Map.of("x", 1), "99999999999999999999999", new java.math.BigInteger("9".repeat(400)));

    @Inject
    EntityManager entityManager;

    @Inject
    RedisDataSource redis;

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> fiveHundreds = new ArrayList<>();
    private final List<String> changedWhenRefused = new ArrayList<>();
    private String adminToken;
    private int requests;

    /** The highest product, category and user ids before the test: what a garbage request that was accepted made. */
    private Object[] lastIds;

    @BeforeEach
    void signIn() {
        FormClient.forgetFailedSignIns(redis);
        adminToken = Admins.adminToken();
        lastIds = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select (select coalesce(max(id), 0) from products), (select coalesce(max(id), 0) from categories),"
                        + " (select coalesce(max(id), 0) from users)").getSingleResult());
    }

    @AfterEach
    void removeWhatWasMade() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from inventory_movements where variant_id in"
                    + " (select v.id from variants v where v.product_id > ?1)").setParameter(1, lastIds[0]).executeUpdate();
            entityManager.createNativeQuery("delete from products where id > ?1").setParameter(1, lastIds[0])
                    .executeUpdate();
            // categories made under one another: the leaves first
            while (entityManager.createNativeQuery("delete from categories c where c.id > ?1 and not exists"
                    + " (select 1 from categories child where child.parent_id = c.id)").setParameter(1, lastIds[1])
                    .executeUpdate() > 0) {
                // again, one level up
            }
            entityManager.createNativeQuery("delete from users where id > ?1").setParameter(1, lastIds[2])
                    .executeUpdate();
        });
    }

    @Test
    void noRouteAnswers5xxToGarbageAndNoRefusalChangesAnything() throws Exception {
        JsonNode document = json.readTree(given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        JsonNode schemas = document.path("components").path("schemas");
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> METHODS.forEach(method -> {
            JsonNode operation = path.getValue().get(method);
            if (operation != null && !path.getKey().startsWith("/q/") && !NOT_FUZZED.contains(path.getKey())) {
                operations.add(new Operation(method, path.getKey(), operation, schemas));
            }
        }));
        assertTrue(operations.size() > 60, "the document lists the store's routes: " + operations.size());
        assertTrue(operations.stream().anyMatch(o -> o.path.equals("/checkout")), "pages are in it too");

        try (LogCapture log = LogCapture.start()) {
            for (Operation operation : operations) {
                fuzz(operation);
            }
            assertEquals(List.of(), fiveHundreds, "answers of 5xx (" + requests + " requests)");
            assertEquals(List.of(), changedWhenRefused, "refused requests that changed the database");
            assertEquals(List.of(), log.withStackTraces().stream()
                    .map(r -> r.getLoggerName() + ": " + r.getMessage()).distinct().toList(),
                    "stack traces in the log");
        }
    }

    @Test
    void everyStateChangingRouteRefusesTheCookieWithoutTheToken() {
        FormClient admin = new FormClient();
        admin.open("/login");
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        admin.submit("/login", Map.of("email", config.getValue("storefront.admin.email", String.class),
                "password", config.getValue("storefront.admin.password", String.class))).then().statusCode(303);
        JsonNode document;
        try {
            document = json.readTree(given().when().get("/q/openapi?format=json").then().extract().asString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        List<String> notRefused = new ArrayList<>();
        int tried = 0;
        try (LogCapture log = LogCapture.start()) {
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (String method : List.of("post", "put", "patch", "delete")) {
                    if (path.getValue().get(method) == null || path.getKey().startsWith("/q/")
                            || path.getKey().startsWith("/webhooks/")) {
                        continue; // Stripe's webhook is signed by Stripe, not by a browser
                    }
                    String url = concrete(path.getKey());
                    for (String[] body : new String[][] { { null, null },
                            { "application/x-www-form-urlencoded", "csrf=forged-token-of-someone-else&a=b" },
                            { "application/json", "{}" }, { "text/plain", "x" },
                            { "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nforged\r\n--b--\r\n" } }) {
                        String fingerprint = fingerprint();
                        RequestSpecification request = admin.request().config(raw());
                        if (body[0] != null) {
                            request.contentType(body[0]).body(body[1].getBytes(StandardCharsets.UTF_8));
                        }
                        int status = request.when().request(method.toUpperCase(), url).statusCode();
                        tried++;
                        if (status != 403 && status != 401 && status != 415) { // 415: no resource takes it
                            notRefused.add(method.toUpperCase() + " " + url + " (" + body[0] + "): " + status);
                        }
                        if (!fingerprint.equals(fingerprint())) {
                            changedWhenRefused.add(method.toUpperCase() + " " + url + " (" + body[0] + ")");
                        }
                    }
                }
            }
            assertTrue(tried > 100, "state-changing routes tried: " + tried);
            assertEquals(List.of(), notRefused, "answered without the CSRF token");
            assertEquals(List.of(), changedWhenRefused, "changed the database without the CSRF token");
            assertEquals(List.of(), log.withStackTraces().stream().map(r -> r.getMessage()).distinct().toList());
        }
    }

    private void fuzz(Operation operation) {
        String method = operation.method.toUpperCase();
        // path parameters: each bad value in each
        for (String parameter : operation.pathParameters) {
            for (Object value : BAD_VALUES) {
                send(operation, method, concrete(operation.path, parameter, value.toString(), NOTHING), Map.of(),
                        operation.validBodyOrNone());
            }
        }
        String url = concrete(operation.path);
        // query parameters: each bad value in each, the others left out
        List<String> parameters = new ArrayList<>(operation.queryParameters);
        if (operation.method.equals("get") && (operation.path.startsWith("/search") || operation.path.startsWith("/c/")
                || operation.path.startsWith("/api/v1/products") || operation.path.startsWith("/api/v1/search"))) {
            parameters.addAll(LISTING_PARAMETERS);
        }
        for (String parameter : parameters.stream().distinct().toList()) {
            for (Object value : BAD_VALUES) {
                send(operation, method, url, Map.of(parameter, value.toString()), operation.validBodyOrNone());
            }
        }
        if (operation.method.equals("get") || operation.method.equals("delete")) {
            return;
        }
        // bodies: what each declared content type gets wrong
        for (String contentType : operation.contentTypes) {
            if (contentType.contains("json")) {
                for (String field : operation.fields) {
                    for (Object value : BAD_JSON_VALUES) {
                        Map<String, Object> body = new LinkedHashMap<>(operation.plausibleJson());
                        body.put(field, value);
                        send(operation, method, url, Map.of(), () -> new Body(contentType, jsonText(body)));
                    }
                }
                for (String broken : List.of(DEEP_JSON, "{\"a\":" + DEEP_JSON + "}", "{\"a\":", "\"text\"", "[]",
                        "null", "{\"a\":1,\"a\":2}", "{\"a\":\"" + NUL + "\"}", "\u0000", "")) {
                    send(operation, method, url, Map.of(), () -> new Body(contentType, broken));
                }
            } else if (contentType.contains("x-www-form-urlencoded")) {
                for (String field : operation.fields.isEmpty() ? COMMON_FIELDS : operation.fields) {
                    for (Object value : BAD_VALUES) {
                        send(operation, method, url, Map.of(), () -> new Body(contentType,
                                field + "=" + java.net.URLEncoder.encode(value.toString(), StandardCharsets.UTF_8)));
                    }
                }
                for (String broken : List.of("%", "a=%ZZ", "=&=&", "a=%00", "a=" + LONG)) {
                    send(operation, method, url, Map.of(), () -> new Body(contentType, broken));
                }
            } else if (contentType.contains("multipart")) {
                for (String broken : List.of("not multipart at all", "--b\r\nContent-Disposition: form-data\r\n\r\n",
                        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nx\r\n--c--",
                        "--b--")) {
                    send(operation, method, url, Map.of(), () -> new Body("multipart/form-data; boundary=b", broken));
                }
                send(operation, method, url, Map.of(), () -> new Body("multipart/form-data", "--b\r\n\r\n"));
            }
        }
        // a content type the route does not take
        for (String wrong : List.of("text/plain", "application/xml", "application/json", "image/png")) {
            if (!operation.contentTypes.contains(wrong)) {
                send(operation, method, url, Map.of(), () -> new Body(wrong, "<a>\u0000</a>"));
            }
        }
    }

    private record Body(String contentType, String text) {
    }

    /** Sends one request as the admin (bearer: no CSRF token needed) and records what went wrong. */
    private void send(Operation operation, String method, String url, Map<String, String> query,
            Supplier<Body> body) {
        boolean changes = !method.equals("GET");
        String before = changes ? fingerprint() : null;
        RequestSpecification request = given().config(raw()).auth().oauth2(adminToken).redirects().follow(false)
                .urlEncodingEnabled(false);
        query.forEach((name, value) -> request.queryParam(name,
                java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        Body sent = body == null ? null : body.get();
        if (sent != null) {
            request.contentType(sent.contentType()).body(sent.text().getBytes(StandardCharsets.UTF_8));
        }
        Response response = request.when().request(method, url);
        requests++;
        String what = method + " " + url + (query.isEmpty() ? "" : " " + query.keySet()) + (sent == null ? ""
                : " [" + sent.contentType() + "] " + abbreviate(sent.text()));
        if (response.statusCode() >= 500) {
            fiveHundreds.add(response.statusCode() + " " + abbreviate(what));
        }
        if (changes && response.statusCode() >= 400 && !before.equals(fingerprint())) {
            changedWhenRefused.add(response.statusCode() + " " + abbreviate(what));
        }
        if (response.statusCode() < 400 && SESSION_ENDING.stream().anyMatch(operation.path::contains)) {
            adminToken = Admins.adminToken();
        }
    }

    /**
     * What a refused request must not change: the catalog, stock, orders and payments, accounts and their
     * addresses, carts and the email outbox (the audit log and sign-in counters are meant to change).
     */
    private String fingerprint() {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(entityManager.createNativeQuery("""
                select concat_ws('|',
                  (select count(*) || ':' || coalesce(sum(hashtext(name || slug || active::text || coalesce(description, ''))), 0) from products),
                  (select count(*) || ':' || coalesce(sum(price_amount), 0) || ':' || coalesce(sum(hashtext(sku || active::text)), 0) from variants),
                  (select coalesce(sum(on_hand), 0) || ':' || coalesce(sum(reserved), 0) from stock_levels),
                  (select count(*) || ':' || coalesce(sum(hashtext(name || slug)), 0) from categories),
                  (select count(*) || ':' || coalesce(sum(hashtext(status)), 0) from orders),
                  (select count(*) from payments), (select count(*) from refunds),
                  (select count(*) || ':' || coalesce(sum(hashtext(email || name || enabled::text || password_hash)), 0) from users),
                  (select count(*) from addresses), (select count(*) from carts), (select count(*) from cart_lines),
                  (select count(*) from outbox_emails))""").getSingleResult()));
    }

    /** Bodies go out byte for byte, whatever they claim to be (RestAssured would build or refuse some). */
    private static RestAssuredConfig raw() {
        EncoderConfig encoder = EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false);
        for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain",
                "application/xml", "image/png", "application/json", "text/csv", "*/*")) {
            encoder = encoder.encodeContentTypeAs(type, io.restassured.http.ContentType.BINARY);
        }
        return RestAssuredConfig.config().encoderConfig(encoder);
    }

    /** The path with every {parameter} filled: {@code named} with {@code value}, the others with {@code other}. */
    private static String concrete(String path, String named, String value, String other) {
        StringBuilder url = new StringBuilder();
        java.util.regex.Matcher parameter = java.util.regex.Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(path);
        int from = 0;
        while (parameter.find()) {
            url.append(path, from, parameter.start());
            String filled = parameter.group(1).equals(named) ? value : other;
            url.append(java.net.URLEncoder.encode(filled, StandardCharsets.UTF_8).replace("+", "%20"));
            from = parameter.end();
        }
        return url.append(path.substring(from)).toString();
    }

    /** The path with every {parameter} naming nothing that exists (the admin must not disable themselves). */
    private static String concrete(String path) {
        return concrete(path, "", "", NOTHING);
    }

    private String jsonText(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String abbreviate(String text) {
        String shown = text.replace(NUL, "\\0");
        return shown.length() > 120 ? shown.substring(0, 120) + "…(" + shown.length() + ")" : shown;
    }

    /** One method of one path, with what its description says it takes. */
    private final class Operation {
        final String method;
        final String path;
        final List<String> pathParameters = new ArrayList<>();
        final List<String> queryParameters = new ArrayList<>();
        final List<String> contentTypes = new ArrayList<>();
        final List<String> fields = new ArrayList<>();
        private final Map<String, Object> plausible = new LinkedHashMap<>();

        Operation(String method, String path, JsonNode operation, JsonNode schemas) {
            this.method = method;
            this.path = path;
            for (JsonNode parameter : operation.path("parameters")) {
                String in = parameter.path("in").asText();
                if (in.equals("path")) {
                    pathParameters.add(parameter.path("name").asText());
                } else if (in.equals("query")) {
                    queryParameters.add(parameter.path("name").asText());
                }
            }
            operation.path("requestBody").path("content").fields().forEachRemaining(content -> {
                contentTypes.add(content.getKey());
                JsonNode schema = resolve(content.getValue().path("schema"), schemas);
                schema.path("properties").fields().forEachRemaining(property -> {
                    fields.add(property.getKey());
                    plausible.put(property.getKey(), plausibleValue(resolve(property.getValue(), schemas)));
                });
            });
        }

        Map<String, Object> plausibleJson() {
            return plausible;
        }

        /** A well-formed body for routes that take one, so that a bad parameter is what gets looked at. */
        Supplier<Body> validBodyOrNone() {
            if (contentTypes.stream().anyMatch(type -> type.contains("json"))) {
                return () -> new Body("application/json", jsonText(plausible));
            }
            return null;
        }

        private Object plausibleValue(JsonNode schema) {
            return switch (schema.path("type").asText()) {
                case "integer", "number" -> 1;
                case "boolean" -> true;
                case "array" -> List.of();
                case "object" -> Map.of();
                default -> "plausible";
            };
        }

        private JsonNode resolve(JsonNode schema, JsonNode schemas) {
            String ref = schema.path("$ref").asText("");
            if (ref.startsWith("#/components/schemas/")) {
                return schemas.path(ref.substring("#/components/schemas/".length()));
            }
            JsonNode allOf = schema.path("allOf");
            if (allOf.isArray() && allOf.size() > 0) {
                return resolve(allOf.get(0), schemas);
            }
            return schema;
        }
    }
}
