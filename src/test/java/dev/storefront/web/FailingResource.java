package dev.storefront.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A test-only page that fails the way a bug would, to see how the store answers and logs it. */
@Path("/test-only")
public class FailingResource {

    static final String PAGE = "/test-only/failing-page";
    static final String API = "/api/v1/test-only/failing";

    @GET
    @Path("failing-page")
    public String page() {
        throw new IllegalStateException("a bug in a page");
    }

    /**
     * The API twin, on its own root: JAX-RS picks the resource class with the longest matching path
     * first, so a class at "/" never gets an /api/v1/... request while CatalogApi holds /api/v1.
     */
    @Path("/api/v1/test-only")
    public static class Api {
        @GET
        @Path("failing")
        public String api() {
            throw new IllegalStateException("a bug in the API");
        }
    }
}
