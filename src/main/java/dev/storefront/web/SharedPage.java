package dev.storefront.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A page rendered once for every visitor and kept compressed, around the slots of the visitor's own parts
 * ({@link PersonalParts}). Each stretch between two slots is deflated on its own and ends on a byte
 * boundary, so serving the page to a browser that accepts gzip copies the compressed stretches, writes
 * the cart count and the CSRF token between them as stored (uncompressed) deflate blocks, and closes the
 * stream with the checksum combined from the stretches' own: no template, no character encoding and no
 * compression per request, and about a fifth of the memory of the page as text. A client that does not
 * accept gzip (rare: scripts, some bots) gets the page inflated.
 */
public final class SharedPage {

    /** The first character of every slot. */
    private static final char SLOT_MARK = '\u0001';

    /** gzip's member header: deflate, no flags, no time, no extra flags, unknown system. */
    private static final byte[] GZIP_HEADER = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff };

    /** The stretches between slots, each raw deflate ending on a byte boundary; only the last one is final. */
    private final byte[][] deflated;
    /** Each stretch's length and CRC-32 as text (UTF-8 bytes). */
    private final int[] lengths;
    private final int[] crcs;
    private final boolean[] cartCountSlots;
    private final String fingerprint;
    private final int compressedSize;

    private SharedPage(byte[][] deflated, int[] lengths, int[] crcs, boolean[] cartCountSlots, String fingerprint) {
        this.deflated = deflated;
        this.lengths = lengths;
        this.crcs = crcs;
        this.cartCountSlots = cartCountSlots;
        this.fingerprint = fingerprint;
        int compressed = 0;
        for (byte[] stretch : deflated) {
            compressed += stretch.length;
        }
        this.compressedSize = compressed;
    }

    /** The text kept compressed, with its slots (if any) for each visitor's parts. */
    public static SharedPage of(String html) {
        List<byte[]> stretches = new ArrayList<>();
        List<Boolean> slots = new ArrayList<>();
        int from = 0;
        // slots start with a control character that escaped text never holds: a plain scan finds them
        for (int at = html.indexOf(SLOT_MARK); at >= 0; at = html.indexOf(SLOT_MARK, at + 1)) {
            boolean cartCount = html.startsWith(PersonalParts.CART_COUNT_SLOT, at);
            if (cartCount || html.startsWith(PersonalParts.CSRF_TOKEN_SLOT, at)) {
                stretches.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
                slots.add(cartCount);
                from = at + (cartCount ? PersonalParts.CART_COUNT_SLOT : PersonalParts.CSRF_TOKEN_SLOT).length();
                at = from - 1;
            }
        }
        stretches.add(html.substring(from).getBytes(StandardCharsets.UTF_8));

        int count = stretches.size();
        byte[][] deflated = new byte[count][];
        int[] lengths = new int[count];
        int[] crcs = new int[count];
        CRC32C whole = new CRC32C();
        CRC32 crc = new CRC32();
        // one compressor for every stretch (reset between them): setting one up costs more than a short stretch
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            byte[] buffer = new byte[8192];
            for (int i = 0; i < count; i++) {
                byte[] text = stretches.get(i);
                deflater.reset();
                deflated[i] = deflate(deflater, buffer, text, i == count - 1);
                lengths[i] = text.length;
                crc.reset();
                crc.update(text);
                crcs[i] = (int) crc.getValue();
                whole.update(text);
            }
        } finally {
            deflater.end();
        }
        boolean[] cartCountSlots = new boolean[slots.size()];
        for (int i = 0; i < cartCountSlots.length; i++) {
            cartCountSlots[i] = slots.get(i);
        }
        return new SharedPage(deflated, lengths, crcs, cartCountSlots, String.format("%08x%08x",
                whole.getValue(), (long) html.length()));
    }

    /** Raw deflate of one stretch: the last ends the stream, the others end with a sync flush (byte-aligned). */
    private static byte[] deflate(Deflater deflater, byte[] buffer, byte[] text, boolean last) {
        deflater.setInput(text);
        if (last) {
            deflater.finish();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length / 4 + 64);
        while (true) {
            int n = last ? deflater.deflate(buffer) : deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
            if (last ? deflater.finished() : n < buffer.length) {
                return out.toByteArray();
            }
        }
    }

    /** The page as this visitor gets it, gzip-encoded. */
    byte[] gzip(String cartCount, String csrfToken) {
        byte[] count = cartCount.getBytes(StandardCharsets.US_ASCII);
        byte[] token = csrfToken.getBytes(StandardCharsets.US_ASCII);
        int countCrc = crc(count);
        int tokenCrc = crc(token);
        int length = GZIP_HEADER.length + compressedSize + 8;
        for (boolean isCount : cartCountSlots) {
            length += 5 + (isCount ? count.length : token.length);
        }
        byte[] out = new byte[length];
        System.arraycopy(GZIP_HEADER, 0, out, 0, GZIP_HEADER.length);
        int at = GZIP_HEADER.length;
        int crc = crcs[0];
        long plainLength = lengths[0];
        for (int i = 0; i < deflated.length; i++) {
            if (i > 0) {
                crc = Crc32.combine(crc, crcs[i], lengths[i]);
                plainLength += lengths[i];
            }
            System.arraycopy(deflated[i], 0, out, at, deflated[i].length);
            at += deflated[i].length;
            if (i < cartCountSlots.length) {
                byte[] part = cartCountSlots[i] ? count : token;
                // a stored block: BFINAL 0, BTYPE 00, padding to the byte, LEN and its complement, the bytes
                out[at++] = 0;
                out[at++] = (byte) part.length;
                out[at++] = (byte) (part.length >>> 8);
                out[at++] = (byte) ~part.length;
                out[at++] = (byte) (~part.length >>> 8);
                System.arraycopy(part, 0, out, at, part.length);
                at += part.length;
                crc = Crc32.combine(crc, cartCountSlots[i] ? countCrc : tokenCrc, part.length);
                plainLength += part.length;
            }
        }
        writeIntLittleEndian(out, at, crc);
        writeIntLittleEndian(out, at + 4, (int) plainLength);
        return out;
    }

    /** The page as this visitor gets it, as plain text (UTF-8). */
    byte[] plain(String cartCount, String csrfToken) {
        byte[] gzip = gzip(cartCount, csrfToken);
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(gzip, GZIP_HEADER.length, gzip.length - GZIP_HEADER.length - 8);
            int plainLength = readIntLittleEndian(gzip, gzip.length - 4);
            byte[] out = new byte[plainLength];
            int at = 0;
            while (at < plainLength && !inflater.finished()) {
                int n = inflater.inflate(out, at, plainLength - at);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a shared page's stream ended early");
                }
                at += n;
            }
            return out;
        } catch (DataFormatException e) {
            throw new IllegalStateException("a shared page's stream is broken", e);
        } finally {
            inflater.end();
        }
    }

    /** An ETag for this visitor's copy: the shared page's, and a checksum of their own parts. */
    String etag(String cartCount, String csrfToken) {
        CRC32C personal = new CRC32C();
        personal.update(cartCount.getBytes(StandardCharsets.US_ASCII));
        personal.update(':');
        personal.update(csrfToken.getBytes(StandardCharsets.US_ASCII));
        // asked for on every request: hex without a format string
        String hex = Long.toHexString(personal.getValue() | 0x1_0000_0000L).substring(1);
        return fingerprint + hex;
    }

    /** Bytes kept in memory, for bounding the cache. */
    public int weight() {
        return compressedSize + 64 + 24 * deflated.length;
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    private static void writeIntLittleEndian(byte[] out, int at, int value) {
        out[at] = (byte) value;
        out[at + 1] = (byte) (value >>> 8);
        out[at + 2] = (byte) (value >>> 16);
        out[at + 3] = (byte) (value >>> 24);
    }

    private static int readIntLittleEndian(byte[] in, int at) {
        return (in[at] & 0xff) | (in[at + 1] & 0xff) << 8 | (in[at + 2] & 0xff) << 16 | (in[at + 3] & 0xff) << 24;
    }
}
