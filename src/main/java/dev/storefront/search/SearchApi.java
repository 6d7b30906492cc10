package dev.storefront.search;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.storefront.catalog.JsonCache;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.InvalidInputException.FieldError;

/** Full-text search and autocomplete for API clients and the search box script. */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchApi {

    @Inject
    Listings search;

    @Inject
    JsonCache answers;

    /** A suggestion as the search box shows it. */
    public record SuggestionJson(String name, String slug, String url) {
    }

    public record Suggestions(List<SuggestionJson> suggestions) {
    }

    /** Same filters, facets and paging as {@code /api/v1/products}, plus the words in {@code q}. */
    @GET
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ListingJson.class)))
    public Response search(@Context UriInfo uri, @Context Request request) {
        ListingQuery query = ListingParameters.strict(uri.getQueryParameters(), null);
        return answers.json(request, "/search?" + query, () -> ListingJson.of(search.search(query)));
    }

    /** At most 8 products once two characters are typed; fewer characters give an empty list. */
    @GET
    @Path("suggest")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Suggestions.class)))
    public Response suggest(@QueryParam("q") String q, @Context Request request) {
        if (q != null && q.length() > ListingQuery.MAX_TEXT) {
            throw InvalidInputException.of("q", "at most " + ListingQuery.MAX_TEXT
                    + " characters");
        }
        String typed = q == null ? "" : q.strip();
        return answers.json(request, "/search/suggest?" + typed, () -> new Suggestions(search.suggest(typed).stream()
                .map(s -> new SuggestionJson(s.name(), s.slug(), "/p/" + s.slug())).toList()));
    }
}
