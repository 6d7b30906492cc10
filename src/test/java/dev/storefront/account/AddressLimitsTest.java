package dev.storefront.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.storefront.testing.FormClient;
import dev.storefront.testing.Mailbox;

/** One client address cannot mint accounts by the dozen nor flood an inbox with reset links. */
@QuarkusTest
@TestProfile(AddressLimitsTest.SmallLimits.class)
class AddressLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("storefront.accounts.registrations-per-address-per-hour", "2",
                    "storefront.accounts.reset-requests-per-address", "2");
        }
    }

    @Test
    void registrationsPerAddressAreLimited() {
        String address = freshAddress();
        register(address).then().statusCode(201);
        register(address).then().statusCode(201);
        register(address).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        register(freshAddress()).then().statusCode(201);
    }

    @Test
    void resetRequestsBeyondTheAllowanceSendNothingAndSayTheSame() {
        String email = "limits-" + UUID.randomUUID() + "@example.com";
        // from an address of its own: earlier tests' registrations from 127.0.0.1 count against that one
        given().header("X-Forwarded-For", freshAddress()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "correct horse battery staple", "name", "L"))
                .when().post("/api/v1/auth/register").then().statusCode(201);
        String resetAddress = freshAddress();
        for (int i = 0; i < 3; i++) {
            FormClient visitor = new FormClient().header("X-Forwarded-For", resetAddress);
            visitor.open("/password-reset");
            visitor.submit("/password-reset", Map.of("email", email)).then().statusCode(200);
        }
        Mailbox.await(Mailbox.to(email));
        assertEquals(2, Mailbox.await(m -> Mailbox.to(email).test(m)
                && Mailbox.received(Mailbox.to(email)).size() >= 2).size(), "two links, not three");
    }

    /** An address no other test (nor an earlier run within the hour, most likely) has used. */
    private static String freshAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "100.64." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static io.restassured.response.Response register(String address) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("email", "new-" + UUID.randomUUID() + "@example.com", "password",
                        "correct horse battery staple", "name", "N"))
                .when().post("/api/v1/auth/register");
    }
}
