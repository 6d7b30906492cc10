package dev.storefront.checkout;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

import dev.storefront.account.Address;
import dev.storefront.account.User;
import dev.storefront.cart.CartCookie;
import dev.storefront.cart.CartService;
import dev.storefront.config.StoreConfig;
import dev.storefront.inventory.InsufficientStockException;
import dev.storefront.order.ShippingAddress;
import dev.storefront.promotion.Promotions;
import dev.storefront.web.ClientAddress;
import dev.storefront.web.Countries;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.MoneyFormat;

/** The checkout form: email, shipping address and method, the order summary; then on to payment. */
@Path("/checkout")
@Produces(MediaType.TEXT_HTML)
public class CheckoutPages {

    @Inject
    CheckoutService checkout;

    @Inject
    CheckoutValidation validation;

    @Inject
    CartService carts;

    @Inject
    StoreConfig config;

    @Inject
    JsonWebToken token;

    /** What the form shows and keeps between attempts. */
    public static class Form {
        @RestForm
        public String email;
        @RestForm
        public String name;
        @RestForm
        public String line1;
        @RestForm
        public String line2;
        @RestForm
        public String city;
        @RestForm
        public String region;
        @RestForm
        public String postalCode;
        @RestForm
        public String country;
        @RestForm
        public String shippingMethod;
        /** A discount code typed in the summary ("Apply" submits the whole form, so nothing typed is lost). */
        @RestForm
        public String code;

        public Form() {
        }

        Form(String email, String name, String line1, String line2, String city, String region, String postalCode,
                String country, String shippingMethod) {
            this.email = email;
            this.name = name;
            this.line1 = line1;
            this.line2 = line2;
            this.city = city;
            this.region = region;
            this.postalCode = postalCode;
            this.country = country;
            this.shippingMethod = shippingMethod;
        }
    }

    public record MethodView(String id, String name, String price, boolean selected) {
    }

    public record CountryView(String code, String name, boolean selected) {
    }

    /** The order summary before paying: every amount for the country and method chosen in the form. */
    public record TotalsView(String subtotal, String discount, List<DiscountLine> discounts, String shipping,
            String shippingMethod, String tax, String taxRate, String total, String country) {
    }

    /** A promotion given: its name (and code), and the amount off, formatted. */
    public record DiscountLine(String name, String code, String amount) {
    }

    /** The form's fields in page order: the first one with a problem gets the focus. */
    private static final List<String> FIELDS = List.of("email", "name", "line1", "line2", "city", "region",
            "postalCode", "country", "shippingMethod");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance checkout(CartService.CartView cart, Form form, List<MethodView> methods,
                List<CountryView> countries, TotalsView totals, Map<String, String> errors, String firstError,
                String problem);
    }

    @GET
    public Response page(HttpServerRequest request) {
        String cartId = CartCookie.of(request);
        if (isEmpty(cartId)) {
            return Response.seeOther(URI.create("/cart")).build();
        }
        return render(200, cartId, prefilled(), Map.of(), null);
    }

    /**
     * "Update totals": the same form with shipping, tax and total for the country and method chosen, and
     * what was typed kept; JSON for the page's script ({@code Accept: application/json}). Nothing is placed.
     */
    @POST
    @Path("totals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({ MediaType.TEXT_HTML, MediaType.APPLICATION_JSON })
    public Response totals(@BeanParam Form form, @HeaderParam(HttpHeaders.ACCEPT) String accept,
            HttpServerRequest request) {
        String cartId = CartCookie.of(request);
        if (isEmpty(cartId)) {
            return Response.seeOther(URI.create("/cart")).build();
        }
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON)) {
            return Response.ok(totals(carts.view(cartId), form), MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store").build();
        }
        return render(200, cartId, form, Map.of(), null);
    }

    /**
     * "Apply" beside the discount code: the code goes on the cart and the page comes back with its discount in
     * the totals and everything typed kept; a refusal is said beside the code field.
     */
    @POST
    @Path("discount-codes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response applyCode(@BeanParam Form form, HttpServerRequest request) {
        String cartId = CartCookie.of(request);
        if (isEmpty(cartId)) {
            return Response.seeOther(URI.create("/cart")).build();
        }
        try {
            carts.applyCode(cartId, form.code);
            form.code = "";
            return render(200, cartId, form, Map.of(), null);
        } catch (Promotions.CodeRefusedException e) {
            return render(400, cartId, form, Map.of("code", e.getMessage()), null);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response place(@BeanParam Form form, HttpServerRequest request) {
        String cartId = CartCookie.of(request);
        try {
            CheckoutService.Placed placed = checkout.checkout(new CheckoutRequest(cartId, form.email,
                    new ShippingAddress(form.name, form.line1, form.line2, form.city, form.region, form.postalCode,
                            form.country), form.shippingMethod),
                    userId(), ClientAddress.of(request));
            return Response.seeOther(URI.create(placed.payment().redirectUrl())).build();
        } catch (InvalidInputException e) {
            Map<String, String> errors = e.errors().stream().collect(Collectors.toMap(
                    error -> error.field().replace("shippingAddress.", ""), FieldError::message, (a, b) -> a));
            if (cartId == null) {
                return Response.seeOther(URI.create("/cart")).build();
            }
            // a problem with the cart itself (e.g. more items than one order may hold) has no field to mark
            String aboutTheCart = errors.remove("cartId");
            return render(400, cartId, form, errors,
                    aboutTheCart != null ? "Your cart " + aboutTheCart.replaceFirst("^the cart ", "")
                            : "Please check the fields marked below.");
        } catch (InsufficientStockException | Promotions.PromotionChangedException e) {
            return render(409, cartId, form, Map.of(), e.getMessage());
        } catch (ReservationCaps.CapReachedException e) {
            Response page = render(429, cartId, form, Map.of(), e.getMessage());
            page.getHeaders().putSingle("Retry-After", Long.toString(e.retryAfterSeconds()));
            return page;
        }
    }

    private boolean isEmpty(String cartId) {
        return cartId == null || carts.find(cartId).map(c -> c.lines().isEmpty()).orElse(true);
    }

    private Response render(int status, String cartId, Form form, Map<String, String> errors, String problem) {
        CartService.CartView cart = carts.view(cartId);
        String method = knownMethod(form.shippingMethod);
        List<MethodView> methods = validation.shippingMethods().stream().map(entry -> new MethodView(entry.getKey(),
                entry.getValue().name(), MoneyFormat.money(config.currency(),
                        validation.shippingPrice(entry.getKey(), cart.subtotal().amount())),
                entry.getKey().equals(method))).toList();
        String country = knownCountry(form.country);
        List<CountryView> countries = config.checkout().countries().stream()
                .map(code -> new CountryView(code, Countries.name(code), code.equals(country))).toList();
        String firstError = FIELDS.stream().filter(errors::containsKey).findFirst().orElse(null);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(Templates.checkout(cart, form, methods, countries, totals(cart, form), errors, firstError,
                        problem).render())
                .build();
    }

    private TotalsView totals(CartService.CartView cart, Form form) {
        String method = knownMethod(form.shippingMethod);
        String country = knownCountry(form.country);
        String typedEmail = form.email == null || form.email.isBlank() ? null : form.email.strip();
        CheckoutValidation.Totals totals = validation.totals(cart.id(), cart.basket(), cart.subtotal().amount(),
                userId(), typedEmail, country, method);
        int basisPoints = config.checkout().taxRates().getOrDefault(country, 0);
        String rate = BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + "%";
        List<DiscountLine> discounts = totals.promotions().applied().stream().map(a -> new DiscountLine(
                a.offer().name(), a.offer().code(), "−" + money(a.amount()))).toList();
        return new TotalsView(money(totals.subtotal()), "−" + money(totals.discount()), discounts,
                money(totals.shipping()),
                config.checkout().shippingMethods().get(method).name(), money(totals.tax()), rate,
                money(totals.total()), Countries.name(country));
    }

    private String money(long amount) {
        return MoneyFormat.money(config.currency(), amount);
    }

    /** The method chosen, or the cheapest when none (or an unknown one) is. */
    private String knownMethod(String method) {
        return method != null && config.checkout().shippingMethods().containsKey(method.strip()) ? method.strip()
                : validation.shippingMethods().get(0).getKey();
    }

    /** The country chosen, or the first the store ships to. */
    private String knownCountry(String country) {
        String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        return config.checkout().countries().contains(code) ? code : config.checkout().countries().get(0);
    }

    /** A signed-in shopper's email and default address, ready in the form. */
    private Form prefilled() {
        Long userId = userId();
        String defaultMethod = validation.shippingMethods().get(0).getKey();
        if (userId == null) {
            return new Form("", "", "", "", "", "", "", "US", defaultMethod);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            User user = User.findById(userId);
            Address address = Address.ofUser(user).stream().filter(a -> a.isDefault).findFirst().orElse(null);
            return address == null ? new Form(user.email, user.name, "", "", "", "", "", "US", defaultMethod)
                    : new Form(user.email, address.name, address.line1, address.line2, address.city, address.region,
                            address.postalCode, address.country, defaultMethod);
        });
    }

    private Long userId() {
        return token.getSubject() == null ? null : Long.valueOf(token.getSubject());
    }
}
