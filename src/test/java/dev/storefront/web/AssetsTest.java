package dev.storefront.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AssetsTest {

    private static String stylesheetUrl() {
        String html = given().when().get("/").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("href=\"(/assets/css/store\\.([0-9a-f]{10})\\.css)\"").matcher(html);
        assertTrue(matcher.find(), "the layout links a fingerprinted stylesheet");
        return matcher.group(1);
    }

    @Test
    void fingerprintedStylesheetIsCachedForAYear() {
        String url = stylesheetUrl();
        String etag = given().when().get(url).then()
                .statusCode(200)
                .contentType(containsString("text/css"))
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                .body(containsString(".site-header"))
                .extract().header("ETag");
        given().header("If-None-Match", etag).when().get(url).then().statusCode(304);
    }

    @Test
    void staleOrPlainNamesGetTheCurrentFileRevalidated() {
        given().when().get("/assets/css/store.0123456789.css").then()
                .statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=0, must-revalidate"))
                .body(containsString(".site-header"));
        given().when().get("/assets/css/store.css").then()
                .statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=0, must-revalidate"));
    }

    @Test
    void unknownAssetsAndPathsOutsideTheAssetFolderAre404() {
        given().when().get("/assets/css/nothing.css").then().statusCode(404);
        given().urlEncodingEnabled(false).when().get("/assets/..%2Fapplication.properties").then().statusCode(404);
        given().urlEncodingEnabled(false).when().get("/assets/%2E%2E/%2E%2E/application.properties").then()
                .statusCode(404);
    }

    @Test
    void demoProductImagesAreSvgWithCacheHeaders() {
        given().when().get("/media/demo/coastal-linen-shirt-1.svg").then()
                .statusCode(200)
                .contentType(containsString("image/svg+xml"))
                .header("Cache-Control", containsString("max-age="))
                .body(containsString("<svg"))
                .body(containsString("Coastal Linen Shirt"));
    }
}
