package dev.storefront.account;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

import dev.storefront.cart.CartCookie;
import dev.storefront.cart.CartService;
import dev.storefront.config.StoreConfig;
import dev.storefront.web.ClientAddress;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;

/** Sign-in, registration, sign-out and password reset; the account's own pages are {@link AccountAreaPages}. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    /** Messages shown after a redirect, by the code in {@code ?notice=}; nothing from the URL is echoed. */
    static final Map<String, String> NOTICES = Map.of(
            "password-reset", "Your password is set. Sign in with it now.",
            "signed-out-everywhere", "You are signed out on every device.");

    @Inject
    AccountService accounts;

    @Inject
    JsonWebToken token;

    @Inject
    StoreConfig config;

    @Inject
    CartService carts;

    @Inject
    AddressLimits limits;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String email, String next, String error, String notice);

        static native TemplateInstance register(String email, String name, Map<String, String> errors);

        static native TemplateInstance logout();

        static native TemplateInstance resetRequest(boolean sent);

        static native TemplateInstance resetForm(String token, boolean usable, Map<String, String> errors);
    }

    @GET
    @Path("login")
    public Response loginPage(@QueryParam("next") String next, @QueryParam("notice") String notice) {
        return page(200, Templates.login("", safeNext(next), null, notice(notice)));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("email") String email, @FormParam("password") String password,
            @FormParam("next") String next, HttpServerRequest request) {
        String target = safeNext(next);
        try {
            User user = accounts.authenticate(email, password, ClientAddress.of(request));
            return signedIn(user, target, request);
        } catch (SignInFailedException e) {
            return page(401, Templates.login(trimmed(email), target, e.getMessage(), null));
        } catch (LoginThrottle.TooManyAttemptsException e) {
            return Response.fromResponse(page(429, Templates.login(trimmed(email), target, e.getMessage(), null)))
                    .header("Retry-After", e.retryAfterSeconds()).build();
        }
    }

    @GET
    @Path("register")
    public Response registerPage() {
        return page(200, Templates.register("", "", Map.of()));
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@FormParam("email") String email, @FormParam("name") String name,
            @FormParam("password") String password, HttpServerRequest request) {
        try {
            limits.registration(ClientAddress.of(request));
            User user = accounts.register(email, password, name);
            return signedIn(user, "/account?notice=registered", request);
        } catch (InvalidInputException e) {
            return page(400, Templates.register(trimmed(email), trimmed(name), byField(e)));
        }
    }

    @GET
    @Path("logout")
    public Response logoutPage() {
        return page(200, Templates.logout());
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout() {
        Optional.ofNullable(token.<String>getClaim(Tokens.SESSION_CLAIM)).ifPresent(accounts::signOut);
        // the cart cookie points at the account's cart now: the next visitor of this browser starts afresh
        return Response.seeOther(URI.create("/")).cookie(BrowserSession.expired(config.secureCookies()),
                CartCookie.cleared(config.secureCookies())).build();
    }

    @GET
    @Path("password-reset")
    public Response resetRequestPage() {
        return page(200, Templates.resetRequest(false));
    }

    /** The same answer whether or not the account exists. */
    @POST
    @Path("password-reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestReset(@FormParam("email") String email, HttpServerRequest request) {
        if (limits.resetRequest(ClientAddress.of(request))) { // beyond the allowance: the same answer, no email
            accounts.requestPasswordReset(email);
        }
        return page(200, Templates.resetRequest(true));
    }

    @GET
    @Path("password-reset/{token}")
    public Response resetPage(@PathParam("token") String link) {
        boolean usable = accounts.resetLinkUsable(link);
        return page(usable ? 200 : 404, Templates.resetForm(link, usable, Map.of()));
    }

    @POST
    @Path("password-reset/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@PathParam("token") String link, @FormParam("password") String password) {
        try {
            if (!accounts.resetPassword(link, password)) {
                return page(404, Templates.resetForm(link, false, Map.of()));
            }
        } catch (InvalidInputException e) {
            return page(400, Templates.resetForm(link, true, byField(e)));
        }
        return Response.seeOther(URI.create("/login?notice=password-reset")).build();
    }

    /**
     * The session cookie, and the account's cart in the cart cookie: a guest cart from this browser is
     * merged into it (quantities added, capped by stock), and then the shopper sees the cart with a notice.
     */
    private Response signedIn(User user, String target, HttpServerRequest request) {
        CartService.MergeResult cart = carts.cartForAccount(user.id, CartCookie.of(request));
        return Response.seeOther(URI.create(cart.merged() ? "/cart?notice=merged" : target))
                .cookie(BrowserSession.cookie(accounts.openBrowserSession(user), config.secureCookies()),
                        CartCookie.holding(cart.cartId(), config.cart().lifetime(), config.secureCookies()))
                .build();
    }

    private static String notice(String code) {
        return code == null ? null : NOTICES.get(code);
    }

    static Map<String, String> byField(InvalidInputException e) {
        return e.errors().stream().collect(java.util.stream.Collectors.toMap(FieldError::field, FieldError::message,
                (a, b) -> a));
    }

    /** Only a path on this site, so that a crafted link cannot send the shopper elsewhere after sign-in. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.length() > 500) {
            return "/account";
        }
        try {
            java.net.URI.create(next); // a space, a '|' or a broken %-escape would fail the redirect later
            return next;
        } catch (IllegalArgumentException e) {
            return "/account";
        }
    }

    private static String trimmed(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.strip();
        return clean.length() > 254 ? clean.substring(0, 254) : clean;
    }

    static Response page(int status, TemplateInstance template) {
        // rendered here, so that a CSRF token made while rendering gets its cookie on this response
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").entity(template.render()).build();
    }
}
