package dev.storefront.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A test-only endpoint that fails the way a bug would, to see how the store answers and logs it. */
@Path("/")
public class FailingResource {

    static final String PAGE = "/test-only/failing-page";
    static final String API = "/api/v1/test-only/failing";

    @GET
    @Path("test-only/failing-page")
    public String page() {
        throw new IllegalStateException("a bug in a page");
    }

    @GET
    @Path("api/v1/test-only/failing")
    public String api() {
        throw new IllegalStateException("a bug in the API");
    }
}
