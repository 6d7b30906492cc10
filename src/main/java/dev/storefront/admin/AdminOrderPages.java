package dev.storefront.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

import dev.storefront.config.StoreConfig;
import dev.storefront.fulfilment.OrderFulfilment;
import dev.storefront.fulfilment.OrderQueries;
import dev.storefront.money.Money;
import dev.storefront.order.Order;
import dev.storefront.order.OrderStatus;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.MoneyFormat;
import dev.storefront.web.SecureTokens;
import dev.storefront.web.StoreRoles;

/** Orders: the filtered list, and each order with its payment, refunds and emails, and what can be done to it. */
@Path("/admin/orders")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ StoreRoles.ADMIN, StoreRoles.STAFF })
public class AdminOrderPages {

    @Inject
    OrderQueries queries;

    @Inject
    OrderFulfilment fulfilment;

    @Inject
    SecurityIdentity identity;

    @Inject
    StoreConfig config;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Order> orders, OrderStatus[] statuses, String status, String from,
                String to, String customer, String q, String minTotal, OrderQueries.OrderSort[] sorts, String sort,
                int page, int pages, long total, String base, String notice, String error);

        static native TemplateInstance order(OrderQueries.Detail detail, List<String> errors,
                Map<String, String> fieldErrors, String firstError, Map<String, String> typed, String notice,
                String error);

        static native TemplateInstance confirm(Order order, String question, String consequence, String action,
                String amount, String reason, String requestKey, String button);

        static native TemplateInstance packingSlip(Order order, String storeName);
    }

    /** What a refund of {@code amount} (blank: everything left) would give back, formatted; null if unreadable. */
    private static String refundAmount(Order order, String amount) {
        try {
            return MoneyFormat.formatted(Money.of(refundMinor(order, amount), order.currency));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long refundMinor(Order order, String amount) {
        return amount == null || amount.isBlank() ? order.totalAmount - order.refundedAmount
                : Money.parseDecimal(amount, order.currency).amount();
    }

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("customer") String customer, @QueryParam("q") String q,
            @QueryParam("minTotal") String minTotal, @QueryParam("sort") String sort, @QueryParam("page") String page,
            @QueryParam("notice") String notice) {
        String text = notice == null || !notice.matches("shipped-\\d{1,3}") ? null
                : AdminForms.count(Integer.parseInt(notice.substring(8)), "order") + " marked shipped; the customers"
                        + " are emailed.";
        String problem = null;
        if (minTotal != null && !minTotal.isBlank()) {
            try {
                Money.parseDecimal(minTotal, config.currency());
            } catch (IllegalArgumentException e) {
                problem = "Total at least " + e.getMessage() + "; the orders below are not filtered by total.";
            }
        }
        return listPage(200, status, from, to, customer, q, minTotal, sort, page, text, problem);
    }

    private Response listPage(int httpStatus, String status, String from, String to, String customer, String q,
            String minTotal, String sort, String page, String notice, String error) {
        AdminPaging paging = AdminPaging.lenient(page);
        OrderQueries.Filter filter = AdminOrderApi.filter(status, from, to, customer, q, minTotal, sort,
                config.currency(), false);
        long total = queries.count(filter);
        String base = "/admin/orders?status=" + AdminForms.enc(status) + "&from=" + AdminForms.enc(from)
                + "&to=" + AdminForms.enc(to) + "&customer=" + AdminForms.enc(customer) + "&q="
                + AdminForms.enc(q) + "&minTotal=" + AdminForms.enc(minTotal) + "&sort=" + AdminForms.enc(sort) + "&";
        return AdminPages.page(httpStatus, Templates.list(queries.find(filter, paging.offset(), paging.size()),
                OrderStatus.values(), filter.status() == null ? "" : filter.status().name(), from, to, customer, q,
                minTotal, OrderQueries.OrderSort.values(), filter.sort() == null ? "" : filter.sort().param(),
                paging.page(), paging.pages(total), total, base, notice, error));
    }

    /**
     * Marks the ticked orders shipped, each with the tracking number typed in its row (and the carrier given
     * once): each order is its own change, so one refused (no tracking number, not paid) leaves the others done.
     */
    @POST
    @Path("ship")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response shipMany(MultivaluedMap<String, String> form) {
        List<String> numbers = form.getOrDefault("number", List.of()).stream().filter(n -> n != null && !n.isBlank())
                .distinct().toList();
        if (numbers.isEmpty()) {
            return listPage(400, "PAID", null, null, null, null, null, null, null, null,
                    "Tick the orders to mark shipped.");
        }
        if (numbers.size() > AdminForms.MAX_BULK) {
            return listPage(400, "PAID", null, null, null, null, null, null, null, null,
                    "At most " + AdminForms.MAX_BULK + " orders at once.");
        }
        String carrier = AdminForms.value(form, "carrier");
        List<String> refused = new ArrayList<>();
        int shipped = 0;
        for (String number : numbers) {
            try {
                fulfilment.ship(number, AdminForms.value(form, "tracking." + number), carrier, actor());
                shipped++;
            } catch (InvalidInputException e) {
                refused.add(number + ": " + String.join("; ", AdminForms.messages(e)));
            } catch (ClientErrorException e) {
                refused.add(number + ": " + e.getMessage());
            }
        }
        if (refused.isEmpty()) {
            return AdminPages.seeOther("/admin/orders?status=PAID&notice=shipped-" + shipped);
        }
        return listPage(409, "PAID", null, null, null, null, null, null, null,
                shipped == 0 ? null : AdminForms.count(shipped, "order") + " marked shipped; the customers are emailed.",
                "Not marked shipped: " + String.join(". ", refused) + ".");
    }

    @GET
    @Path("{number}")
    public Response order(@PathParam("number") String number, @QueryParam("notice") String notice) {
        String text = notice == null ? null : switch (notice) {
            case "shipped" -> "Marked shipped; the customer has been emailed the tracking number.";
            case "delivered" -> "Marked delivered.";
            case "cancelled" -> "The order is cancelled; its stock is back and any payment refunded.";
            case "refunded" -> "The refund went through.";
            case "noted" -> "The note is added.";
            case "confirmation" -> "The confirmation is on its way to the customer again.";
            default -> null;
        };
        return render(200, number, List.of(), text, null);
    }

    @POST
    @Path("{number}/ship")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ship(@PathParam("number") String number, @RestForm("trackingNumber") String tracking,
            @RestForm("carrier") String carrier) {
        return act(number, "shipped", Map.of("trackingNumber", text(tracking), "carrier", text(carrier)),
                () -> fulfilment.ship(number, tracking, carrier, actor()));
    }

    @POST
    @Path("{number}/deliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deliver(@PathParam("number") String number) {
        return act(number, "delivered", () -> fulfilment.markDelivered(number, actor()));
    }

    @POST
    @Path("{number}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("number") String number, @RestForm("confirm") String confirm) {
        if (!"yes".equals(confirm)) {
            Order order = detail(number).order();
            int units = order.lines.stream().mapToInt(line -> line.quantity).sum();
            String money = order.paidAt == null ? "Nothing was paid, so nothing is refunded."
                    : refundAmount(order, null) + " (everything not refunded yet) goes back to the customer's"
                            + " payment, and they are emailed.";
            return AdminPages.page(Templates.confirm(order, "Cancel order " + order.number + "?", "Its " + units
                    + (units == 1 ? " item goes" : " items go") + " back into stock. " + money,
                    "/admin/orders/" + number + "/cancel", null, null, null, "Cancel the order"));
        }
        return act(number, "cancelled", () -> fulfilment.cancel(number, actor()));
    }

    @POST
    @Path("{number}/refund")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refund(@PathParam("number") String number, @RestForm("amount") String amount,
            @RestForm("reason") String reason, @RestForm("confirm") String confirm,
            @RestForm("requestKey") String requestKey) {
        Order order = detail(number).order();
        String money = refundAmount(order, amount);
        if (!"yes".equals(confirm) && money != null) { // an unreadable amount is refused with its message
            long minor = refundMinor(order, amount);
            long left = order.totalAmount - order.refundedAmount;
            if (minor <= 0 || minor > left) { // said now, not after the admin has confirmed it
                String problem = minor <= 0 ? "must be more than zero" : "is more than the "
                        + MoneyFormat.formatted(Money.of(left, order.currency)) + " left to refund";
                return act(number, "refunded", Map.of("amount", text(amount), "reason", text(reason)), () -> {
                    throw InvalidInputException.of("amount", problem);
                });
            }
            // the confirmation's own key: confirmed twice (a double click, two tabs), it refunds once
            return AdminPages.page(Templates.confirm(order, "Refund " + money + "?", money + " goes back to the"
                    + " customer's payment for order " + order.number + ", and they are emailed. A refund cannot be"
                    + " taken back.", "/admin/orders/" + number + "/refund", amount == null ? "" : amount,
                    reason == null ? "" : reason, SecureTokens.newToken(), "Refund " + money));
        }
        return act(number, "refunded", Map.of("amount", text(amount), "reason", text(reason)),
                () -> fulfilment.refund(number, amount, reason, requestKey, actor()));
    }

    @POST
    @Path("{number}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(@PathParam("number") String number, @RestForm("note") String note) {
        return act(number, "noted", Map.of("note", text(note)), () -> fulfilment.addNote(number, note, actor()));
    }

    @POST
    @Path("{number}/confirmation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resendConfirmation(@PathParam("number") String number) {
        return act(number, "confirmation", () -> fulfilment.resendConfirmation(number, actor()));
    }

    /** A printable page for whoever packs the parcel: the address and what goes in it, no prices. */
    @GET
    @Path("{number}/packing-slip")
    public Response packingSlip(@PathParam("number") String number) {
        return AdminPages.page(Templates.packingSlip(detail(number).order(), config.name()));
    }

    private Response act(String number, String notice, Runnable action) {
        return act(number, notice, Map.of(), action);
    }

    /**
     * Does the action and goes back to the order; refused, the order page again with each error beside its field
     * and what was {@code typed} still in the form.
     */
    private Response act(String number, String notice, Map<String, String> typed, Runnable action) {
        try {
            action.run();
            return AdminPages.seeOther("/admin/orders/" + number + "?notice=" + notice);
        } catch (InvalidInputException e) {
            Map<String, String> fields = new LinkedHashMap<>();
            e.errors().forEach(error -> fields.putIfAbsent(error.field(), error.message()));
            return AdminPages.page(400, Templates.order(detail(number), List.of(), fields,
                    fields.keySet().stream().findFirst().orElse(null), typed, null, null));
        } catch (ClientErrorException e) {
            if (e.getResponse().getStatus() == 404) {
                throw e;
            }
            return render(e.getResponse().getStatus(), number, List.of(), null, e.getMessage());
        } catch (OrderFulfilment.RefundFailedException e) {
            return render(502, number, List.of(), null, e.getMessage());
        }
    }

    private Response render(int status, String number, List<String> errors, String notice, String error) {
        return AdminPages.page(status, Templates.order(detail(number), errors, Map.of(), null, Map.of(), notice, error));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private OrderQueries.Detail detail(String number) {
        return queries.detail(number).orElseThrow(() -> new NotFoundException("No order " + number));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
