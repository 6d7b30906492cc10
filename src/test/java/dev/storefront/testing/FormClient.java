package dev.storefront.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.redis.datasource.RedisDataSource;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser without JavaScript, for page tests: keeps its cookies, does not follow redirects, and
 * submits forms with the CSRF token of the last page it opened.
 */
public final class FormClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    public final CookieFilter cookies = new CookieFilter();
    public String csrf;

    private final java.util.Map<String, String> presetCookies = new java.util.HashMap<>();
    private final java.util.Map<String, String> headers = new java.util.HashMap<>();

    /** Sends this cookie with every request, as a browser that already has it would (e.g. a cart). */
    public FormClient cookie(String name, String value) {
        presetCookies.put(name, value);
        return this;
    }

    /** Sends this header with every request (e.g. X-Forwarded-For, as Nginx would). */
    public FormClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public RequestSpecification request() {
        return given().filter(cookies).cookies(presetCookies).headers(headers).redirects().follow(false);
    }

    /** GETs a page that must answer 200, and remembers its CSRF token. */
    public String open(String path) {
        // a path taken from a Location header is already encoded
        String html = request().urlEncodingEnabled(!path.contains("%")).when().get(path).then().statusCode(200)
                .extract().asString();
        Matcher token = CSRF.matcher(html);
        if (token.find()) {
            csrf = token.group(1);
        }
        return html;
    }

    public Response submit(String path, Map<String, String> fields) {
        var form = request().contentType(ContentType.URLENC).formParam("csrf", csrf);
        fields.forEach(form::formParam);
        return form.when().post(path);
    }

    /**
     * Every test request comes from 127.0.0.1, so one test's failed sign-ins would throttle the next:
     * tests that sign in start from no failures.
     */
    public static void forgetFailedSignIns(RedisDataSource redis) {
        redis.key().keys("login-failures:*").forEach(key -> redis.key().del(key));
    }
}
