package dev.storefront.search;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import dev.storefront.web.InvalidInputException;
import dev.storefront.web.InvalidInputException.FieldError;

/** Full-text search and autocomplete for API clients and the search box script. */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchApi {

    @Inject
    Listings search;

    /** A suggestion as the search box shows it. */
    public record SuggestionJson(String name, String slug, String url) {
    }

    public record Suggestions(List<SuggestionJson> suggestions) {
    }

    /** Same filters, facets and paging as {@code /api/v1/products}, plus the words in {@code q}. */
    @GET
    public ListingJson search(@Context UriInfo uri) {
        return ListingJson.of(search.search(ListingParameters.strict(uri.getQueryParameters(), null)));
    }

    /** At most 8 products once two characters are typed; fewer characters give an empty list. */
    @GET
    @Path("suggest")
    public Suggestions suggest(@QueryParam("q") String q) {
        if (q != null && q.length() > ListingQuery.MAX_TEXT) {
            throw InvalidInputException.of("q", "at most " + ListingQuery.MAX_TEXT
                    + " characters");
        }
        return new Suggestions(search.suggest(q).stream()
                .map(s -> new SuggestionJson(s.name(), s.slug(), "/p/" + s.slug())).toList());
    }
}
