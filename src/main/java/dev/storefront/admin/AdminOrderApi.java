package dev.storefront.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

import dev.storefront.config.StoreConfig;
import dev.storefront.fulfilment.OrderFulfilment;
import dev.storefront.fulfilment.OrderQueries;
import dev.storefront.money.Money;
import dev.storefront.order.Order;
import dev.storefront.order.OrderLine;
import dev.storefront.order.OrderStatus;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.StoreRoles;

/** Orders for integrations: find, read, ship, cancel and refund. */
@Path("/api/v1/admin/orders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StoreRoles.ADMIN, StoreRoles.STAFF })
@Tag(name = "Admin: orders")
public class AdminOrderApi {

    public record OrderSummaryJson(String number, OrderStatus status, String email, Money total, Money refunded,
            Instant createdAt, Instant paidAt, Instant shippedAt, String trackingNumber, String carrier) {
        static OrderSummaryJson of(Order o) {
            return new OrderSummaryJson(o.number, o.status, o.email, o.total(), o.refunded(), o.createdAt, o.paidAt,
                    o.shippedAt, o.trackingNumber, o.carrier);
        }
    }

    public record LineJson(String sku, String name, String variant, int quantity, Money unitPrice, Money lineTotal) {
    }

    public record PaymentJson(String provider, String providerRef, String status, Money amount) {
    }

    public record RefundJson(Money amount, String reason, String status, String actor, Instant createdAt) {
    }

    public record EmailJson(String kind, String recipient, Instant sentAt, int attempts, String lastError) {
    }

    public record OrderJson(OrderSummaryJson order, Long userId, List<LineJson> lines, Money subtotal,
            Money shipping, Money tax, String shippingMethod, Object shippingAddress, PaymentJson payment,
            List<RefundJson> refunds, List<EmailJson> emails, String cancelReason,
            List<OrderQueries.TimelineEntry> timeline) {
    }

    public record NoteRequest(String note) {
    }

    public record Shipment(String trackingNumber, String carrier) {
    }

    /** {@code requestKey}: optional, 8-64 characters; a request repeated with the same key refunds once. */
    public record RefundRequest(String amount, String reason, String requestKey) {
    }

    @Inject
    OrderQueries queries;

    @Inject
    OrderFulfilment fulfilment;

    @Inject
    SecurityIdentity identity;

    @Inject
    StoreConfig config;

    @GET
    @Operation(summary = "Orders by status, creation date (from/to, YYYY-MM-DD, UTC), customer (email or name), q (number or email) and minTotal (a decimal); sort newest (default), oldest, total-high or total-low")
    public AdminCatalogApi.ListJson<OrderSummaryJson> list(@QueryParam("status") String status,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("customer") String customer,
            @QueryParam("q") String q, @QueryParam("minTotal") String minTotal, @QueryParam("sort") String sort,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        AdminPaging paging = AdminPaging.strict(page, size);
        OrderQueries.Filter filter = filter(status, from, to, customer, q, minTotal, sort, config.currency(), true);
        return new AdminCatalogApi.ListJson<>(queries.find(filter, paging.offset(), paging.size()).stream()
                .map(OrderSummaryJson::of).toList(), queries.count(filter), paging.page(), paging.size());
    }

    @GET
    @Path("{number}")
    public OrderJson get(@PathParam("number") String number) {
        return json(number);
    }

    @POST
    @Path("{number}/ship")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Marks a paid order shipped with a tracking number (and carrier) and emails the customer")
    public OrderJson ship(@PathParam("number") String number, Shipment body) {
        fulfilment.ship(number, body == null ? null : body.trackingNumber(), body == null ? null : body.carrier(),
                actor());
        return json(number);
    }

    @POST
    @Path("{number}/deliver")
    public OrderJson deliver(@PathParam("number") String number) {
        fulfilment.markDelivered(number, actor());
        return json(number);
    }

    @POST
    @Path("{number}/cancel")
    @Operation(summary = "Cancels an unshipped order: releases its stock, or refunds it and restocks")
    public OrderJson cancel(@PathParam("number") String number) {
        fulfilment.cancel(number, actor());
        return json(number);
    }

    @POST
    @Path("{number}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refunds an amount (a decimal such as \"12.50\"; everything left when omitted)")
    public OrderJson refund(@PathParam("number") String number, RefundRequest body) {
        fulfilment.refund(number, body == null ? null : body.amount(), body == null ? null : body.reason(),
                body == null ? null : body.requestKey(), actor());
        return json(number);
    }

    @POST
    @Path("{number}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds an internal note to the order (never shown to the customer); it joins the timeline")
    public OrderJson note(@PathParam("number") String number, NoteRequest body) {
        fulfilment.addNote(number, InvalidInputException.requireBody(body).note(), actor());
        return json(number);
    }

    @POST
    @Path("{number}/confirmation")
    @Operation(summary = "Emails the order's confirmation again (409 while the last one is undelivered or under a minute old)")
    public OrderJson resendConfirmation(@PathParam("number") String number) {
        fulfilment.resendConfirmation(number, actor());
        return json(number);
    }

    /**
     * The list's filters as typed: the API ({@code strict}) refuses what it cannot read with a 400 naming it, the
     * page ignores it (a hand-edited address still lists orders).
     */
    static OrderQueries.Filter filter(String status, String from, String to, String customer, String q,
            String minTotal, String sort, String currency, boolean strict) {
        Long min = null;
        if (minTotal != null && !minTotal.isBlank()) {
            try {
                min = Money.parseDecimal(minTotal, currency).amount();
            } catch (IllegalArgumentException e) {
                if (strict) {
                    throw InvalidInputException.of("minTotal", e.getMessage());
                }
            }
        }
        OrderQueries.OrderSort order = OrderQueries.OrderSort.named(sort);
        if (order == null && sort != null && !sort.isBlank() && strict) {
            throw InvalidInputException.of("sort", "must be newest, oldest, total-high or total-low");
        }
        OrderStatus parsedStatus = null;
        if (status != null && !status.isBlank()) {
            try {
                parsedStatus = OrderStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                if (strict) {
                    throw new InvalidInputException(List.of(new FieldError("status", "must be one of "
                            + java.util.Arrays.toString(OrderStatus.values()))));
                }
            }
        }
        return new OrderQueries.Filter(parsedStatus, date("from", from, strict), date("to", to, strict), customer, q,
                min, order);
    }

    private static LocalDate date(String field, String text, boolean strict) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.getYear() >= 2000 && date.getYear() <= 2999) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        if (strict) {
            throw InvalidInputException.of(field, "must be a date from 2000 to 2999, such as 2026-11-22");
        }
        return null;
    }

    private OrderJson json(String number) {
        OrderQueries.Detail detail = queries.detail(number).orElseThrow(() -> new NotFoundException("No order " + number));
        Order o = detail.order();
        List<LineJson> lines = o.lines.stream().map((OrderLine l) -> new LineJson(l.sku, l.name, l.variantLabel,
                l.quantity, Money.of(l.unitPriceAmount, o.currency), Money.of(l.lineTotalAmount, o.currency))).toList();
        PaymentJson payment = detail.payment() == null ? null : new PaymentJson(detail.payment().provider,
                detail.payment().providerRef, detail.payment().status.name(),
                Money.of(detail.payment().amount, detail.payment().currency));
        return new OrderJson(OrderSummaryJson.of(o), o.userId, lines, o.subtotal(), o.shipping(), o.tax(),
                o.shippingMethod, java.util.Map.of("name", o.shipName, "line1", o.shipLine1, "line2", o.shipLine2,
                        "city", o.shipCity, "region", o.shipRegion, "postalCode", o.shipPostalCode, "country",
                        o.shipCountry),
                payment,
                detail.refunds().stream().map(r -> new RefundJson(r.money(o.currency), r.reason, r.status.name(),
                        r.actor, r.createdAt)).toList(),
                detail.emails().stream().map(e -> new EmailJson(e.kind, e.recipient, e.sentAt, e.attempts,
                        e.lastError)).toList(),
                o.cancelReason, detail.timeline());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
