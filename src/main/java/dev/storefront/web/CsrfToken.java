package dev.storefront.web;

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

    @Inject
    HttpServerRequest request;

    private String token;
    private boolean issued;

    @Inject
    PersonalParts personal;

    /** This browser's token (a slot while a shared page is rendered). */
    public String token() {
        if (personal.deferred()) {
            return PersonalParts.CSRF_TOKEN_SLOT;
        }
        if (token == null) {
            Cookie cookie = request.getCookie(COOKIE);
            if (cookie != null && SecureTokens.looksLikeToken(cookie.getValue())) {
                token = cookie.getValue();
            } else {
                token = SecureTokens.newToken();
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
