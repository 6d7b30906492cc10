package dev.storefront.catalog;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** Serves uploaded product pictures; their names are hashes of their content, so they never change. */
@Path(ProductImages.URL_PREFIX)
public class ProductImagesResource {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Inject
    ProductImages images;

    @GET
    @Path("{file}")
    public Response image(@PathParam("file") String file, Request request) {
        ProductImages.StoredFile stored = images.find(file)
                .orElseThrow(() -> new NotFoundException("No picture " + file));
        EntityTag tag = new EntityTag(file);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.header("Cache-Control", IMMUTABLE).build();
        }
        return Response.ok(stored.path().toFile(), stored.contentType()).tag(tag).header("Cache-Control", IMMUTABLE)
                .build();
    }
}
