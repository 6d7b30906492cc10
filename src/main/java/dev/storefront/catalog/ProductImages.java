package dev.storefront.catalog;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Optional;

import javax.imageio.ImageIO;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.storefront.config.StoreConfig;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;
import dev.storefront.web.SecureTokens;

/**
 * Uploaded product pictures: checked by their content (JPEG, PNG or WebP, at most 5 MB, and decodable),
 * stored under the data directory by the hash of their bytes, with a 400-pixel thumbnail beside each.
 * A picture's URL never changes meaning, so it can be cached for a year.
 */
@ApplicationScoped
public class ProductImages {

    public static final String URL_PREFIX = "/media/images/";
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    /** 4096 × 4096: decoded, a picture takes 4 bytes a pixel of the store's memory. */
    public static final long MAX_PIXELS = 4096L * 4096;
    public static final int THUMBNAIL_SIZE = 400;

    /** The formats we take, told apart by their first bytes. */
    public enum Format {
        JPEG("jpg", "image/jpeg"), PNG("png", "image/png"), WEBP("webp", "image/webp");

        public final String extension;
        public final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        static Optional<Format> sniff(byte[] head) {
            if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
                return Optional.of(JPEG);
            }
            if (head.length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                    && head[4] == '\r' && head[5] == '\n' && head[6] == 0x1a && head[7] == '\n') {
                return Optional.of(PNG);
            }
            if (head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                    && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
                return Optional.of(WEBP);
            }
            return Optional.empty();
        }

        static Optional<Format> ofExtension(String extension) {
            for (Format format : values()) {
                if (format.extension.equals(extension)) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }
    }

    @Inject
    StoreConfig config;

    static {
        // the WebP reader is a plugin found through the class loader of the application, not the JDK's
        ImageIO.scanForPlugins();
    }

    /** Stores an uploaded file and returns its URL; refuses anything that is not a picture we take. */
    public String store(Path upload, String field) throws IOException {
        long size = Files.size(upload);
        if (size > MAX_BYTES) {
            throw invalid(field, "is " + (size / (1024 * 1024)) + " MB; pictures may be at most 5 MB");
        }
        if (size == 0) {
            throw invalid(field, "is empty");
        }
        byte[] head = new byte[12];
        int read;
        try (InputStream in = Files.newInputStream(upload)) {
            read = in.readNBytes(head, 0, head.length);
        }
        Format format = Format.sniff(java.util.Arrays.copyOf(head, read)).orElseThrow(() -> invalid(field,
                "is not a JPEG, PNG or WebP picture (judged by its content, whatever its name)"));
        long[] dimensions = dimensions(upload);
        if (dimensions != null && dimensions[0] * dimensions[1] > MAX_PIXELS) {
            throw invalid(field, "is " + dimensions[0] + " × " + dimensions[1] + " pixels; pictures may have at most "
                    + "4096 × 4096 (16.8 megapixels)");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(upload.toFile());
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) {
            throw invalid(field, "looks like " + format + " but cannot be read as a picture");
        }
        String name = hash(upload);
        Path directory = directory();
        Files.createDirectories(directory);
        Path original = directory.resolve(name + "." + format.extension);
        if (!Files.exists(original)) {
            Path temporary = directory.resolve(name + ".part-" + SecureTokens.newToken().substring(0, 8));
            Files.copy(upload, temporary, StandardCopyOption.REPLACE_EXISTING);
            writeThumbnail(image, directory.resolve(thumbnailName(name, format)));
            Files.move(temporary, original, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return URL_PREFIX + original.getFileName();
    }

    /** Width and height from the picture's header, without decoding its pixels; null when unreadable. */
    private static long[] dimensions(Path upload) {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(upload.toFile())) {
            java.util.Iterator<javax.imageio.ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new long[] { reader.getWidth(0), reader.getHeight(0) };
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The thumbnail's URL for an uploaded picture's URL; other URLs (demo drawings) are their own thumbnail. */
    public static String thumbnailUrl(String url) {
        if (url == null || !url.startsWith(URL_PREFIX)) {
            return url;
        }
        String file = url.substring(URL_PREFIX.length());
        int dot = file.lastIndexOf('.');
        return Format.ofExtension(file.substring(dot + 1))
                .map(format -> URL_PREFIX + thumbnailName(file.substring(0, dot), format)).orElse(url);
    }

    /** A stored file by its name, if the name is one this class writes. */
    public Optional<StoredFile> find(String file) {
        if (!file.matches("[0-9a-f]{32}(-" + THUMBNAIL_SIZE + ")?\\.(jpg|png|webp)")) {
            return Optional.empty();
        }
        Path path = directory().resolve(file);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        String extension = file.substring(file.lastIndexOf('.') + 1);
        return Optional.of(new StoredFile(path, Format.ofExtension(extension).orElseThrow().contentType));
    }

    public record StoredFile(Path path, String contentType) {
    }

    private Path directory() {
        return config.dataDir().resolve("images");
    }

    /** Thumbnails keep transparency as PNG and are JPEG otherwise. */
    private static String thumbnailName(String name, Format format) {
        return name + "-" + THUMBNAIL_SIZE + (format == Format.JPEG ? ".jpg" : ".png");
    }

    private static void writeThumbnail(BufferedImage image, Path target) throws IOException {
        boolean jpeg = target.toString().endsWith(".jpg");
        double scale = Math.min(1.0, (double) THUMBNAIL_SIZE / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage thumbnail = new BufferedImage(width, height,
                jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = thumbnail.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        graphics.drawImage(image, 0, 0, width, height, null);
        graphics.dispose();
        if (!ImageIO.write(thumbnail, jpeg ? "jpeg" : "png", target.toFile())) {
            throw new IOException("no writer for " + target);
        }
    }

    private static String hash(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvalidInputException invalid(String field, String message) {
        return InvalidInputException.of(field, message);
    }
}
