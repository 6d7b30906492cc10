package dev.storefront.order;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.storefront.testing.Mailbox;
import dev.storefront.testing.Admins;
import dev.storefront.testing.Carts;
import dev.storefront.testing.FakeStripe;
import dev.storefront.testing.FormClient;
import dev.storefront.testing.SmtpServer;
import dev.storefront.testing.TestSkus;

/** The admin ships, refunds (through the fake Stripe server) and cancels orders. */
@QuarkusTest
@QuarkusTestResource(value = FakeStripe.class, restrictToAnnotatedClass = true)
class AdminOrderTest {

    @Inject
    EntityManager entityManager;

    @Inject
    RedisDataSource redis;

    private String admin;

    @BeforeEach
    void setUp() {
        FakeStripe.answerNormally();
        FormClient.forgetFailedSignIns(redis);
        admin = Admins.adminToken();
    }

    @Test
    void aPartialRefundThenTheRestMakePartiallyRefundedThenRefunded() {
        String number = paidOrder(2);
        long total = count("select total_amount from orders where number = '" + number + "'");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("amount", "5.00", "reason", "scratched"))
                .when().post("/api/v1/admin/orders/" + number + "/refunds").then().statusCode(200)
                .body("order.status", org.hamcrest.Matchers.equalTo("PARTIALLY_REFUNDED"))
                .body("order.refunded.amount", org.hamcrest.Matchers.equalTo(500))
                .body("refunds[0].status", org.hamcrest.Matchers.equalTo("SUCCEEDED"));
        FakeStripe.server().verify(postRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withRequestBody(containing("amount=500")).withRequestBody(containing("payment_intent=pi_test_fake"))
                .withHeader("Idempotency-Key", com.github.tomakehurst.wiremock.client.WireMock.matching("refund-\\d+")));
        // more than is left is refused and changes nothing
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("amount", "100000.00"))
                .when().post("/api/v1/admin/orders/" + number + "/refunds").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("amount"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/admin/orders/" + number + "/refunds").then().statusCode(200)
                .body("order.status", org.hamcrest.Matchers.equalTo("REFUNDED"))
                .body("order.refunded.amount", org.hamcrest.Matchers.equalTo((int) total))
                .body("payment.status", org.hamcrest.Matchers.equalTo("REFUNDED"));
        FakeStripe.server().verify(postRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withRequestBody(containing("amount=" + (total - 500))));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("amount", "1.00"))
                .when().post("/api/v1/admin/orders/" + number + "/refunds").then().statusCode(409);

        // every move is in the order's history: from, to, who, why
        @SuppressWarnings("unchecked")
        List<Object[]> history = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                select coalesce(e.from_status, '-'), e.to_status, e.actor, e.reason from order_events e
                join orders o on o.id = e.order_id where o.number = ?1 order by e.id""").setParameter(1, number)
                .getResultList());
        List<String> moves = history.stream().map(row -> row[0] + ">" + row[1]).toList();
        assertEquals(List.of("->PENDING_PAYMENT", "PENDING_PAYMENT>PAID", "PAID>PARTIALLY_REFUNDED",
                "PARTIALLY_REFUNDED>REFUNDED"), moves);
        assertTrue(((String) history.get(1)[2]).startsWith("stripe:"), "paid by Stripe's webhook: " + history.get(1)[2]);
        assertTrue(((String) history.get(2)[2]).startsWith("admin"), "refunded by an admin: " + history.get(2)[2]);
        assertEquals("refunded 5.00 USD: scratched", history.get(2)[3]);
    }

    @Test
    void aRefundStripeRefusesIs502AndChangesNothing() {
        String number = paidOrder(1);
        FakeStripe.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v1/refunds"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"charge already refunded\"}}")));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("amount", "1.00"))
                .when().post("/api/v1/admin/orders/" + number + "/refunds").then().statusCode(502)
                .body("detail", containsString("nothing was refunded"));
        assertEquals("PAID", single("select status from orders where number = '" + number + "'"));
        assertEquals(0L, count("select refunded_amount from orders where number = '" + number + "'"));
    }

    @Test
    void shippingMarksTheOrderAndEmailsTheTrackingNumberOnce() throws Exception {
        String number = paidOrder(1);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("trackingNumber", ""))
                .when().post("/api/v1/admin/orders/" + number + "/ship").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("trackingNumber"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("trackingNumber", "1Z999AA10123456784"))
                .when().post("/api/v1/admin/orders/" + number + "/ship").then().statusCode(200)
                .body("order.status", org.hamcrest.Matchers.equalTo("SHIPPED"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("trackingNumber", "AGAIN"))
                .when().post("/api/v1/admin/orders/" + number + "/ship").then().statusCode(409);
        List<jakarta.mail.internet.MimeMessage> mails = Mailbox.await(Mailbox.subjectContains(number + " has shipped"));
        assertEquals(1, mails.size(), "one shipping email");
        var mail = mails.get(0);
        assertTrue(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail).contains("1Z999AA10123456784"));
        // a shipped order cannot be cancelled
        given().auth().oauth2(admin).contentType(ContentType.JSON).when()
                .post("/api/v1/admin/orders/" + number + "/cancel").then().statusCode(409);
        given().auth().oauth2(admin).when().get("/api/v1/admin/orders?status=SHIPPED&q=" + number).then()
                .statusCode(200).body("items[0].number", org.hamcrest.Matchers.equalTo(number));
    }

    @Test
    void cancellingReleasesAPendingOrdersStockAndRefundsAndRestocksAPaidOne() {
        String sku = sku();
        int reservedBefore = stock(sku, "reserved");
        int onHandBefore = stock(sku, "on_hand");
        String pending = placed(sku, 2);
        assertEquals(reservedBefore + 2, stock(sku, "reserved"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).when().post("/api/v1/admin/orders/" + pending + "/cancel")
                .then().statusCode(200).body("order.status", org.hamcrest.Matchers.equalTo("CANCELLED"));
        assertEquals(reservedBefore, stock(sku, "reserved"), "the reservation is released");
        assertEquals(onHandBefore, stock(sku, "on_hand"));

        String paid = pay(placed(sku, 3));
        assertEquals(onHandBefore - 3, stock(sku, "on_hand"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).when().post("/api/v1/admin/orders/" + paid + "/cancel")
                .then().statusCode(200).body("order.status", org.hamcrest.Matchers.equalTo("CANCELLED"))
                .body("refunds[0].status", org.hamcrest.Matchers.equalTo("SUCCEEDED"));
        assertEquals(onHandBefore, stock(sku, "on_hand"), "the goods are back on the shelf");
        assertEquals(1L, count("select count(*) from inventory_movements m join orders o on o.id = m.order_id "
                + "where o.number = '" + paid + "' and m.reason = 'ORDER_CANCELLED' and m.delta = 3"));
        // the admin page shows it all
        given().auth().oauth2(admin).when().get("/admin/orders/" + paid).then().statusCode(200)
                .body(containsString("Cancelled")).body(containsString("Order confirmation"));
    }

    @Test
    void refundAndCancelInThePagesSayWhatTheyWillDoAndWaitForTheConfirmation() {
        String number = paidOrder(2);
        long total = count("select total_amount from orders where number = '" + number + "'");
        String money = "$" + String.format("%,.2f", total / 100.0);
        FormClient browser = new FormClient();
        browser.open("/login");
        browser.submit("/login", Map.of("email", "admin@storefront.test", "password", "demo-admin-password"))
                .then().statusCode(303);
        browser.open("/admin/orders/" + number);

        // a refund with the amount left blank: everything left, said first, done only once confirmed
        String asked = browser.submit("/admin/orders/" + number + "/refund", Map.of("amount", "", "reason", "late"))
                .then().statusCode(200).extract().asString();
        assertTrue(asked.contains("<h1>Refund " + money + "?</h1>") && asked.contains("cannot be taken back"), asked);
        assertEquals("PAID", single("select status from orders where number = '" + number + "'"), "nothing yet");
        String confirmation = browser.submit("/admin/orders/" + number + "/refund", Map.of("amount", "1.00", "reason",
                "late")).then().statusCode(200).body(containsString("<h1>Refund $1.00?</h1>")).extract().asString();
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("name=\"requestKey\" value=\"([^\"]+)\"")
                .matcher(confirmation);
        assertTrue(key.find(), "the confirmation carries a key of its own");
        // the confirmation pressed twice at once (a double click, two tabs): one refund
        Map<String, String> confirmed = Map.of("amount", "1.00", "reason", "late", "confirm", "yes", "requestKey",
                key.group(1));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> browser.submit("/admin/orders/" + number + "/refund", confirmed).statusCode());
            var second = pool.submit(() -> browser.submit("/admin/orders/" + number + "/refund", confirmed).statusCode());
            assertEquals(List.of(303, 303), List.of(first.get(), second.get()));
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdown();
        }
        assertEquals(100L, count("select refunded_amount from orders where number = '" + number + "'"));
        assertEquals(1L, count("select count(*) from refunds r join orders o on o.id = r.order_id where o.number = '"
                + number + "'"), "refunded once");
        String left = "$" + String.format("%,.2f", (total - 100) / 100.0);
        // more than is left is said before anything is confirmed, and so is nothing
        browser.submit("/admin/orders/" + number + "/refund", Map.of("amount", "99999.00")).then().statusCode(400)
                .body(containsString("<p class=\"field-error\" id=\"amount-error\" role=\"alert\">Amount is more than the "
                        + left + " left to refund</p>"))
                .body(containsString("value=\"99999.00\" aria-invalid=\"true\" aria-describedby=\"amount-error\""));
        browser.submit("/admin/orders/" + number + "/refund", Map.of("amount", "0.00")).then().statusCode(400)
                .body(containsString("Amount must be more than zero"));
        browser.submit("/admin/orders/" + number + "/refund", Map.of("amount", "99999.00", "confirm", "yes")).then()
                .statusCode(400).body(containsString("is more than the " + left + " left to refund"));

        String cancel = browser.submit("/admin/orders/" + number + "/cancel", Map.of()).then().statusCode(200)
                .extract().asString();
        assertTrue(cancel.contains("Its 2 items go back into stock.") && cancel.contains("goes back to the customer"),
                cancel);
        assertEquals("PARTIALLY_REFUNDED", single("select status from orders where number = '" + number + "'"));
        browser.submit("/admin/orders/" + number + "/cancel", Map.of("confirm", "yes")).then().statusCode(303);
        assertEquals("CANCELLED", single("select status from orders where number = '" + number + "'"));
    }

    @Test
    void theDashboardCountsTodaysPaidOrdersAndDrawsThemInTheChart() throws Exception {
        String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        long before = count("select count(*) from orders where status in ('PAID', 'SHIPPED', 'DELIVERED', "
                + "'PARTIALLY_REFUNDED', 'REFUNDED') and (paid_at at time zone 'UTC')::date = current_date");
        String number = paidOrder(1);
        String product = (String) single("select l.name from order_lines l join orders o on o.id = l.order_id"
                + " where o.number = '" + number + "'");
        long yesterday = count("select count(*) from orders where status in ('PAID', 'SHIPPED', 'DELIVERED', "
                + "'PARTIALLY_REFUNDED', 'REFUNDED') and (paid_at at time zone 'UTC')::date = current_date - 1");
        String html = given().auth().oauth2(admin).queryParam("period", "today").when().get("/admin").then()
                .statusCode(200).header("Cache-Control", "no-store").extract().asString();
        assertTrue(html.contains("<h2 id=\"sales\">Sales: Today</h2>") && html.contains(
                "<a href=\"/admin?period=today\" aria-current=\"page\">Today</a>"), "the period chosen");
        assertTrue(html.contains("Orders<strong>" + (before + 1) + "</strong>"), "today's paid orders, this one included");
        assertTrue(html.contains("</span> against " + yesterday + "</p>"), "beside yesterday's");
        assertTrue(html.matches("(?s).*Conversion<strong>\\d+\\.\\d%</strong>.*"), "paid orders per cart started");
        String top = html.substring(html.indexOf("id=\"top-products\""), html.indexOf("id=\"low-stock\""));
        assertTrue(top.contains("<td>" + product + "</td>"), "this order's product among today's best sellers: " + top);
        String week = given().auth().oauth2(admin).queryParam("period", "bogus").when().get("/admin").then()
                .statusCode(200).extract().asString();
        assertTrue(week.contains("Sales: Last 7 days"), "an unknown period shows the last 7 days");
        assertTrue(html.matches("(?s).*<rect x=\"\\d+\" y=\"\\d+\" width=\"16\" height=\"[1-9]\\d*\"><title>" + day
                + ": [^<]+, " + (before + 1) + " orders</title>.*"), "today's bar in the SVG chart");
        java.util.regex.Matcher files = java.util.regex.Pattern.compile("Open files<strong>(\\d+)</strong>of (\\d+) allowed")
                .matcher(html);
        assertTrue(files.find(), "the store's open files against its limit");
        long limit = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/limits")).stream()
                .filter(l -> l.startsWith("Max open files")).map(l -> Long.parseLong(l.split("\\s+")[3])).findFirst()
                .orElseThrow();
        assertEquals(limit, Long.parseLong(files.group(2)), "the process's own limit");
        assertTrue(Long.parseLong(files.group(1)) > 10, "sockets, jars and logs are open files");
    }

    /**
     * Staff handle an order from its page: the confirmation emailed again (once, however often the button is
     * pressed), an internal note, shipping with carrier and tracking; the timeline tells it newest first, and the
     * packing slip shows the address and the items without prices.
     */
    @Test
    void staffHandleAnOrderFromItsPageAndReadItsTimeline() throws Exception {
        String number = paidOrder(1);
        String[] member = Admins.newStaff();
        String staff = member[1];
        assertEquals(1, Mailbox.await(Mailbox.subjectContains("order " + number)).size(), "the first confirmation");

        page(staff, "/admin/orders/" + number + "/confirmation", Map.of()).then().statusCode(303);
        String again = page(staff, "/admin/orders/" + number + "/confirmation", Map.of()).then().statusCode(409)
                .extract().asString();
        assertTrue(again.contains("is not delivered yet") || again.contains("less than a minute ago"), again);
        Mailbox.await(Mailbox.subjectContains("order " + number).and(m -> Mailbox.received(
                Mailbox.subjectContains("order " + number)).size() >= 2));
        assertEquals(2, Mailbox.received(Mailbox.subjectContains("order " + number)).size(), "delivered again");
        assertEquals(2L, count("select count(*) from outbox_emails e join orders o on o.id = e.order_id where o.number = '"
                + number + "' and e.kind like 'ORDER_CONFIRMATION%'"), "once more, not twice");
        page(staff, "/admin/orders/" + number + "/confirmation", Map.of()).then().statusCode(409);

        String empty = page(staff, "/admin/orders/" + number + "/notes", Map.of("note", "  ")).then().statusCode(400)
                .extract().asString();
        assertTrue(empty.contains("must be 1-2000 characters"), "an empty note is refused: " + empty);
        page(staff, "/admin/orders/" + number + "/notes", Map.of("note", "Customer called:\nleave at the back door"))
                .then().statusCode(303);
        page(staff, "/admin/orders/" + number + "/ship", Map.of("carrier", "DHL", "trackingNumber", "JD0146"))
                .then().statusCode(303);
        var shipped = Mailbox.await(Mailbox.subjectContains(number + " has shipped"));
        assertTrue(com.icegreen.greenmail.util.GreenMailUtil.getBody(shipped.get(0)).contains("with DHL"),
                "the carrier in the shipping email");

        String html = given().auth().oauth2(staff).when().get("/admin/orders/" + number).then().statusCode(200)
                .extract().asString();
        String timeline = html.substring(html.indexOf("id=\"order-timeline\""));
        timeline = timeline.substring(0, timeline.indexOf("</ol>"));
        int shippedAt = timeline.indexOf("Shipped, with DHL, tracking number JD0146");
        int noteAt = timeline.indexOf("leave at the back door");
        int againAt = timeline.indexOf("Order confirmation (sent again) emailed");
        int paidAt = timeline.indexOf("Payment received");
        int placedAt = timeline.indexOf("Order placed");
        assertTrue(shippedAt >= 0 && shippedAt < noteAt && noteAt < againAt && againAt < paidAt && paidAt < placedAt,
                "newest first: " + timeline);
        assertTrue(timeline.contains("by <bdi>" + member[0] + "</bdi>") && timeline.contains("just now"), "who and how long ago");
        assertTrue(!html.contains("/admin/customers/"), "no link staff may not follow");
        given().redirects().follow(false).auth().oauth2(staff).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("note", "\u202Eevil").when().post("/admin/orders/" + number + "/notes").then().statusCode(303);
        String isolated = given().auth().oauth2(staff).when().get("/admin/orders/" + number).then().extract().asString();
        assertTrue(isolated.contains("<bdi class=\"timeline-detail\">\u202Eevil</bdi>"),
                "a note's right-to-left override cannot turn around who wrote it: " + isolated.substring(
                        isolated.indexOf("id=\"order-timeline\""), isolated.indexOf("id=\"order-timeline\"") + 600));

        String slip = given().auth().oauth2(staff).when().get("/admin/orders/" + number + "/packing-slip").then()
                .statusCode(200).extract().asString();
        String sku = (String) single("select l.sku from order_lines l join orders o on o.id = l.order_id where o.number = '"
                + number + "'");
        assertTrue(slip.contains("Ada Lovelace") && slip.contains("1 Analytical Way") && slip.contains(sku)
                && !slip.contains("$"), "the address and the items, no prices: " + slip);
        given().auth().oauth2(staff).when().get("/api/v1/admin/orders/" + number).then().statusCode(200)
                .body("timeline[0].what", org.hamcrest.Matchers.equalTo("Note")).body("timeline[1].what", org.hamcrest.Matchers.startsWith("Shipping notice"))
                .body("order.carrier", org.hamcrest.Matchers.equalTo("DHL"));
    }

    /**
     * The orders list ships several orders at once, each with the tracking number typed in its row: one without a
     * number is refused by name and the others ship; the list sorts by total and filters by a least total.
     */
    @Test
    void theOrdersListShipsTickedOrdersAndSortsAndFiltersByTotal() {
        String one = paidOrder(1);
        String three = paidOrder(3);
        String list = given().auth().oauth2(admin).queryParam("status", "PAID").when().get("/admin/orders").then()
                .statusCode(200).extract().asString();
        assertTrue(list.contains("name=\"tracking." + one + "\"") && list.contains("value=\"" + three + "\""),
                "a box and a tracking field per paid order");
        String partly = given().auth().oauth2(admin).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("number", one).formParam("number", three).formParam("tracking." + one, "TRK-ONE")
                .formParam("tracking." + three, "").formParam("carrier", "UPS").when().post("/admin/orders/ship")
                .then().statusCode(409).extract().asString();
        assertTrue(partly.contains("1 order marked shipped") && partly.contains(three + ": Tracking number must be 1-100 characters"),
                partly);
        assertEquals("SHIPPED", single("select status from orders where number = '" + one + "'"));
        assertEquals("UPS", single("select carrier from orders where number = '" + one + "'"));
        assertEquals("PAID", single("select status from orders where number = '" + three + "'"));
        given().auth().oauth2(admin).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("number", three).formParam("tracking." + three, "TRK-THREE").when()
                .post("/admin/orders/ship").then().statusCode(303);
        assertEquals("SHIPPED", single("select status from orders where number = '" + three + "'"));

        long total = count("select total_amount from orders where number = '" + three + "'");
        List<Integer> totals = given().auth().oauth2(admin).queryParam("sort", "total-high").queryParam("size", "20")
                .when().get("/api/v1/admin/orders").then().statusCode(200).extract().jsonPath()
                .getList("items.total.amount", Integer.class);
        for (int i = 1; i < totals.size(); i++) {
            assertTrue(totals.get(i - 1) >= totals.get(i), "highest total first: " + totals);
        }
        List<Integer> large = given().auth().oauth2(admin).queryParam("minTotal", java.math.BigDecimal.valueOf(total, 2)
                .toPlainString()).queryParam("size", "100").when().get("/api/v1/admin/orders").then().statusCode(200)
                .extract().jsonPath().getList("items.total.amount", Integer.class);
        assertTrue(!large.isEmpty() && large.stream().allMatch(t -> t >= total), "at least the total: " + large);
        given().auth().oauth2(admin).queryParam("sort", "cheapest").when().get("/api/v1/admin/orders").then()
                .statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("sort"));
    }

    /** A back-office form posted with a bearer token (exempt from the CSRF check), redirects not followed. */
    private static io.restassured.response.Response page(String token, String path, Map<String, String> form) {
        var request = given().redirects().follow(false).auth().oauth2(token).contentType(ContentType.URLENC);
        form.forEach(request::formParam);
        return request.when().post(path);
    }

    private String paidOrder(int quantity) {
        return pay(placed(sku(), quantity));
    }

    private String placed(String sku, int quantity) {
        String cart = Carts.newCart();
        Carts.add(cart, sku, quantity).then().statusCode(200);
        return given().contentType(ContentType.JSON).body(Map.of("cartId", cart, "email", "ada@example.com",
                "shippingMethod", "standard", "shippingAddress", Map.of("name", "Ada Lovelace", "line1", "1 Analytical Way",
                        "city", "London", "region", "", "postalCode", "N1 9GU", "country", "GB")))
                .when().post("/api/v1/checkout").then().statusCode(201).extract().path("orderNumber");
    }

    private String pay(String number) {
        String session = (String) single("select p.provider_ref from payments p join orders o on o.id = p.order_id where o.number = '" + number + "'");
        String event = FakeStripe.event("checkout.session.completed", session, "paid");
        given().contentType(ContentType.JSON).header("Stripe-Signature", FakeStripe.signature(event, FakeStripe.WEBHOOK_SECRET))
                .body(event).when().post("/webhooks/stripe").then().statusCode(200);
        assertEquals("PAID", single("select status from orders where number = '" + number + "'"));
        return number;
    }

    private String sku() {
        return TestSkus.withStock(20).sku();
    }

    private int stock(String sku, String column) {
        return (int) count("select " + column + " from stock_levels where variant_id = (select id from variants where sku = '" + sku + "')");
    }

    private Object single(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(sql).getSingleResult());
    }

    private long count(String sql) {
        return ((Number) single(sql)).longValue();
    }

}
