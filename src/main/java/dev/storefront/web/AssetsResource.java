package dev.storefront.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * Serves {@link Assets}. A fingerprinted URL whose fingerprint matches is immutable for a year; any
 * other (a plain name, or a page cached from before a deploy) gets the current file, revalidated.
 */
@Path(Assets.URL_PREFIX)
public class AssetsResource {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "public, max-age=0, must-revalidate";

    @Inject
    Assets assets;

    @GET
    @Path("{file: .+}")
    public Response asset(@PathParam("file") String file, Request request) {
        String[] parsed = Assets.parse(file);
        Assets.Asset asset = assets.find(parsed[0])
                .orElseThrow(() -> new NotFoundException("No asset " + file));
        boolean current = asset.fingerprint().equals(parsed[1]);
        return HttpCaching.cacheable(request, new EntityTag(asset.fingerprint()), current ? IMMUTABLE : REVALIDATE,
                asset.content(), asset.contentType());
    }
}
