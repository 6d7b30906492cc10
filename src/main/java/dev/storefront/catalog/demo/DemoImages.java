package dev.storefront.catalog.demo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import dev.storefront.catalog.Swatches;
import dev.storefront.web.HttpCaching;

/**
 * Product pictures for the demo catalog, drawn as SVG from the file name alone so the repository
 * ships no binaries and nothing is downloaded: {@code /media/demo/coastal-linen-shirt-2.svg}.
 */
@Path(DemoImages.PATH)
public class DemoImages {

    public static final String PATH = "/media/demo/";
    /** Between a product's slug and a colour's, in the name of the picture of that colour: {@code shirt-in-navy}. */
    public static final String COLOUR_MARK = "-in-";
    private static final String SVG = "image/svg+xml";
    /** Bump when the drawing changes so caches fetch the new pictures. */
    private static final String DRAWING_VERSION = "2";
    private static final String CACHE_CONTROL = "public, max-age=604800";

    @GET
    @Path("{name: [a-z0-9]+(-[a-z0-9]+)*}.svg")
    public Response image(@PathParam("name") String name, Request request) {
        EntityTag tag = new EntityTag(DRAWING_VERSION + "-" + Integer.toHexString(name.hashCode()));
        return HttpCaching.cacheable(request, tag, CACHE_CONTROL, draw(name).getBytes(StandardCharsets.UTF_8), SVG);
    }

    /** A soft two-tone backdrop, a product-like shape and the product's name, all chosen by the name's hash. */
    static String draw(String name) {
        int colourAt = name.lastIndexOf(COLOUR_MARK);
        String colour = colourAt < 0 ? null : Swatches.of(name.substring(colourAt + COLOUR_MARK.length()).replace('-', ' '))
                .orElse(null);
        // the pictures of one product in several colours share its backdrop and shape
        int hash = (colour == null ? name : name.substring(0, colourAt)).hashCode();
        int hue = Math.floorMod(hash, 360);
        int accentHue = (hue + 35 + Math.floorMod(hash >> 9, 60)) % 360;
        int shape = Math.floorMod(hash >> 3, 3);
        String view = name.replaceAll("-\\d+$", "");
        String title = Arrays.stream(view.split("-"))
                .filter(word -> !word.chars().allMatch(Character::isDigit))
                .map(word -> word.equals("in") ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining(" "));
        String figure = switch (shape) {
            case 0 -> "<circle cx=\"400\" cy=\"330\" r=\"170\" fill=\"%s\"/>";
            case 1 -> "<rect x=\"250\" y=\"170\" width=\"300\" height=\"320\" rx=\"36\" fill=\"%s\"/>";
            default -> "<path d=\"M400 150 L580 480 L220 480 Z\" fill=\"%s\"/>";
        };
        String accent = String.format(Locale.ROOT, "hsl(%d,55%%,45%%)", accentHue);
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800" role="img">\
                <title>%1$s</title>\
                <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">\
                <stop offset="0" stop-color="hsl(%2$d,60%%,92%%)"/><stop offset="1" stop-color="hsl(%2$d,45%%,78%%)"/>\
                </linearGradient></defs>\
                <rect width="800" height="800" fill="url(#g)"/>%3$s\
                <text x="400" y="640" text-anchor="middle" font-family="system-ui,sans-serif" font-size="40" \
                fill="hsl(%2$d,40%%,22%%)">%1$s</text></svg>"""
                .formatted(escape(title), hue, figure.formatted(colour == null ? accent : colour));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
