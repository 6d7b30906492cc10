package dev.storefront.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.testing.LogCapture;

@QuarkusTest
class ErrorHandlingTest {

    @Test
    void unknownApiPathGetsProblemJson() {
        try (LogCapture log = LogCapture.start()) {
            given().accept("application/json").when().get("/api/v1/no-such-thing").then()
                    .statusCode(404)
                    .contentType(equalTo("application/problem+json"))
                    .body("status", equalTo(404))
                    .body("title", equalTo("Not Found"))
                    .body("instance", equalTo("/api/v1/no-such-thing"))
                    .body("detail", containsString("/api/v1/no-such-thing"));
            assertEquals(List.of(), log.withStackTraces());
        }
    }

    @Test
    void unknownPageGetsTheHtmlNotFoundPageInTheStoreLayout() {
        try (LogCapture log = LogCapture.start()) {
            given().when().get("/no/such/page").then()
                    .statusCode(404)
                    .contentType(containsString("text/html"))
                    .body(containsString("couldn't find that page"))
                    .body(containsString("/no/such/page"))
                    .body(containsString("class=\"site-header\""));
            assertEquals(List.of(), log.withStackTraces());
        }
    }

    @Test
    void wrongMethodGets405WithAllowHeaderAndNoStackTrace() {
        try (LogCapture log = LogCapture.start()) {
            given().contentType("application/json").body("{}").when().delete("/").then()
                    .statusCode(405)
                    .contentType(containsString("text/html"))
                    .body(containsString("Method Not Allowed"));
            assertEquals(List.of(), log.withStackTraces());
        }
    }

    @Test
    void anUnexpectedFailureShowsAnIncidentIdAndIsLoggedInFull() {
        try (LogCapture log = LogCapture.start()) {
            String incident = given().when().get(FailingResource.PAGE).then()
                    .statusCode(500)
                    .contentType(containsString("text/html"))
                    .body(containsString("Something went wrong on our side"))
                    .body(not(containsString("IllegalStateException")))
                    .extract().htmlPath().getString("**.find { it.name() == 'code' }");
            given().when().get(FailingResource.API).then()
                    .statusCode(500)
                    .contentType(equalTo("application/problem+json"))
                    .body("status", equalTo(500))
                    .body("detail", matchesPattern(".*incident [0-9a-f]{8}.*"))
                    .body(not(containsString("IllegalStateException")));
            List<String> logged = log.withStackTraces().stream().map(r -> r.getMessage() + r.getParameters()).toList();
            assertEquals(2, log.withStackTraces().size(), "both failures logged with their stack trace: " + logged);
            assertTrue(log.withStackTraces().get(0).getThrown() instanceof IllegalStateException);
            assertTrue(incident.matches("[0-9a-f]{8}"), "incident id shown: " + incident);
        }
    }
}
