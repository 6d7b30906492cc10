package dev.storefront.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.storefront.testing.FormClient;
import dev.storefront.testing.Mailbox;
import dev.storefront.testing.SmtpServer;

/** A shopper in a browser without JavaScript: cookies, forms with CSRF tokens, redirects and emails. */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class AccountPagesTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Inject
    RedisDataSource redis;

    @Inject
    io.smallrye.jwt.auth.principal.JWTParser parser;

    @Inject
    Sessions sessions;

    @BeforeEach
    void forgetFailedSignIns() {
        FormClient.forgetFailedSignIns(redis);
    }

    /** One browser: keeps its cookies, and reads the CSRF token from the last page it loaded. */

    @Test
    void registerSignOutAndTheOldSessionIsDeadEvenReplayedByHand() {
        FormClient visitor = new FormClient();
        String email = newEmail();
        visitor.open("/register");
        Response registered = visitor.submit("/register", Map.of("email", email, "name", "Grace", "password", PASSWORD));
        assertEquals(303, registered.statusCode());
        assertEquals("/account?notice=registered", location(registered));
        String sessionCookie = registered.getCookie(BrowserSession.COOKIE);
        assertNotNull(sessionCookie, "signed in");
        assertTrue(registered.getDetailedCookie(BrowserSession.COOKIE).isHttpOnly());
        assertEquals("Lax", registered.getDetailedCookie(BrowserSession.COOKIE).getSameSite());

        String account = visitor.open("/account?notice=registered");
        assertTrue(account.contains(email));
        assertTrue(account.contains("Welcome! Your account is ready."));

        Response loggedOut = visitor.submit("/logout", Map.of());
        assertEquals(303, loggedOut.statusCode());
        visitor.request().when().get("/account").then().statusCode(303)
                .header("Location", containsString("/login?next=%2Faccount"));

        // the cookie's JWT has not expired, but its session has
        given().cookie(BrowserSession.COOKIE, sessionCookie).when().get("/api/v1/account").then()
                .statusCode(401).contentType("application/problem+json");
        given().redirects().follow(false).cookie(BrowserSession.COOKIE, sessionCookie).when().get("/account").then()
                .statusCode(303);
    }

    @Test
    void signingInWithTheFormReturnsToThePageAskedFor() {
        String email = registered();
        FormClient visitor = new FormClient();
        visitor.request().when().get("/account").then().statusCode(303);
        visitor.open("/login?next=/account");
        Response wrong = visitor.submit("/login", Map.of("email", email, "password", "wrong password!", "next",
                "/account"));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.asString().contains("The email or password is not right"));
        Response right = visitor.submit("/login", Map.of("email", email, "password", PASSWORD, "next", "/account"));
        assertEquals(303, right.statusCode());
        assertEquals("/account", location(right));
        Response offsite = visitor.submit("/login", Map.of("email", email, "password", PASSWORD, "next",
                "//evil.example/steal"));
        assertEquals("/account", location(offsite), "never redirected off the site");
    }

    @Test
    void aFormWithoutOrWithAWrongCsrfTokenIsRefusedAndChangesNothing() {
        FormClient visitor = signedIn(registered());
        Response missing = visitor.request().contentType(ContentType.URLENC).formParam("name", "Mallory")
                .when().post("/account/profile");
        assertEquals(403, missing.statusCode());
        visitor.csrf = "A".repeat(43);
        assertEquals(403, visitor.submit("/account/profile", Map.of("name", "Mallory")).statusCode());
        assertFalse(visitor.open("/account").contains("Mallory"), "the name did not change");

        visitor.open("/account");
        assertEquals(303, visitor.submit("/account/profile", Map.of("name", "Grace Hopper")).statusCode());
        assertTrue(visitor.open("/account").contains("Grace Hopper"), "with the right token it works");
    }

    @Test
    void anotherCustomersAddressIsA404InPagesAndTheApi() {
        FormClient alice = signedIn(registered());
        alice.open("/account/addresses");
        assertEquals(303, alice.submit("/account/addresses", Map.of("name", "Alice Liddell", "line1", "1 Rabbit Hole",
                "city", "Oxford", "postalCode", "OX1 1AA", "country", "gb")).statusCode());
        String html = alice.open("/account/addresses");
        assertTrue(html.contains("1 Rabbit Hole") && html.contains("Default shipping address"));
        Matcher id = Pattern.compile("/account/addresses/(\\d+)/delete").matcher(html);
        assertTrue(id.find());
        String addressId = id.group(1);

        String bobEmail = registered();
        FormClient bob = signedIn(bobEmail);
        bob.open("/account/addresses");
        assertEquals(404, bob.submit("/account/addresses/" + addressId + "/delete", Map.of()).statusCode());
        assertEquals(404, bob.submit("/account/addresses/" + addressId + "/default", Map.of()).statusCode());
        bob.request().when().get("/account/addresses/" + addressId).then().statusCode(404);
        assertEquals(404, bob.submit("/account/addresses/" + addressId, Map.of("name", "Bob", "line1", "2 Elm St",
                "city", "Oxford", "postalCode", "OX1 1AA", "country", "GB")).statusCode());
        String bobToken = apiToken(bobEmail);
        given().auth().oauth2(bobToken).when().get("/api/v1/account/addresses/" + addressId).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(bobToken).when().delete("/api/v1/account/addresses/" + addressId).then().statusCode(404);
        given().auth().oauth2(bobToken).contentType(ContentType.JSON).body(Map.of("name", "Bob", "line1", "2 Elm St",
                "city", "Oxford", "postalCode", "OX1 1AA", "country", "GB")).when()
                .put("/api/v1/account/addresses/" + addressId).then().statusCode(404);
        assertTrue(alice.open("/account/addresses").contains("1 Rabbit Hole"), "Alice's address is still there");
    }

    @Test
    void aPasswordResetLinkArrivesByEmailWorksOnceAndSignsOutEveryDevice() throws Exception {
        String email = registered();
        String oldApiToken = apiToken(email);
        String unknownEmail = newEmail();
        FormClient visitor = new FormClient();
        visitor.open("/password-reset");
        String unknown = visitor.submit("/password-reset", Map.of("email", unknownEmail)).then().statusCode(200)
                .extract().asString();
        visitor.open("/password-reset");
        String known = visitor.submit("/password-reset", Map.of("email", email)).then().statusCode(200)
                .extract().asString();
        assertEquals(notice(unknown), notice(known), "the same answer whether or not the account exists");

        MimeMessage mail = awaitMailTo(email);
        assertEquals(List.of(), Mailbox.received(Mailbox.to(unknownEmail)), "nothing sent for an address without an account");
        Matcher link = Pattern.compile("http://localhost:8080(/password-reset/[A-Za-z0-9_-]{43})")
                .matcher(GreenMailUtil.getBody(mail));
        assertTrue(link.find(), "the email holds the link");
        String path = link.group(1);

        visitor.open(path);
        Response common = visitor.submit(path, Map.of("password", "1234567890"));
        assertEquals(400, common.statusCode());
        String newPassword = "a brand new long password";
        Response done = visitor.submit(path, Map.of("password", newPassword));
        assertEquals(303, done.statusCode());
        assertEquals("/login?notice=password-reset", location(done));

        given().when().get(path).then().statusCode(404);
        given().auth().oauth2(oldApiToken).when().get("/api/v1/account").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", newPassword))
                .when().post("/api/v1/auth/token").then().statusCode(200);
    }

    @Test
    void aNewPasswordVoidsEveryOutstandingResetLink() throws Exception {
        String email = registered();
        List<String> links = new java.util.ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            FormClient visitor = new FormClient();
            visitor.open("/password-reset");
            visitor.submit("/password-reset", Map.of("email", email)).then().statusCode(200);
            final int wanted = i;
            List<MimeMessage> mails = Mailbox.await(m -> Mailbox.to(email).test(m)
                    && Mailbox.received(Mailbox.to(email)).size() >= wanted);
            Matcher link = Pattern.compile("http://localhost:8080(/password-reset/[A-Za-z0-9_-]{43})")
                    .matcher(GreenMailUtil.getBody(mails.get(mails.size() - 1)));
            assertTrue(link.find());
            links.add(link.group(1));
        }
        assertEquals(2, new java.util.HashSet<>(links).size(), "two different links");
        FormClient visitor = new FormClient();
        visitor.open(links.get(1));
        assertEquals(303, visitor.submit(links.get(1), Map.of("password", "another long new password")).statusCode());
        given().when().get(links.get(0)).then().statusCode(404);

        // and a password changed on the account page voids a link sent before it
        FormClient.forgetFailedSignIns(redis);
        FormClient other = new FormClient();
        other.open("/password-reset");
        other.submit("/password-reset", Map.of("email", email)).then().statusCode(200);
        List<MimeMessage> third = Mailbox.await(m -> Mailbox.to(email).test(m)
                && Mailbox.received(Mailbox.to(email)).size() >= 3);
        Matcher late = Pattern.compile("http://localhost:8080(/password-reset/[A-Za-z0-9_-]{43})")
                .matcher(GreenMailUtil.getBody(third.get(third.size() - 1)));
        assertTrue(late.find());
        given().when().get(late.group(1)).then().statusCode(200);
        FormClient owner = new FormClient();
        owner.open("/login");
        assertEquals(303, owner.submit("/login", Map.of("email", email, "password", "another long new password"))
                .statusCode());
        owner.open("/account");
        assertEquals(303, owner.submit("/account/password", Map.of("currentPassword", "another long new password",
                "newPassword", "yet another long password")).statusCode());
        given().when().get(late.group(1)).then().statusCode(404);
    }

    @Test
    void theAccountHasAPageForEachConcernAndAnAddressCanBeEditedAndMadeTheDefault() {
        FormClient visitor = signedIn(registered());
        String overview = visitor.open("/account");
        assertTrue(overview.contains("<a href=\"/account\" aria-current=\"page\">Overview</a>"), overview);
        for (String page : List.of("/account/orders", "/account/addresses", "/account/security")) {
            assertTrue(overview.contains("href=\"" + page + "\""), "the account's pages are linked: " + page);
            assertTrue(visitor.open(page).contains("<a href=\"" + page + "\" aria-current=\"page\">"), page);
        }
        assertTrue(visitor.open("/account/orders").contains("You have no orders yet"));
        assertTrue(visitor.open("/account/security").contains("action=\"/account/password\""));

        visitor.open("/account/addresses");
        assertEquals("/account/addresses?notice=address-saved", location(visitor.submit("/account/addresses",
                Map.of("name", "Ada Lovelace", "line1", "12 Analytical Way", "city", "Austin", "region", "TX",
                        "postalCode", "78701", "country", "US"))));
        visitor.submit("/account/addresses", Map.of("name", "Ada Lovelace", "line1", "10 Downing Street",
                "city", "London", "postalCode", "SW1A 2AA", "country", "GB")).then().statusCode(303);
        String book = visitor.open("/account/addresses");
        assertTrue(book.contains("12 Analytical Way<br>Austin, TX 78701<br>United States</address>"),
                "a US address as the US post writes it: " + book);
        assertTrue(book.contains("10 Downing Street<br>London<br>SW1A 2AA<br>United Kingdom</address>"), book);
        Matcher edit = Pattern.compile("href=\"/account/addresses/(\\d+)\"").matcher(book);
        assertTrue(edit.find() && edit.find(), "each address has an edit link");
        String london = edit.group(1);

        assertTrue(visitor.open("/account/addresses/" + london).contains("value=\"10 Downing Street\""),
                "the edit form starts from the address");
        Response refused = visitor.submit("/account/addresses/" + london, Map.of("name", "Ada Lovelace",
                "line1", "10 Downing Street", "line2", "Flat 2", "city", "London", "postalCode", "not a code!",
                "country", "GB", "makeDefault", "true"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("aria-describedby=\"postalCode-error\" autofocus"), "beside its field");
        assertTrue(refused.asString().contains("value=\"Flat 2\""), "what was typed is kept");
        visitor.open("/account/addresses/" + london);
        visitor.submit("/account/addresses/" + london, Map.of("name", "Ada Lovelace", "line1", "10 Downing Street",
                "line2", "Flat 2", "city", "London", "postalCode", "SW1A 2AA", "country", "GB", "makeDefault", "true"))
                .then().statusCode(303);
        assertTrue(visitor.open("/account").contains("10 Downing Street<br>Flat 2<br>London"),
                "the edited address is now the default the overview shows");

        visitor.open("/account/addresses");
        visitor.submit("/account/addresses/" + london + "/delete", Map.of()).then().statusCode(303);
        assertTrue(visitor.open("/account").contains("12 Analytical Way<br>Austin, TX 78701"),
                "deleting the default makes the address left the default");
    }

    @Test
    void theAddressBookChecksLikeCheckoutAndKeepsWhatWasTyped() {
        FormClient visitor = signedIn(registered());
        String page = visitor.open("/account/addresses");
        assertTrue(page.contains("<option value=\"US\">United States</option>"), "countries by name, in a list");
        Response refused = visitor.submit("/account/addresses", Map.of("name", "Ada Lovelace", "line1", "12 Analytical Way",
                "city", "Austin", "region", "", "postalCode", "78701", "country", "United States"));
        assertEquals(400, refused.statusCode());
        String html = refused.asString();
        assertTrue(html.contains("id=\"country-error\"") && html.contains("aria-describedby=\"country-error\""),
                "the problem beside its field");
        assertTrue(html.contains("value=\"12 Analytical Way\"") && html.contains("value=\"Austin\""), "nothing typed is lost");
        visitor.open("/account/addresses");
        Response noState = visitor.submit("/account/addresses", Map.of("name", "Ada Lovelace", "line1", "12 Analytical Way",
                "city", "Austin", "region", "", "postalCode", "78701", "country", "US"));
        assertEquals(400, noState.statusCode());
        assertTrue(noState.asString().contains("State or region is required for addresses in United States"), "the same rule as at checkout");
        visitor.open("/account/addresses");
        assertEquals(303, visitor.submit("/account/addresses", Map.of("name", "Ada Lovelace", "line1", "12 Analytical Way",
                "city", "Austin", "region", "TX", "postalCode", "78701", "country", "US")).statusCode());
        assertTrue(visitor.open("/account/addresses").contains("United States</address>"));
    }

    @Test
    void changingTheEmailNeedsTheLinkSentToTheNewAddress() throws Exception {
        String email = registered();
        FormClient visitor = signedIn(email);
        visitor.open("/account");
        String newEmail = newEmail();
        assertEquals(303, visitor.submit("/account/email", Map.of("newEmail", newEmail, "password", PASSWORD))
                .statusCode());
        MimeMessage mail = awaitMailTo(newEmail);
        Matcher link = Pattern.compile("http://localhost:8080(/account/email/confirm\\?token=[A-Za-z0-9_-]{43})")
                .matcher(GreenMailUtil.getBody(mail));
        assertTrue(link.find());
        given().redirects().follow(false).when().get(link.group(1)).then().statusCode(303);
        given().redirects().follow(false).when().get(link.group(1)).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("email", newEmail, "password", PASSWORD))
                .when().post("/api/v1/auth/token").then().statusCode(200);
    }

    @Test
    void changingThePasswordSignsOutOtherDevicesButNotThisOne() {
        String email = registered();
        FormClient laptop = signedIn(email);
        FormClient phone = signedIn(email);
        laptop.open("/account");
        Response wrongCurrent = laptop.submit("/account/password", Map.of("currentPassword", "not my password",
                "newPassword", "another long passphrase"));
        assertEquals(400, wrongCurrent.statusCode());
        assertTrue(wrongCurrent.asString().contains("Current password is not right"));

        laptop.open("/account");
        assertEquals(303, laptop.submit("/account/password", Map.of("currentPassword", PASSWORD,
                "newPassword", "another long passphrase")).statusCode());
        assertTrue(laptop.open("/account").contains(email), "this browser stays signed in");
        phone.request().when().get("/account").then().statusCode(303);
    }

    @Test
    void anActiveShopperGetsAFreshSessionCookieBeforeTheOldOneExpires() throws Exception {
        String email = registered();
        long userId = QuarkusTransaction.requiringNew().call(() -> User.findByEmail(email).orElseThrow().id);
        Sessions.Session session = sessions.open(userId);
        String ageing = io.smallrye.jwt.build.Jwt.subject(Long.toString(userId)).upn(email).groups("customer")
                .claim(Tokens.SESSION_CLAIM, session.id()).claim(Tokens.USE_CLAIM, Tokens.BROWSER)
                .expiresIn(java.time.Duration.ofMinutes(5)).sign();
        // an API client's access token put in the cookie is not renewed: only browser sessions are
        String apiToken = io.smallrye.jwt.build.Jwt.subject(Long.toString(userId)).upn(email).groups("customer")
                .claim(Tokens.SESSION_CLAIM, session.id()).claim(Tokens.USE_CLAIM, Tokens.API)
                .expiresIn(java.time.Duration.ofMinutes(5)).sign();
        assertEquals(null, given().cookie(BrowserSession.COOKIE, apiToken).when().get("/c/clothing")
                .getCookie(BrowserSession.COOKIE), "an API token never renews through the cookie");
        String issued = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .when().post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
        assertEquals(Tokens.API, parser.parse(issued).getClaim(Tokens.USE_CLAIM), "tokens say what they are for");
        Response page = given().cookie(BrowserSession.COOKIE, ageing).when().get("/c/clothing");
        assertEquals(200, page.statusCode());
        String renewed = page.getCookie(BrowserSession.COOKIE);
        assertNotNull(renewed, "a new token while the session lives");
        assertFalse(renewed.equals(ageing));
        given().cookie(BrowserSession.COOKIE, renewed).when().get("/api/v1/account").then().statusCode(200);

        sessions.revoke(session.id());
        assertEquals(null, given().cookie(BrowserSession.COOKIE, ageing).when().get("/c/clothing")
                .getCookie(BrowserSession.COOKIE), "no renewal once the session has ended");
    }

    @Test
    void signOutEverywhereEndsEverySession() {
        String email = registered();
        FormClient laptop = signedIn(email);
        FormClient phone = signedIn(email);
        String apiToken = apiToken(email);
        laptop.open("/account");
        assertEquals(303, laptop.submit("/account/sessions/revoke-all", Map.of()).statusCode());
        laptop.request().when().get("/account").then().statusCode(303);
        phone.request().when().get("/account").then().statusCode(303);
        given().auth().oauth2(apiToken).when().get("/api/v1/account").then().statusCode(401);
    }

    @Test
    void theRegistrationFormNamesEachBadFieldAndNeverFails() {
        Object[][] cases = {
                { "a".repeat(10_000) + "@example.com", PASSWORD, "Email must be at most 254 characters" },
                { "not-an-email", PASSWORD, "Email is not an email address" },
                { newEmail(), "qwertyuiop", "Password is one of the most common passwords" },
                { newEmail(), "short", "Password must be at least 10 characters" } };
        for (Object[] c : cases) {
            FormClient visitor = new FormClient();
            visitor.open("/register");
            Response answer = visitor.submit("/register", Map.of("email", (String) c[0], "password", (String) c[1]));
            assertEquals(400, answer.statusCode(), (String) c[2]);
            assertTrue(answer.asString().contains((String) c[2]), c[2] + " in " + answer.asString());
            assertTrue(answer.asString().contains("aria-invalid=\"true\""));
        }
    }

    @Test
    void securityHeadersAreOnEveryPage() {
        for (String path : List.of("/", "/login", "/register", "/c/clothing")) {
            given().when().get(path).then()
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", startsWith("default-src 'self'"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "strict-origin-when-cross-origin");
        }
    }

    private static FormClient signedIn(String email) {
        FormClient visitor = new FormClient();
        visitor.open("/login");
        assertEquals(303, visitor.submit("/login", Map.of("email", email, "password", PASSWORD)).statusCode());
        return visitor;
    }

    /** The one email to this address, once the outbox has sent it. */
    private static MimeMessage awaitMailTo(String address) throws Exception {
        List<MimeMessage> mails = Mailbox.await(Mailbox.to(address));
        assertEquals(1, mails.size(), "one email to " + address);
        return mails.get(0);
    }


    private static String apiToken(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .when().post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
    }

    private static String registered() {
        String email = newEmail();
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD, "name", "Shopper"))
                .when().post("/api/v1/auth/register").then().statusCode(201);
        return email;
    }

    private static String newEmail() {
        return "shopper-" + UUID.randomUUID() + "@example.com";
    }

    private static String location(Response response) {
        return response.header("Location").replaceFirst("^https?://[^/]+", "");
    }

    private static String notice(String html) {
        Matcher notice = Pattern.compile("<p class=\"notice\"[^>]*>(.*?)</p>", Pattern.DOTALL).matcher(html);
        return notice.find() ? notice.group(1) : null;
    }
}
