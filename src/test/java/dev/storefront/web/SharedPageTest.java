package dev.storefront.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

/** A shared page kept compressed serves each visitor exactly the page with their own parts, gzip or not. */
class SharedPageTest {

    private static final String COUNT = PersonalParts.CART_COUNT_SLOT;
    private static final String TOKEN = PersonalParts.CSRF_TOKEN_SLOT;

    @Test
    void aVisitorGetsThePageWithTheirCartCountAndTokenWhetherGzippedOrNot() throws IOException {
        String template = "<header>Cart (" + COUNT + ")</header>" + "<p>Crème brûlée – 9,99 €</p>".repeat(300)
                + "<form><input name=csrf value=\"" + TOKEN + "\"></form>" + "<li>Nova desert boot</li>".repeat(200)
                + "<form><input name=csrf value=\"" + TOKEN + "\"></form>";
        SharedPage page = SharedPage.of(template);

        for (String[] visitor : new String[][] { { "0", "token-of-ann" }, { "12", "a-much-longer-token-of-bob-0123" } }) {
            String expected = template.replace(COUNT, visitor[0]).replace(TOKEN, visitor[1]);
            byte[] gzip = page.gzip(visitor[0], visitor[1]);
            assertEquals(expected, gunzip(gzip), "what a browser inflates");
            assertEquals(expected, new String(page.plain(visitor[0], visitor[1]), StandardCharsets.UTF_8));
            assertTrue(gzip.length < expected.getBytes(StandardCharsets.UTF_8).length / 4,
                    "sent compressed: " + gzip.length + " bytes");
        }
        assertTrue(page.weight() < template.length() / 4, "kept compressed: " + page.weight() + " bytes");
    }

    @Test
    void slotsAtTheEdgesAndSideBySideStillMakeAValidStream() throws IOException {
        SharedPage page = SharedPage.of(TOKEN + COUNT + "middle" + COUNT + TOKEN);
        assertEquals("t3middle3t", gunzip(page.gzip("3", "t")));
        assertEquals("", gunzip(SharedPage.of("").gzip("1", "x")));
    }

    @Test
    void theEtagChangesWithTheVisitorsPartsAndWithThePage() {
        SharedPage page = SharedPage.of("<b>" + COUNT + "</b>" + TOKEN);
        assertEquals(page.etag("1", "a"), SharedPage.of("<b>" + COUNT + "</b>" + TOKEN).etag("1", "a"));
        assertFalse(page.etag("1", "a").equals(page.etag("2", "a")));
        assertFalse(page.etag("1", "a").equals(page.etag("1", "b")));
        assertFalse(page.etag("1", "a").equals(SharedPage.of("<i>" + COUNT + "</i>" + TOKEN).etag("1", "a")));
    }

    @Test
    void combinedChecksumsEqualTheChecksumOfTheJoinedBytes() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] a = new byte[random.nextInt(5000)];
            byte[] b = new byte[i < 10 ? i : random.nextInt(70000)];
            random.nextBytes(a);
            random.nextBytes(b);
            CRC32 joined = new CRC32();
            joined.update(a);
            joined.update(b);
            assertEquals((int) joined.getValue(), Crc32.combine(crc(a), crc(b), b.length));
        }
    }

    @Test
    void gzipIsSentOnlyToClientsThatAcceptIt() {
        assertTrue(HttpCaching.acceptsGzip("gzip, deflate, br, zstd"));
        assertTrue(HttpCaching.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertTrue(HttpCaching.acceptsGzip("*"));
        assertFalse(HttpCaching.acceptsGzip(null));
        assertFalse(HttpCaching.acceptsGzip("identity"));
        assertFalse(HttpCaching.acceptsGzip("gzip;q=0"));
        assertFalse(HttpCaching.acceptsGzip("*, gzip;q=0"));
        assertFalse(HttpCaching.acceptsGzip("gzip;q=nonsense"));
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    private static String gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
