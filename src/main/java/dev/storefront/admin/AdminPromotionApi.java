package dev.storefront.admin;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

import dev.storefront.config.StoreConfig;
import dev.storefront.money.Money;
import dev.storefront.promotion.Promotion;
import dev.storefront.promotion.PromotionAdmin.PromotionInput;
import dev.storefront.promotion.PromotionAdmin;
import dev.storefront.promotion.PromotionCode;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.StoreRoles;

/**
 * Promotions for integrations: discount codes and automatic promotions, their usage and revenue, and bulk
 * single-use codes (as JSON or CSV).
 */
@Path("/api/v1/admin/promotions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(StoreRoles.ADMIN)
@Tag(name = "Admin: promotions")
public class AdminPromotionApi {

    /**
     * A promotion with how it did: {@code uses} (orders holding it, unpaid ones until cancelled), and of the paid
     * orders their {@code revenue} and the {@code discountGiven}.
     */
    public record PromotionJson(long id, String name, String code, long codeCount, boolean automatic, String kind,
            String percentOff, Money amountOff, String appliesTo, List<String> targets, Money minSubtotal,
            Integer minQuantity, Instant startsAt, Instant endsAt, boolean firstOrderOnly, boolean signedInOnly,
            Integer usageLimit, Integer perCustomerLimit, boolean combinable, String status, int uses,
            long paidOrders, Money revenue, Money discountGiven, Instant createdAt, Instant updatedAt) {
    }

    public record GenerateCodes(Integer count, String prefix) {
    }

    public record CodeJson(String code, Integer usageLimit, int uses) {
    }

    @Inject
    PromotionAdmin promotions;

    @Inject
    SecurityIdentity identity;

    @Inject
    StoreConfig config;

    @GET
    @Operation(summary = "Every promotion, newest first; status=ACTIVE, PAUSED or ENDED to filter")
    public List<PromotionJson> list(@QueryParam("status") String status) {
        if (status != null && !List.of("ACTIVE", "PAUSED", "ENDED").contains(status)) {
            throw InvalidInputException.of("status", "must be ACTIVE, PAUSED or ENDED");
        }
        return promotions.list(status).stream().map(this::json).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Makes a discount code (code) or an automatic promotion (automatic: true); kind PERCENT_OFF"
            + " (percentOff \"15\"), AMOUNT_OFF (amountOff \"10.00\") or FREE_SHIPPING")
    public Response create(PromotionInput body) {
        Promotion made = promotions.create(body, actor());
        return Response.status(Response.Status.CREATED).entity(json(made)).build();
    }

    @GET
    @Path("{id}")
    public PromotionJson get(@PathParam("id") long id) {
        return json(promotions.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes the given fields; status PAUSED pauses, ENDED ends, ACTIVE resumes")
    public PromotionJson update(@PathParam("id") long id, PromotionInput body) {
        return json(promotions.update(id, body, actor()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Deletes a promotion no order has used (409 otherwise: end it instead)")
    public Response delete(@PathParam("id") long id) {
        promotions.delete(id, actor());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generates count (1-10000) new single-use codes, prefix then 8 random characters")
    public Response generate(@PathParam("id") long id, GenerateCodes body) {
        InvalidInputException.requireBody(body);
        List<String> made = promotions.generateCodes(id, body.count(), body.prefix(), actor());
        return Response.status(Response.Status.CREATED).entity(made).build();
    }

    @GET
    @Path("{id}/codes")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @Operation(summary = "The promotion's codes with their uses; as CSV with Accept: text/csv")
    public Response codes(@PathParam("id") long id, @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        List<PromotionCode> codes = promotions.codes(id);
        if (accept != null && accept.contains("text/csv")) {
            return Response.ok(csv(codes), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"promotion-" + id + "-codes.csv\"").build();
        }
        return Response.ok(codes.stream().map(c -> new CodeJson(c.code, c.usageLimit, c.uses)).toList()).build();
    }

    /** code,usage_limit,uses,created_at: codes are letters, digits, - and _, so nothing needs quoting. */
    static String csv(List<PromotionCode> codes) {
        StringBuilder csv = new StringBuilder("code,usage_limit,uses,created_at\n");
        for (PromotionCode code : codes) {
            csv.append(code.code).append(',').append(code.usageLimit == null ? "" : code.usageLimit).append(',')
                    .append(code.uses).append(',').append(code.createdAt).append('\n');
        }
        return csv.toString();
    }

    private PromotionJson json(Promotion p) {
        PromotionAdmin.Usage usage = promotions.usage(p.id);
        String currency = config.currency();
        return new PromotionJson(p.id, p.name, promotions.mainCode(p.id), promotions.codeCount(p.id), p.automatic,
                p.kind.name(), p.percentBp == null ? null : java.math.BigDecimal.valueOf(p.percentBp, 2)
                        .stripTrailingZeros().toPlainString(),
                p.amount == null ? null : Money.of(p.amount, currency), p.appliesTo.name(), List.of(p.targets),
                p.minSubtotal == null ? null : Money.of(p.minSubtotal, currency), p.minQuantity, p.startsAt, p.endsAt,
                p.firstOrderOnly, p.signedInOnly, p.usageLimit, p.perCustomerLimit, p.combinable, p.status.name(),
                p.uses, usage.paidOrders(), Money.of(usage.revenue(), currency), Money.of(usage.discount(), currency),
                p.createdAt, p.updatedAt);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
