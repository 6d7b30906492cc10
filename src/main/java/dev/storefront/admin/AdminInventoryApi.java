package dev.storefront.admin;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

import dev.storefront.inventory.InventoryService.MovementView;
import dev.storefront.inventory.InventoryService.StockView;
import dev.storefront.inventory.InventoryService;
import dev.storefront.inventory.MovementReason;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.StoreRoles;

/** Stock per SKU for warehouse systems: read, set with a version, adjust by a delta, and the history. */
@Path("/api/v1/admin/inventory")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StoreRoles.ADMIN, StoreRoles.STAFF })
@Tag(name = "Admin: inventory")
public class AdminInventoryApi {

    public record StockJson(String sku, int onHand, int reserved, int available, long version,
            int lowStockThreshold) {
        static StockJson of(StockView view) {
            return new StockJson(view.sku(), view.onHand(), view.reserved(), view.available(), view.version(),
                    view.lowStockThreshold());
        }
    }

    public record SetStock(Integer onHand, String reason, String note, Long version) {
    }

    public record Adjustment(Integer delta, String reason, String note) {
    }

    @Inject
    InventoryService inventory;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "SKUs matching a text, optionally only low (state=low) or sold-out (state=out) ones")
    public AdminCatalogApi.ListJson<StockJson> list(@QueryParam("q") String q, @QueryParam("state") String state,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        AdminPaging paging = AdminPaging.strict(page, size);
        if (state != null && !List.of("low", "out").contains(state)) {
            throw InvalidInputException.of("state", "must be low or out");
        }
        return new AdminCatalogApi.ListJson<>(inventory.list(q, state, paging.page(), paging.size()).stream()
                .map(StockJson::of).toList(), inventory.count(q, state), paging.page(), paging.size());
    }

    @GET
    @Path("{sku}")
    @Operation(summary = "Stock of a SKU; the ETag is its version, to send back as If-Match")
    public Response get(@PathParam("sku") String sku) {
        StockView view = inventory.level(sku);
        return Response.ok(StockJson.of(view)).tag(new EntityTag(Long.toString(view.version()))).build();
    }

    @PUT
    @Path("{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets stock on hand; needs If-Match (or \"version\") with the version read, else 428; a stale one gets 409")
    public Response set(@PathParam("sku") String sku, @HeaderParam("If-Match") String ifMatch, SetStock body) {
        InvalidInputException.requireBody(body);
        List<FieldError> errors = new ArrayList<>();
        if (body.onHand() == null || body.onHand() < 0 || body.onHand() > 1_000_000_000) {
            errors.add(new FieldError("onHand", "must be a whole number from 0 to 1000000000"));
        }
        MovementReason reason = reason(body.reason(), errors);
        String note = note(body.note(), errors);
        Long version = ifMatch != null ? version(ifMatch, errors) : body.version();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (version == null) {
            throw new ClientErrorException("Send the version you read as If-Match, so that you do not overwrite "
                    + "someone else's change", 428);
        }
        StockView view = inventory.set(sku, body.onHand(), reason, note, version, identity.getPrincipal().getName());
        return Response.ok(StockJson.of(view)).tag(new EntityTag(Long.toString(view.version()))).build();
    }

    @POST
    @Path("{sku}/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds (or with a negative delta removes) stock; never below what is reserved")
    public Response adjust(@PathParam("sku") String sku, Adjustment body) {
        InvalidInputException.requireBody(body);
        List<FieldError> errors = new ArrayList<>();
        if (body.delta() == null || body.delta() == 0 || Math.abs((long) body.delta()) > 1_000_000_000) {
            errors.add(new FieldError("delta", "must be a whole number other than 0"));
        }
        MovementReason reason = reason(body.reason(), errors);
        String note = note(body.note(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        StockView view = inventory.adjust(sku, body.delta(), reason, note, identity.getPrincipal().getName());
        return Response.ok(StockJson.of(view)).tag(new EntityTag(Long.toString(view.version()))).build();
    }

    @GET
    @Path("{sku}/movements")
    @Operation(summary = "The SKU's last 100 stock movements, newest first")
    public List<MovementView> movements(@PathParam("sku") String sku) {
        inventory.level(sku);
        return inventory.movements(sku, 100);
    }

    static MovementReason reason(String text, List<FieldError> errors) {
        return MovementReason.parseManual(text).orElseGet(() -> {
            errors.add(new FieldError("reason", "must be one of " + MovementReason.manualChoices()));
            return null;
        });
    }

    static String note(String text, List<FieldError> errors) {
        String note = text == null ? "" : text.strip();
        if (note.length() > 200) {
            errors.add(new FieldError("note", "must be at most 200 characters"));
        }
        return note;
    }

    private static Long version(String ifMatch, List<FieldError> errors) {
        String digits = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            errors.add(new FieldError("If-Match", "must be the version number read from this SKU"));
            return null;
        }
    }
}
