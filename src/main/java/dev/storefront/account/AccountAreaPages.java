package dev.storefront.account;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.annotation.security.PermitAll;
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

import dev.storefront.cart.CartCookie;
import dev.storefront.config.StoreConfig;
import dev.storefront.order.Order;
import dev.storefront.web.Countries;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.MoneyFormat;

/**
 * The signed-in shopper's account, one page per concern: an overview with the profile ({@code /account}),
 * the address book ({@code /account/addresses}, each address editable), the order history
 * ({@code /account/orders}) and sign-in security ({@code /account/security}). Every form works without
 * JavaScript; a refused form comes back with the problem beside its field and what was typed kept.
 */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AccountAreaPages {

    /** Messages shown after a redirect, by the code in {@code ?notice=}; nothing from the URL is echoed. */
    private static final Map<String, String> NOTICES = Map.of(
            "registered", "Welcome! Your account is ready.",
            "password-changed", "Your password is changed. Every other device has been signed out.",
            "email-sent", "We sent a confirmation link to your new address. Follow it within an hour.",
            "email-changed", "Your email address is changed.",
            "profile-saved", "Your name is saved.",
            "address-saved", "The address is saved.",
            "address-deleted", "The address is deleted.");
    /** The fields of each form in the order shown: the first with a problem gets the focus. */
    private static final List<String> ADDRESS_FIELDS = List.of("name", "line1", "line2", "city", "region",
            "postalCode", "country");
    private static final List<String> SECURITY_FIELDS = List.of("currentPassword", "newPassword", "newEmail",
            "password");
    private static final int ORDERS_PER_PAGE = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    AccountService accounts;

    @Inject
    JsonWebToken token;

    @Inject
    StoreConfig config;

    /** A country the store ships to, by name, for the address form. */
    public record CountryOption(String code, String name) {
    }

    /** An order as the history lists it: what a shopper looks for at a glance. */
    public record OrderRow(String number, String placedOn, String status, int units, String total) {
        static OrderRow of(Order order) {
            return new OrderRow(order.number, DAY.format(order.createdAt), order.status.shopperWords(),
                    order.lines.stream().mapToInt(line -> line.quantity).sum(), MoneyFormat.formatted(order.total()));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(User user, Address defaultAddress, List<OrderRow> recentOrders,
                long orderCount, String notice, Map<String, String> errors);

        static native TemplateInstance addresses(List<Address> addresses, String notice,
                AccountService.AddressForm typed, Map<String, String> errors, String firstError,
                List<CountryOption> countries);

        static native TemplateInstance address(long id, AccountService.AddressForm form, boolean isDefault,
                Map<String, String> errors, String firstError, List<CountryOption> countries);

        static native TemplateInstance orders(List<OrderRow> orders, int page, int pages, long total);

        static native TemplateInstance security(User user, String notice, Map<String, String> errors,
                String firstError);
    }

    @GET
    public Response overview(@QueryParam("notice") String notice) {
        return overviewPage(200, caller(), notice(notice), Map.of());
    }

    @POST
    @Path("profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveProfile(@FormParam("name") String name) {
        User user = caller();
        return afterChange(() -> accounts.changeName(user, name), "/account?notice=profile-saved",
                errors -> overviewPage(400, user, null, errors));
    }

    // ---- addresses

    @GET
    @Path("addresses")
    public Response addresses(@QueryParam("notice") String notice) {
        return AccountPages.page(200, Templates.addresses(Address.ofUser(caller()), notice(notice), null, Map.of(),
                null, countries()));
    }

    @POST
    @Path("addresses")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addAddress(@FormParam("name") String name, @FormParam("line1") String line1,
            @FormParam("line2") String line2, @FormParam("city") String city, @FormParam("region") String region,
            @FormParam("postalCode") String postalCode, @FormParam("country") String country,
            @FormParam("makeDefault") String makeDefault) {
        User user = caller();
        AccountService.AddressForm form = new AccountService.AddressForm(name, line1, line2, city, region, postalCode,
                country, makeDefault != null);
        return afterChange(() -> accounts.addAddress(user, form), "/account/addresses?notice=address-saved",
                errors -> AccountPages.page(400, Templates.addresses(Address.ofUser(user), null, form, errors,
                        first(errors, ADDRESS_FIELDS), countries())));
    }

    @GET
    @Path("addresses/{id}")
    public Response editAddress(@PathParam("id") long id) {
        Address address = Address.findOwned(id, caller()).orElseThrow(() -> new NotFoundException("No address " + id));
        AccountService.AddressForm form = new AccountService.AddressForm(address.name, address.line1, address.line2,
                address.city, address.region, address.postalCode, address.country, address.isDefault);
        return AccountPages.page(200, Templates.address(id, form, address.isDefault, Map.of(), null,
                countries()));
    }

    @POST
    @Path("addresses/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateAddress(@PathParam("id") long id, @FormParam("name") String name,
            @FormParam("line1") String line1, @FormParam("line2") String line2, @FormParam("city") String city,
            @FormParam("region") String region, @FormParam("postalCode") String postalCode,
            @FormParam("country") String country, @FormParam("makeDefault") String makeDefault) {
        User user = caller();
        Address address = Address.findOwned(id, user).orElseThrow(() -> new NotFoundException("No address " + id));
        boolean wasDefault = address.isDefault;
        AccountService.AddressForm form = new AccountService.AddressForm(name, line1, line2, city, region, postalCode,
                country, makeDefault != null);
        return afterChange(() -> accounts.updateAddress(user, id, form), "/account/addresses?notice=address-saved",
                errors -> AccountPages.page(400, Templates.address(id, form, wasDefault, errors,
                        first(errors, ADDRESS_FIELDS), countries())));
    }

    @POST
    @Path("addresses/{id}/default")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response makeDefault(@PathParam("id") long id) {
        if (!accounts.makeDefaultAddress(caller(), id)) {
            throw new NotFoundException("No address " + id);
        }
        return seeOther("/account/addresses?notice=address-saved");
    }

    @POST
    @Path("addresses/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteAddress(@PathParam("id") long id) {
        if (!accounts.deleteAddress(caller(), id)) {
            throw new NotFoundException("No address " + id);
        }
        return seeOther("/account/addresses?notice=address-deleted");
    }

    // ---- orders

    /** Newest first, twenty to a page; a page past the end shows the last one. */
    @GET
    @Path("orders")
    public Response orders(@QueryParam("page") String page) {
        User user = caller();
        long total = Order.count("userId", user.id);
        int pages = (int) Math.max(1, (total + ORDERS_PER_PAGE - 1) / ORDERS_PER_PAGE);
        int shown = Math.min(pages, pageNumber(page));
        List<OrderRow> rows = Order.<Order>find("userId = ?1 order by createdAt desc, id desc", user.id)
                .page(shown - 1, ORDERS_PER_PAGE).list().stream().map(OrderRow::of).toList();
        return AccountPages.page(200, Templates.orders(rows, shown, pages, total));
    }

    // ---- security

    @GET
    @Path("security")
    public Response security(@QueryParam("notice") String notice) {
        return AccountPages.page(200, Templates.security(caller(), notice(notice), Map.of(), null));
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@FormParam("currentPassword") String current,
            @FormParam("newPassword") String replacement) {
        User user = caller();
        Response answer = afterChange(() -> accounts.changePassword(user, current, replacement),
                "/account/security?notice=password-changed",
                errors -> AccountPages.page(400, Templates.security(user, null, errors,
                        first(errors, SECURITY_FIELDS))));
        if (answer.getStatus() != 303) {
            return answer;
        }
        // every session ended with the change; this browser gets a new one
        return Response.fromResponse(answer)
                .cookie(BrowserSession.cookie(accounts.openBrowserSession(user), config.secureCookies())).build();
    }

    @POST
    @Path("email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeEmail(@FormParam("newEmail") String newEmail, @FormParam("password") String password) {
        User user = caller();
        return afterChange(() -> accounts.requestEmailChange(user, newEmail, password),
                "/account/security?notice=email-sent",
                errors -> AccountPages.page(400, Templates.security(user, null, errors,
                        first(errors, SECURITY_FIELDS))));
    }

    /** The link from the confirmation email; it may be opened on another device, signed out. */
    @GET
    @Path("email/confirm")
    @PermitAll
    public Response confirmEmail(@QueryParam("token") String link) {
        if (!accounts.confirmEmailChange(link)) {
            throw new NotFoundException("This link is not valid any more");
        }
        return seeOther("/account?notice=email-changed");
    }

    @POST
    @Path("sessions/revoke-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOutEverywhere() {
        accounts.signOutEverywhere(caller());
        return Response.seeOther(URI.create("/login?notice=signed-out-everywhere"))
                .cookie(BrowserSession.expired(config.secureCookies()), CartCookie.cleared(config.secureCookies()))
                .build();
    }

    // ----

    private Response overviewPage(int status, User user, String notice, Map<String, String> errors) {
        Address defaultAddress = Address.ofUser(user).stream().filter(a -> a.isDefault).findFirst().orElse(null);
        List<OrderRow> recent = Order.<Order>find("userId = ?1 order by createdAt desc, id desc", user.id).page(0, 3)
                .list().stream().map(OrderRow::of).toList();
        return AccountPages.page(status, Templates.overview(user, defaultAddress, recent, Order.count("userId",
                user.id), notice, errors));
    }

    private List<CountryOption> countries() {
        return config.checkout().countries().stream().map(code -> new CountryOption(code, Countries.name(code)))
                .toList();
    }

    /** Runs the change and sees the shopper on to {@code next}; a refusal is shown by {@code refused}. */
    private static Response afterChange(Runnable change, String next,
            Function<Map<String, String>, Response> refused) {
        try {
            change.run();
            return seeOther(next);
        } catch (InvalidInputException e) {
            return refused.apply(AccountPages.byField(e));
        }
    }

    private static String first(Map<String, String> errors, List<String> fields) {
        return fields.stream().filter(errors::containsKey).findFirst().orElse(null);
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    private static int pageNumber(String page) {
        try {
            return Math.max(1, Integer.parseInt(page == null ? "1" : page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String notice(String code) {
        return code == null ? null : NOTICES.get(code);
    }

    private User caller() {
        return User.signedIn(token);
    }
}
