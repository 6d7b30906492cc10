package dev.storefront.search;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.storefront.catalog.JsonCache;

/** Product listings with facets for API clients: the catalog's {@code /api/v1/products}, answered from the index. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ListingApi {

    @Inject
    Listings search;

    @Inject
    JsonCache answers;

    /** Filters: {@code category} (a category or any of its parents), brand, colour, sizeOption, price, stock. */
    @GET
    @Path("products")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ListingJson.class)))
    public Response products(@Context UriInfo uri, @Context Request request) {
        ListingQuery query = ListingParameters.strict(uri.getQueryParameters(), null).withText("");
        return answers.json(request, "/products?" + query, () -> ListingJson.of(search.search(query)));
    }
}
