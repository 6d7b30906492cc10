package dev.storefront.promotion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import dev.storefront.order.Order;
import dev.storefront.payment.PaymentConfirmation;
import dev.storefront.testing.Admins;
import dev.storefront.testing.Carts;
import dev.storefront.testing.Checkouts;
import dev.storefront.testing.Mailbox;
import dev.storefront.testing.TestSkus;

/**
 * Discount codes through the API as shoppers and integrations use them: applied to a cart (and refused with the
 * reason), priced at checkout from the promotion as it is then, on the order, its email and its uses; usage
 * limits under 200 concurrent checkouts; uses given back by cancelled unpaid orders.
 */
@QuarkusTest
class PromotionsTest {

    @Inject
    EntityManager entityManager;

    @Inject
    PaymentConfirmation confirmation;

    @Test
    void aCategoryCodeWithAMinimumIsRefusedBelowItThenDiscountsTheOrderItsEmailAndItsTax() {
        TestSkus.Sku sku = TestSkus.withStock(3);
        long unit = unitPrice(sku.sku());
        String category = categoryOf(sku.sku());
        String code = "CAT15-" + suffix();
        JsonPath promotion = Admins.asAdmin().body(promotion("Category fifteen", code, Map.of("kind", "PERCENT_OFF",
                "percentOff", "15", "appliesTo", "CATEGORIES", "targets", List.of(category),
                "minSubtotal", decimal(unit + 1)))).when().post("/api/v1/admin/promotions").then().statusCode(201)
                .body("code", equalTo(code)).body("percentOff", equalTo("15")).extract().jsonPath();

        String cart = Carts.newCart();
        Carts.add(cart, sku.sku(), 1).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("code", code.toLowerCase())).when()
                .post("/api/v1/carts/" + cart + "/discount-codes").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The code " + code + " needs " + dollars(unit + 1)
                        + " of eligible items: add $0.01 more."));
        given().when().get("/api/v1/carts/" + cart).then().body("codes.size()", equalTo(0)); // nothing kept

        given().contentType(ContentType.JSON).body(Map.of("quantity", 2)).when()
                .patch("/api/v1/carts/" + cart + "/items/" + sku.sku()).then().statusCode(200);
        long expected = halfEven(2 * unit * 15, 100);
        given().contentType(ContentType.JSON).body(Map.of("code", " " + code.toLowerCase() + " ")).when()
                .post("/api/v1/carts/" + cart + "/discount-codes").then().statusCode(200)
                .body("codes", equalTo(List.of(code)))
                .body("discounts[0].name", equalTo("Category fifteen"))
                .body("discount.amount", equalTo((int) expected))
                .body("total.amount", equalTo((int) (2 * unit - expected)));

        String email = "buyer-" + suffix() + "@example.com";
        Map<String, Object> body = Checkouts.body(cart, email);
        body.put("shippingAddress", new HashMap<>(Map.of("name", "Aoife Byrne", "line1", "1 Grafton Street",
                "city", "Dublin", "postalCode", "D02 X285", "country", "IE")));
        JsonPath placed = Checkouts.place(body, "10.9.0.1").then().statusCode(201).extract().jsonPath();
        JsonPath order = given().when().get("/api/v1" + placed.getString("orderUrl")).then().statusCode(200)
                .extract().jsonPath();
        long subtotal = order.getLong("subtotal.amount");
        long shipping = order.getLong("shipping.amount");
        assertEquals(expected, order.getLong("discount.amount"));
        assertEquals("Category fifteen (" + code + ")", order.getString("discountLabel"));
        assertEquals(expected, order.getLong("lines[0].discount.amount"), "the line says what it was given");
        assertEquals(halfUp((subtotal + shipping - expected) * 23, 100), order.getLong("tax.amount"),
                "Irish VAT on the discounted amount");
        assertEquals(subtotal + shipping - expected + order.getLong("tax.amount"), order.getLong("total.amount"));

        long orderId = QuarkusTransaction.requiringNew().call(() -> Order.findByNumber(placed.getString(
                "orderNumber")).orElseThrow().id);
        confirmation.paymentSucceeded(orderId, "test");
        MimeMessage mail = Mailbox.await(Mailbox.to(email)).get(0);
        String text = GreenMailUtil.getBody(mail);
        assertTrue(text.contains("Category fifteen (" + code + ")") && text.contains(dollars(expected)),
                "the confirmation names the discount: " + text);
        given().auth().oauth2(Admins.adminToken()).when().get(placed.getString("orderUrl")).then().statusCode(200)
                .body(containsString("Discount: Category fifteen (" + code + ")"))
                .body(containsString("−" + dollars(expected)));
        Admins.asAdmin().when().get("/api/v1/admin/promotions/" + promotion.getLong("id")).then().statusCode(200)
                .body("uses", equalTo(1)).body("paidOrders", equalTo(1))
                .body("discountGiven.amount", equalTo((int) expected))
                .body("revenue.amount", equalTo((int) order.getLong("total.amount")));
        given().auth().oauth2(Admins.adminToken()).when().get("/admin/audit?target=" + code).then()
                .body(containsString("promotion.create"));
    }

    @Test
    void twoHundredConcurrentCheckoutsWithACodeForTenUsesGiveExactlyTenDiscountedOrders() throws Exception {
        TestSkus.Sku sku = TestSkus.unreserved();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update stock_levels set on_hand = on_hand + 400 where variant_id = ?1")
                .setParameter(1, sku.variantId()).executeUpdate());
        String code = "TEN-" + suffix();
        long id = Admins.asAdmin().body(promotion("Ten only", code, Map.of("kind", "AMOUNT_OFF", "amountOff", "1.00",
                "usageLimit", 10))).when().post("/api/v1/admin/promotions").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String cart = Carts.newCart();
            Carts.add(cart, sku.sku(), 1).then().statusCode(200);
            given().contentType(ContentType.JSON).body(Map.of("code", code)).when()
                    .post("/api/v1/carts/" + cart + "/discount-codes").then().statusCode(200);
            carts.add(cart);
        }
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<String> discounted = new ArrayList<>();
        int refused = 0;
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < carts.size(); i++) {
                String cart = carts.get(i);
                String client = "10.20." + (i / 200) + "." + (i % 200 + 1);
                answers.add(pool.submit(() -> Checkouts.place(Checkouts.body(cart, "many-" + cart.substring(0, 8)
                        + "@example.com"), client)));
            }
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                if (response.statusCode() == 201) {
                    discounted.add(response.jsonPath().getString("orderNumber"));
                } else {
                    assertEquals(409, response.statusCode(), response.asString());
                    // seen used up when checked, or taken by another order at the last moment
                    assertTrue(response.jsonPath().getString("detail").matches("The code \\S+ has (just )?been used"
                            + " up\\..*"), response.asString());
                    refused++;
                }
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(10, discounted.size(), "exactly the ten uses allowed");
        assertEquals(190, refused, "and a clear refusal for everyone else, with nothing placed");
        for (String number : discounted) {
            Order order = QuarkusTransaction.requiringNew().call(() -> Order.findByNumber(number).orElseThrow());
            assertEquals(100, order.discountAmount, "each of the ten has its dollar off");
        }
        assertEquals(10, uses(id));
        assertEquals(10L, count("select count(*) from order_discounts where promotion_id = " + id
                + " and released_at is null"));

        // a declined (cancelled unpaid) order gives its use back: the next shopper gets it
        long first = QuarkusTransaction.requiringNew().call(() -> Order.findByNumber(discounted.get(0)).orElseThrow().id);
        confirmation.cancel(first, "payment declined", "test");
        assertEquals(9, uses(id));
        String late = Carts.newCart();
        Carts.add(late, sku.sku(), 1).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("code", code)).when()
                .post("/api/v1/carts/" + late + "/discount-codes").then().statusCode(200);
        Checkouts.place(Checkouts.body(late, "late@example.com"), "10.21.0.1").then().statusCode(201);
        assertEquals(10, uses(id));
        for (String number : discounted) { // leave the stock as it was found
            confirmation.cancel(QuarkusTransaction.requiringNew().call(() -> Order.findByNumber(number).orElseThrow().id),
                    "test over", "test");
        }
    }

    @Test
    void aPromotionEndedBetweenCartAndCheckoutIsCheckedAgainAndTheShopperToldTheNewTotal() {
        TestSkus.Sku sku = TestSkus.withStock(2);
        String code = "ENDING-" + suffix();
        long id = Admins.asAdmin().body(promotion("Ending soon", code, Map.of("kind", "PERCENT_OFF", "percentOff",
                "10"))).when().post("/api/v1/admin/promotions").then().statusCode(201).extract().jsonPath().getLong("id");
        String cart = Carts.newCart();
        Carts.add(cart, sku.sku(), 1).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("code", code)).when()
                .post("/api/v1/carts/" + cart + "/discount-codes").then().statusCode(200);

        Admins.asAdmin().body(Map.of("status", "ENDED")).when().put("/api/v1/admin/promotions/" + id).then()
                .statusCode(200).body("status", equalTo("ENDED"));
        given().when().get("/api/v1/carts/" + cart).then().body("discounts.size()", equalTo(0))
                .body("codeProblems", equalTo(List.of("The code " + code + " has expired.")));
        Checkouts.place(Checkouts.body(cart, "late-" + suffix() + "@example.com"), "10.22.0.1").then()
                .statusCode(409).body("detail", containsString("The code " + code + " has expired."))
                .body("detail", containsString("took it off your cart"));
        given().when().get("/api/v1/carts/" + cart).then().body("codes.size()", equalTo(0));
        Checkouts.place(Checkouts.body(cart, "late-" + suffix() + "@example.com"), "10.22.0.1").then()
                .statusCode(201);
        assertEquals(0, uses(id), "an ended promotion gives nothing and counts nothing");
    }

    @Test
    void refusalsSayWhyAndAutomaticPromotionsNeedNoCode() {
        TestSkus.Sku sku = TestSkus.withStock(2);
        String cart = Carts.newCart();
        String code = "SOON-" + suffix();
        Admins.asAdmin().body(promotion("Soon", code, Map.of("kind", "PERCENT_OFF", "percentOff", "10"))).when()
                .post("/api/v1/admin/promotions").then().statusCode(201);
        refused(cart, code, "Add something to your cart first");
        Carts.add(cart, sku.sku(), 1).then().statusCode(200);
        refused(cart, "NO-SUCH-" + suffix(), "We don't know the code NO-SUCH-");
        refused(cart, "", "Enter a discount code.");
        given().contentType(ContentType.JSON).body("{\"code\":\"x\\u0000y\"}").when()
                .post("/api/v1/carts/" + cart + "/discount-codes").then().statusCode(400);
        refused(cart, "<script>", "We don't know the code <script>.");
        String later = "LATER-" + suffix();
        Admins.asAdmin().body(promotion("Later", later, Map.of("kind", "PERCENT_OFF", "percentOff", "10",
                "startsAt", "2099-01-01T00:00:00Z"))).when().post("/api/v1/admin/promotions").then().statusCode(201);
        refused(cart, later, "The code " + later + " starts on 1 Jan 2099.");
        String members = "MEMBERS-" + suffix();
        Admins.asAdmin().body(promotion("Members", members, Map.of("kind", "PERCENT_OFF", "percentOff", "10",
                "signedInOnly", true))).when().post("/api/v1/admin/promotions").then().statusCode(201);
        refused(cart, members, "Sign in to use the code " + members + ".");
        given().when().delete("/api/v1/carts/" + cart + "/discount-codes/" + members).then().statusCode(404);

        // an automatic free-shipping promotion: at checkout, without a code
        long automatic = Admins.asAdmin().body(Map.of("name", "Free shipping week " + suffix(), "automatic", true,
                "kind", "FREE_SHIPPING")).when().post("/api/v1/admin/promotions").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        try {
            Map<String, Object> body = Checkouts.body(cart, "auto-" + suffix() + "@example.com");
            body.put("shippingMethod", "express"); // never free by itself, whatever the SKU costs
            JsonPath placed = Checkouts.place(body, "10.23.0.1").then().statusCode(201).extract().jsonPath();
            JsonPath order = given().when().get("/api/v1" + placed.getString("orderUrl")).then().extract().jsonPath();
            assertEquals(1499, order.getLong("shipping.amount"));
            assertEquals(1499, order.getLong("discount.amount"), "the shipping given");
            assertTrue(order.getString("discountLabel").startsWith("Free shipping week"));
        } finally {
            Admins.asAdmin().body(Map.of("status", "ENDED")).when().put("/api/v1/admin/promotions/" + automatic)
                    .then().statusCode(200);
        }
    }

    @Test
    void anAutomaticPromotionShowsOnCartsAsSoonAsItIsMadeAndGoesAsSoonAsItEnds() {
        TestSkus.Sku sku = TestSkus.withStock(2);
        String cart = Carts.newCart();
        Carts.add(cart, sku.sku(), 1).then().statusCode(200);
        // a view while no automatic promotion runs: the store goes on knowing that for a few seconds
        given().when().get("/api/v1/carts/" + cart).then().body("discounts.size()", equalTo(0));
        String name = "Autumn days " + suffix();
        long id = Admins.asAdmin().body(Map.of("name", name, "automatic", true, "kind", "PERCENT_OFF",
                "percentOff", "10")).when().post("/api/v1/admin/promotions").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        try {
            given().when().get("/api/v1/carts/" + cart).then().body("discounts[0].name", equalTo(name));
        } finally {
            Admins.asAdmin().body(Map.of("status", "ENDED")).when().put("/api/v1/admin/promotions/" + id)
                    .then().statusCode(200);
        }
        given().when().get("/api/v1/carts/" + cart).then().body("discounts.size()", equalTo(0));
    }

    @Test
    void aCodeForOneUsePerCustomerIsRefusedToAGuestsSecondOrderByEmailAndWorksFromTheCheckoutForm() {
        TestSkus.Sku sku = TestSkus.withStock(2);
        String code = "ONCE-" + suffix();
        Admins.asAdmin().body(promotion("Once each", code, Map.of("kind", "AMOUNT_OFF", "amountOff", "2.00",
                "perCustomerLimit", 1))).when().post("/api/v1/admin/promotions").then().statusCode(201);
        String email = "Once-" + suffix() + "@Example.com";

        // the first order through the pages: the code typed in the checkout's summary, applied there
        dev.storefront.testing.FormClient shopper = new dev.storefront.testing.FormClient();
        shopper.open("/p/" + sku.productSlug());
        shopper.submit("/cart/items", Map.of("sku", sku.sku(), "quantity", "1")).then().statusCode(303);
        shopper.open("/checkout");
        Map<String, String> typed = new HashMap<>(Map.of("email", email, "name", "Ada Lovelace", "line1",
                "12 Analytical Way", "city", "Springfield", "region", "IL", "postalCode", "62701", "country", "US",
                "shippingMethod", "standard"));
        typed.put("code", "NOPE-" + suffix());
        String refusedPage = shopper.submit("/checkout/discount-codes", typed).then().statusCode(400).extract()
                .asString();
        assertTrue(refusedPage.contains("id=\"discount-code-error\" role=\"alert\">We don&#39;t know the code NOPE-")
                && refusedPage.contains("value=\"12 Analytical Way\""), "refused beside the field, on checkout,"
                        + " with what was typed kept");
        typed.put("code", code.toLowerCase());
        String checkout = shopper.submit("/checkout/discount-codes", typed).then().statusCode(200).extract()
                .asString();
        assertTrue(checkout.contains("value=\"" + email + "\""), "the email typed is kept");
        assertTrue(checkout.contains("<dt class=\"discount\">Once each (" + code + ")</dt><dd class=\"discount\">−$2.00</dd>"),
                "the discount in the order summary before paying");
        shopper.submit("/checkout", Map.of("email", email, "name", "Ada Lovelace", "line1", "12 Analytical Way",
                "city", "Springfield", "region", "IL", "postalCode", "62701", "country", "US",
                "shippingMethod", "standard")).then().statusCode(303);

        // the second, as a guest with the same email in other letters: refused at checkout, nothing placed
        String second = Carts.newCart();
        Carts.add(second, sku.sku(), 1).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("code", code)).when()
                .post("/api/v1/carts/" + second + "/discount-codes").then().statusCode(200);
        Checkouts.place(Checkouts.body(second, email.toLowerCase()), "10.25.0.1").then().statusCode(409)
                .body("detail", containsString("You have already used the code " + code + "."));
        Checkouts.place(Checkouts.body(second, email.toLowerCase()), "10.25.0.1").then().statusCode(201);
    }

    @Test
    void theAdminApiChecksEachFieldAndMakesSingleUseCodesAsCsv() {
        Admins.asAdmin().body(Map.of("kind", "PERCENT_OFF", "percentOff", "150", "appliesTo", "SKUS",
                "targets", List.of("NO-SUCH-SKU"))).when().post("/api/v1/admin/promotions").then().statusCode(400)
                .body("errors.field", equalTo(List.of("name", "code", "percentOff", "targets")));
        String code = "BULK-" + suffix();
        long id = Admins.asAdmin().body(promotion("Bulk", code, Map.of("kind", "AMOUNT_OFF", "amountOff", "5.00")))
                .when().post("/api/v1/admin/promotions").then().statusCode(201).extract().jsonPath().getLong("id");
        Admins.asAdmin().body(promotion("Again", code.toLowerCase(), Map.of("kind", "FREE_SHIPPING"))).when()
                .post("/api/v1/admin/promotions").then().statusCode(400)
                .body("errors[0].message", equalTo("is already in use"));
        List<String> made = Admins.asAdmin().body(Map.of("count", 5, "prefix", "vip")).when()
                .post("/api/v1/admin/promotions/" + id + "/codes").then().statusCode(201).extract().jsonPath()
                .getList(".", String.class);
        assertEquals(5, made.size());
        assertTrue(made.stream().allMatch(c -> c.matches("VIP[2-9A-HJKMNP-Z]{8}")), made.toString());
        String csv = given().auth().oauth2(Admins.adminToken()).accept("text/csv").when()
                .get("/api/v1/admin/promotions/" + id + "/codes").then().statusCode(200).extract().asString();
        assertEquals(7, csv.split("\n").length, csv);
        assertTrue(csv.startsWith("code,usage_limit,uses,created_at\n" + code + ",,0,"));

        // a single-use code: one order, then used up
        TestSkus.Sku sku = TestSkus.withStock(2);
        String first = Carts.newCart();
        Carts.add(first, sku.sku(), 1).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("code", made.get(0))).when()
                .post("/api/v1/carts/" + first + "/discount-codes").then().statusCode(200);
        Checkouts.place(Checkouts.body(first, "vip-" + suffix() + "@example.com"), "10.24.0.1").then().statusCode(201);
        String second = Carts.newCart();
        Carts.add(second, sku.sku(), 1).then().statusCode(200);
        refused(second, made.get(0), "The code " + made.get(0) + " has been used up.");

        Admins.asAdmin().when().delete("/api/v1/admin/promotions/" + id).then().statusCode(409);
        long unused = Admins.asAdmin().body(promotion("Unused", "UNUSED-" + suffix(), Map.of("kind", "FREE_SHIPPING")))
                .when().post("/api/v1/admin/promotions").then().statusCode(201).extract().jsonPath().getLong("id");
        Admins.asAdmin().when().delete("/api/v1/admin/promotions/" + unused).then().statusCode(204);
        Admins.asAdmin().when().get("/api/v1/admin/promotions/" + unused).then().statusCode(404);
    }

    private static void refused(String cart, String code, String reason) {
        given().contentType(ContentType.JSON).body(Map.of("code", code)).when()
                .post("/api/v1/carts/" + cart + "/discount-codes").then().statusCode(400)
                .body("detail", containsString(reason));
    }

    private static Map<String, Object> promotion(String name, String code, Map<String, Object> rest) {
        Map<String, Object> body = new HashMap<>(rest);
        body.put("name", name);
        body.put("code", code);
        return body;
    }

    private long uses(long id) {
        return count("select uses from promotions where id = " + id);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .getSingleResult()).longValue());
    }

    private long unitPrice(String sku) {
        return count("select price_amount from variants where sku = '" + sku + "'");
    }

    private String categoryOf(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select c.slug from variants v join products p on p.id = v.product_id join categories c"
                        + " on c.id = p.category_id where v.sku = ?1").setParameter(1, sku).getSingleResult());
    }

    private static long halfEven(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }

    private static long halfUp(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    private static String decimal(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }

    private static String dollars(long minor) {
        return "$" + String.format("%,.2f", minor / 100.0);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
