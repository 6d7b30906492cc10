package dev.storefront.web;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * This browser's CSRF token, for forms: {@code <input type="hidden" name="csrf" value="{cdi:csrf.token}">}.
 * It is also in an HttpOnly cookie; {@link CsrfProtection} accepts a form only when both agree.
 */
@RequestScoped
@Named("csrf")
public class CsrfToken {

    static final String COOKIE = "sf_csrf";
    static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HttpServerRequest request;

    private String token;
    private boolean issued;

    public String token() {
        if (token == null) {
            Cookie cookie = request.getCookie(COOKIE);
            if (cookie != null && cookie.getValue().length() == 43) {
                token = cookie.getValue();
            } else {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                issued = true;
            }
        }
        return token;
    }

    /** True when this request made the token, so the response must set the cookie. */
    boolean issued() {
        return issued;
    }
}
