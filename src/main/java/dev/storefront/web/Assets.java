package dev.storefront.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Static files under {@code src/main/resources/assets}, addressed by fingerprinted names
 * ({@code css/store.css} is linked as {@code /assets/css/store.1a2b3c4d5e.css}) so that browsers and
 * Nginx may cache them for a year and still see every change at once.
 */
@ApplicationScoped
@Named("assets")
public class Assets {

    static final String URL_PREFIX = "/assets/";
    private static final String CLASSPATH_ROOT = "assets/";
    private static final Pattern FINGERPRINTED = Pattern.compile("(.+)\\.([0-9a-f]{10})(\\.[a-z0-9]+)");
    private static final Pattern SAFE_PATH = Pattern.compile("[a-z0-9_-]+(/[a-z0-9_-]+)*\\.[a-z0-9]+");

    /** An asset's bytes with the fingerprint of its content. */
    public record Asset(String path, byte[] content, String fingerprint) {
        public String contentType() {
            return Assets.contentType(path);
        }
    }

    /** Found assets only: a miss is not stored, so requests for made-up names cannot grow the map. */
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    /** The URL to link in pages, e.g. {@code url('css/store.css')}. */
    public String url(String path) {
        Asset asset = find(path).orElseThrow(() -> new IllegalArgumentException("No asset " + path));
        int dot = path.lastIndexOf('.');
        return URL_PREFIX + path.substring(0, dot) + "." + asset.fingerprint() + path.substring(dot);
    }

    public Optional<Asset> find(String path) {
        if (!SAFE_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(cache.computeIfAbsent(path, Assets::load));
    }

    /** Splits a requested name into the plain path and the fingerprint it carried, if any. */
    static String[] parse(String requested) {
        Matcher matcher = FINGERPRINTED.matcher(requested);
        if (matcher.matches()) {
            return new String[] { matcher.group(1) + matcher.group(3), matcher.group(2) };
        }
        return new String[] { requested, null };
    }

    private static Asset load(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream(CLASSPATH_ROOT + path)) {
            if (in == null) {
                return null;
            }
            byte[] content = in.readAllBytes();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return new Asset(path, content, HexFormat.of().formatHex(digest).substring(0, 10));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String contentType(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        return switch (extension) {
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            case "woff2" -> "font/woff2";
            case "txt" -> "text/plain; charset=utf-8";
            default -> "application/octet-stream";
        };
    }
}
