package dev.storefront.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

import dev.storefront.config.StoreConfig;
import dev.storefront.money.Money;
import dev.storefront.promotion.Promotion;
import dev.storefront.promotion.PromotionAdmin.PromotionInput;
import dev.storefront.promotion.PromotionAdmin;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.MoneyFormat;
import dev.storefront.web.StoreRoles;

/**
 * Promotions in the back office: the list with how each did, a form to make or change one (errors beside
 * their fields, what was typed kept), pause, resume and end (ending asks first), and single-use codes made in
 * bulk and downloaded as CSV.
 */
@Path("/admin/promotions")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(StoreRoles.ADMIN)
public class AdminPromotionPages {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final List<String> FIELDS = List.of("name", "code", "kind", "percentOff", "amountOff", "appliesTo",
            "targets", "minSubtotal", "minQuantity", "startsAt", "endsAt", "usageLimit", "perCustomerLimit");
    private static final Map<String, String> NOTICES = Map.of("saved", "The promotion is saved.",
            "paused", "The promotion is paused: no cart or checkout gets it until it is resumed.",
            "resumed", "The promotion is running again.", "ended", "The promotion has ended.",
            "codes", "The codes are made: download them below.", "deleted", "The promotion is deleted.");

    /** A promotion as the list shows it. */
    public record Row(long id, String name, String code, String offer, String appliesTo, String status, String uses,
            long paidOrders, String revenue, String discountGiven, String runs) {
    }

    /** The form as shown: the promotion's values, or what was typed when it was refused. */
    public record PromotionForm(Long id, String name, String code, boolean automatic, String kind, String percentOff,
            String amountOff, String appliesTo, String targets, String minSubtotal, String minQuantity,
            String startsAt, String endsAt, boolean firstOrderOnly, boolean signedInOnly, String usageLimit,
            String perCustomerLimit, boolean combinable, String status, long codeCount) {
    }

    @Inject
    PromotionAdmin promotions;

    @Inject
    SecurityIdentity identity;

    @Inject
    StoreConfig config;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Row> promotions, String q, String state, String sort, String notice);

        static native TemplateInstance edit(PromotionForm form, Row row, Map<String, String> errors, String firstError,
                String notice);

        static native TemplateInstance end(PromotionForm form);
    }

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("state") String state,
            @QueryParam("sort") String sort, @QueryParam("notice") String notice) {
        String status = state != null && Set.of("ACTIVE", "PAUSED", "ENDED").contains(state) ? state : null;
        String text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        String order = "name".equals(sort) || "orders".equals(sort) ? sort : "newest";
        Stream<Row> rows = promotions.list(status).stream().map(this::row)
                .filter(r -> text.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(text)
                        || r.code() != null && r.code().toLowerCase(Locale.ROOT).contains(text));
        if ("name".equals(order)) {
            rows = rows.sorted(Comparator.comparing(r -> r.name().toLowerCase(Locale.ROOT)));
        } else if ("orders".equals(order)) {
            rows = rows.sorted(Comparator.comparingLong(Row::paidOrders).reversed());
        }
        return AdminPages.page(Templates.list(rows.toList(), q == null ? "" : q, status == null ? "" : status, order,
                notice == null ? null : NOTICES.get(notice)));
    }

    @GET
    @Path("new")
    public Response blank() {
        PromotionForm form = new PromotionForm(null, "", "", false, "PERCENT_OFF", "", "", "ORDER", "", "", "", "", "",
                false, false, "", "", false, "ACTIVE", 0);
        return AdminPages.page(Templates.edit(form, null, Map.of(), null, null));
    }

    @GET
    @Path("{id}")
    public Response edit(@PathParam("id") long id, @QueryParam("notice") String notice) {
        Promotion p = promotions.get(id);
        return AdminPages.page(Templates.edit(form(p), row(p), Map.of(), null,
                notice == null ? null : NOTICES.get(notice)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        return save(null, form);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return save(id, form);
    }

    /** Pause or resume at once (both undo each other); ending asks first. */
    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        String to = AdminForms.value(form, "status");
        if ("ENDED".equals(to) && !"yes".equals(form.getFirst("confirm"))) {
            return AdminPages.page(Templates.end(form(promotions.get(id))));
        }
        if (!List.of("ACTIVE", "PAUSED", "ENDED").contains(to)) {
            throw InvalidInputException.of("status", "must be ACTIVE, PAUSED or ENDED");
        }
        promotions.update(id, new PromotionInput(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, to), actor());
        String notice = switch (to) {
            case "PAUSED" -> "paused";
            case "ENDED" -> "ended";
            default -> "resumed";
        };
        return AdminPages.seeOther("/admin/promotions/" + id + "?notice=" + notice);
    }

    @POST
    @Path("{id}/codes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response generate(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        try {
            Long count = AdminForms.parseLong(AdminForms.value(form, "count").strip());
            promotions.generateCodes(id, count == null || count > Integer.MAX_VALUE ? -1 : count.intValue(),
                    AdminForms.value(form, "prefix"), actor());
            return AdminPages.seeOther("/admin/promotions/" + id + "?notice=codes");
        } catch (InvalidInputException e) {
            Promotion p = promotions.get(id);
            return AdminPages.page(400, Templates.edit(form(p), row(p), byField(e), null, null));
        }
    }

    @GET
    @Path("{id}/codes.csv")
    @Produces("text/csv")
    public Response codes(@PathParam("id") long id) {
        return Response.ok(AdminPromotionApi.csv(promotions.codes(id)), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"promotion-" + id + "-codes.csv\"").build();
    }

    private Response save(Long id, MultivaluedMap<String, String> form) {
        try {
            PromotionInput input = input(form);
            Promotion saved = id == null ? promotions.create(input, actor()) : promotions.update(id, input, actor());
            return AdminPages.seeOther("/admin/promotions/" + saved.id + "?notice=saved");
        } catch (InvalidInputException e) {
            Map<String, String> errors = byField(e);
            String first = FIELDS.stream().filter(errors::containsKey).findFirst().orElse(null);
            PromotionForm typed = new PromotionForm(id, AdminForms.value(form, "name"), AdminForms.value(form, "code"),
                    form.containsKey("automatic"), AdminForms.value(form, "kind"), AdminForms.value(form, "percentOff"),
                    AdminForms.value(form, "amountOff"), AdminForms.value(form, "appliesTo"),
                    AdminForms.value(form, "targets"), AdminForms.value(form, "minSubtotal"),
                    AdminForms.value(form, "minQuantity"), AdminForms.value(form, "startsAt"),
                    AdminForms.value(form, "endsAt"), form.containsKey("firstOrderOnly"),
                    form.containsKey("signedInOnly"), AdminForms.value(form, "usageLimit"),
                    AdminForms.value(form, "perCustomerLimit"), form.containsKey("combinable"),
                    id == null ? "ACTIVE" : promotions.get(id).status.name(), id == null ? 0 : promotions.codeCount(id));
            return AdminPages.page(400, Templates.edit(typed, id == null ? null : row(promotions.get(id)), errors,
                    first, null));
        }
    }

    /** The form's text as the service's input: blank limits are "none", dates are UTC. */
    private PromotionInput input(MultivaluedMap<String, String> form) {
        String kind = AdminForms.value(form, "kind");
        return new PromotionInput(AdminForms.value(form, "name"), AdminForms.value(form, "code"),
                form.containsKey("automatic") ? Boolean.TRUE : null, kind, "PERCENT_OFF".equals(kind) ? AdminForms.value(form, "percentOff")
                        : null, "AMOUNT_OFF".equals(kind) ? AdminForms.value(form, "amountOff") : null,
                AdminForms.value(form, "appliesTo"), Arrays.stream(AdminForms.value(form, "targets").split("[\\n,]"))
                        .map(String::strip).filter(t -> !t.isEmpty()).toList(),
                AdminForms.value(form, "minSubtotal"), whole(form, "minQuantity"), when(form, "startsAt"),
                when(form, "endsAt"), form.containsKey("firstOrderOnly"), form.containsKey("signedInOnly"),
                whole(form, "usageLimit"), whole(form, "perCustomerLimit"), form.containsKey("combinable"), null);
    }

    /** Blank is 0 (none); not a whole number is -1, which the checks refuse beside the field. */
    private static Integer whole(MultivaluedMap<String, String> form, String name) {
        String text = AdminForms.value(form, name).strip();
        if (text.isEmpty()) {
            return 0;
        }
        Long value = AdminForms.parseLong(text);
        return value == null || value > Integer.MAX_VALUE || value < 0 ? -1 : value.intValue();
    }

    private static Instant when(MultivaluedMap<String, String> form, String name) {
        String text = AdminForms.value(form, name).strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "must be a date and time such as 2026-12-24T18:00");
        }
    }

    private Row row(Promotion p) {
        PromotionAdmin.Usage usage = promotions.usage(p.id);
        String currency = config.currency();
        String runs = p.status == Promotion.Status.ENDED ? "ended " + DAY_TIME.format(p.updatedAt)
                : (p.startsAt == null ? "from its making" : DAY_TIME.format(p.startsAt)) + " – "
                        + (p.endsAt == null ? "no end" : DAY_TIME.format(p.endsAt));
        String scope = switch (p.appliesTo) {
            case ORDER -> "the whole order";
            case PRODUCTS -> p.targets.length + " product" + (p.targets.length == 1 ? "" : "s");
            case CATEGORIES -> p.targets.length + (p.targets.length == 1 ? " category" : " categories");
            case SKUS -> p.targets.length + " SKU" + (p.targets.length == 1 ? "" : "s");
        };
        String status = switch (p.status) {
            case ACTIVE -> p.usageLimit != null && p.uses >= p.usageLimit ? "Used up"
                    : p.runningAt(Instant.now()) ? "Running"
                    : p.endsAt != null && !Instant.now().isBefore(p.endsAt) ? "Expired" : "Scheduled";
            case PAUSED -> "Paused";
            case ENDED -> "Ended";
        };
        return new Row(p.id, p.name, p.automatic ? "automatic" : promotions.mainCode(p.id), p.describe(currency),
                scope, status, p.uses + (p.usageLimit == null ? "" : " of " + p.usageLimit), usage.paidOrders(),
                MoneyFormat.formatted(Money.of(usage.revenue(), currency)),
                MoneyFormat.formatted(Money.of(usage.discount(), currency)), runs);
    }

    private PromotionForm form(Promotion p) {
        return new PromotionForm(p.id, p.name, p.automatic ? "" : promotions.mainCode(p.id), p.automatic,
                p.kind.name(), p.percentBp == null ? "" : java.math.BigDecimal.valueOf(p.percentBp, 2)
                        .stripTrailingZeros().toPlainString(), p.amount == null ? "" : decimal(p.amount),
                p.appliesTo.name(), String.join("\n", promotions.targetNames(p)), p.minSubtotal == null ? "" : decimal(p.minSubtotal),
                p.minQuantity == null ? "" : p.minQuantity.toString(), p.startsAt == null ? "" : FIELD.format(p.startsAt),
                p.endsAt == null ? "" : FIELD.format(p.endsAt), p.firstOrderOnly, p.signedInOnly,
                p.usageLimit == null ? "" : p.usageLimit.toString(),
                p.perCustomerLimit == null ? "" : p.perCustomerLimit.toString(), p.combinable, p.status.name(),
                promotions.codeCount(p.id));
    }

    private String decimal(long minor) {
        return Money.of(minor, config.currency()).decimal().replaceAll(" .*", "");
    }

    private static Map<String, String> byField(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
        return errors;
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
