package dev.storefront.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * A page rendered once for every visitor, kept as UTF-8 bytes around the slots of the visitor's own parts
 * ({@link PersonalParts}): serving it copies bytes and writes a cart count and a token, with no template,
 * no string building and no character encoding per request.
 */
public final class SharedPage {

    private static final Pattern SLOT = Pattern.compile(
            Pattern.quote(PersonalParts.CART_COUNT_SLOT) + "|" + Pattern.quote(PersonalParts.CSRF_TOKEN_SLOT));

    private final List<byte[]> chunks;
    private final List<Boolean> cartCountSlots;
    private final String fingerprint;
    private final int size;

    private SharedPage(List<byte[]> chunks, List<Boolean> cartCountSlots, String fingerprint, int size) {
        this.chunks = chunks;
        this.cartCountSlots = cartCountSlots;
        this.fingerprint = fingerprint;
        this.size = size;
    }

    static SharedPage of(String html) {
        List<byte[]> chunks = new ArrayList<>();
        List<Boolean> cartCountSlots = new ArrayList<>();
        Matcher slot = SLOT.matcher(html);
        int from = 0;
        while (slot.find()) {
            chunks.add(html.substring(from, slot.start()).getBytes(StandardCharsets.UTF_8));
            cartCountSlots.add(slot.group().equals(PersonalParts.CART_COUNT_SLOT));
            from = slot.end();
        }
        chunks.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
        int size = chunks.stream().mapToInt(chunk -> chunk.length).sum();
        ByteArrayOutputStream all = new ByteArrayOutputStream(size);
        chunks.forEach(all::writeBytes);
        return new SharedPage(List.copyOf(chunks), List.copyOf(cartCountSlots),
                HttpCaching.fingerprint(all.toByteArray()), size);
    }

    /** The page as this visitor gets it. */
    byte[] fill(String cartCount, String csrfToken) {
        byte[] count = cartCount.getBytes(StandardCharsets.US_ASCII);
        byte[] token = csrfToken.getBytes(StandardCharsets.US_ASCII);
        int length = size;
        for (boolean isCount : cartCountSlots) {
            length += isCount ? count.length : token.length;
        }
        byte[] page = new byte[length];
        int at = 0;
        for (int i = 0; i < chunks.size(); i++) {
            byte[] chunk = chunks.get(i);
            System.arraycopy(chunk, 0, page, at, chunk.length);
            at += chunk.length;
            if (i < cartCountSlots.size()) {
                byte[] part = cartCountSlots.get(i) ? count : token;
                System.arraycopy(part, 0, page, at, part.length);
                at += part.length;
            }
        }
        return page;
    }

    /** An ETag for this visitor's copy: the shared page's, and a checksum of their own parts. */
    String etag(String cartCount, String csrfToken) {
        CRC32C personal = new CRC32C();
        personal.update((cartCount + ":" + csrfToken).getBytes(StandardCharsets.US_ASCII));
        return fingerprint + String.format("%08x", personal.getValue());
    }

    /** Bytes kept in memory, for bounding the cache. */
    public int weight() {
        return size + 64 * chunks.size();
    }
}
