package dev.storefront.account;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

import dev.storefront.cart.CartCookie;
import dev.storefront.cart.CartService;
import dev.storefront.config.StoreConfig;
import dev.storefront.order.Order;
import dev.storefront.web.ClientAddress;
import dev.storefront.web.Countries;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;

/** Sign-in, registration, sign-out, password reset and the account page with its address book. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    /** Messages shown after a redirect, by the code in {@code ?notice=}; nothing from the URL is echoed. */
    static final Map<String, String> NOTICES = Map.of(
            "registered", "Welcome! Your account is ready.",
            "password-changed", "Your password is changed. Every other device has been signed out.",
            "password-reset", "Your password is set. Sign in with it now.",
            "signed-out-everywhere", "You are signed out on every device.",
            "email-sent", "We sent a confirmation link to your new address. Follow it within an hour.",
            "email-changed", "Your email address is changed.",
            "profile-saved", "Your name is saved.",
            "address-saved", "The address is saved.",
            "address-deleted", "The address is deleted.");

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

        static native TemplateInstance account(User user, List<Address> addresses, List<Order> orders,
                String notice, Map<String, String> errors, AccountService.AddressForm typed,
                Map<String, String> addressErrors, List<CountryOption> countries);

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
    @Path("account")
    @Authenticated
    public Response account(@QueryParam("notice") String notice) {
        User user = caller();
        return page(200, Templates.account(user, Address.ofUser(user), orders(user), notice(notice), Map.of(), null,
                Map.of(), countries()));
    }

    @POST
    @Path("account/profile")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveProfile(@FormParam("name") String name) {
        return afterChange(() -> accounts.changeName(caller(), name), "profile-saved");
    }

    @POST
    @Path("account/password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@FormParam("currentPassword") String current,
            @FormParam("newPassword") String replacement) {
        User user = caller();
        Response answer = afterChange(() -> accounts.changePassword(user, current, replacement), "password-changed");
        if (answer.getStatus() != 303) {
            return answer;
        }
        // every session ended with the change; this browser gets a new one
        return Response.fromResponse(answer)
                .cookie(BrowserSession.cookie(accounts.openBrowserSession(user), config.secureCookies())).build();
    }

    @POST
    @Path("account/email")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeEmail(@FormParam("newEmail") String newEmail, @FormParam("password") String password) {
        return afterChange(() -> accounts.requestEmailChange(caller(), newEmail, password), "email-sent");
    }

    @GET
    @Path("account/email/confirm")
    public Response confirmEmail(@QueryParam("token") String link) {
        if (!accounts.confirmEmailChange(link)) {
            throw new NotFoundException("This link is not valid any more");
        }
        return Response.seeOther(URI.create("/account?notice=email-changed")).build();
    }

    @POST
    @Path("account/sessions/revoke-all")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOutEverywhere() {
        accounts.signOutEverywhere(caller());
        return Response.seeOther(URI.create("/login?notice=signed-out-everywhere"))
                .cookie(BrowserSession.expired(config.secureCookies()), CartCookie.cleared(config.secureCookies()))
                .build();
    }

    @POST
    @Path("account/addresses")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addAddress(@FormParam("name") String name, @FormParam("line1") String line1,
            @FormParam("line2") String line2, @FormParam("city") String city, @FormParam("region") String region,
            @FormParam("postalCode") String postalCode, @FormParam("country") String country,
            @FormParam("makeDefault") String makeDefault) {
        AccountService.AddressForm form = new AccountService.AddressForm(name, line1, line2, city, region, postalCode,
                country, makeDefault != null);
        try {
            accounts.addAddress(caller(), form);
            return Response.seeOther(URI.create("/account?notice=address-saved")).build();
        } catch (InvalidInputException e) {
            // beside their fields, with what was typed kept
            User user = caller();
            return page(400, Templates.account(user, Address.ofUser(user), orders(user), null, Map.of(), form,
                    byField(e), countries()));
        }
    }

    @POST
    @Path("account/addresses/{id}/default")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response makeDefault(@PathParam("id") long id) {
        if (!accounts.makeDefaultAddress(caller(), id)) {
            throw new NotFoundException("No address " + id);
        }
        return Response.seeOther(URI.create("/account?notice=address-saved")).build();
    }

    @POST
    @Path("account/addresses/{id}/delete")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteAddress(@PathParam("id") long id) {
        if (!accounts.deleteAddress(caller(), id)) {
            throw new NotFoundException("No address " + id);
        }
        return Response.seeOther(URI.create("/account?notice=address-deleted")).build();
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

    /** A country the store ships to, by name, for the address form. */
    public record CountryOption(String code, String name) {
    }

    private List<CountryOption> countries() {
        return config.checkout().countries().stream().map(code -> new CountryOption(code, Countries.name(code)))
                .toList();
    }

    private static List<Order> orders(User user) {
        return Order.list("userId = ?1 order by createdAt desc", user.id);
    }

    private static String notice(String code) {
        return code == null ? null : NOTICES.get(code);
    }

    private Response afterChange(Runnable change, String notice) {
        try {
            change.run();
            return Response.seeOther(URI.create("/account?notice=" + notice)).build();
        } catch (InvalidInputException e) {
            User user = caller();
            return page(400, Templates.account(user, Address.ofUser(user), orders(user), null, byField(e), null,
                    Map.of(), countries()));
        }
    }

    private User caller() {
        if (token.getSubject() == null) {
            throw new UnauthorizedException();
        }
        return User.<User>findByIdOptional(Long.parseLong(token.getSubject())).filter(u -> u.enabled)
                .orElseThrow(UnauthorizedException::new);
    }

    private static Map<String, String> byField(InvalidInputException e) {
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

    private static Response page(int status, TemplateInstance template) {
        // rendered here, so that a CSRF token made while rendering gets its cookie on this response
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").entity(template.render()).build();
    }
}
