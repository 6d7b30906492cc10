package dev.storefront.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.storefront.testing.Commands;
import dev.storefront.testing.FakeStripe;
import dev.storefront.testing.Nginx;

/** The production Nginx site, rendered for loopback with a self-signed certificate, in front of the store. */
@QuarkusTest
@QuarkusTestResource(value = FakeStripe.class, restrictToAnnotatedClass = true)
class NginxProxyTest {

    private static Nginx nginx;

    @TestHTTPResource("/")
    URL app;

    @Inject
    RedisDataSource redis;

    /** What curl got: status, headers (names in lowercase) and body. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), "");
        }
    }

    @BeforeEach
    void startNginx() throws Exception {
        if (nginx == null) {
            nginx = Nginx.start(List.of("127.0.0.1:" + app.getPort()));
        }
    }

    @AfterAll
    static void stopNginx() {
        if (nginx != null) {
            nginx.close();
            nginx = null;
        }
    }

    @Test
    void pagesAndApiAreProxiedOverHttpsAndPlainHttpIsRedirected() throws Exception {
        Answer home = curl("127.0.0.1", nginx.https("/"));
        assertEquals(200, home.status());
        assertTrue(home.body().contains("<title>"), "the store's home page");
        assertTrue(home.header("Strict-Transport-Security").contains("max-age="));
        assertEquals("DENY", home.header("X-Frame-Options"), "one value, the store's");
        Answer api = curl("127.0.0.1", nginx.https("/api/v1/categories"));
        assertEquals(200, api.status());
        assertTrue(api.header("Content-Type").startsWith("application/json"));
        Answer plain = curl("127.0.0.1", "http://127.0.0.1:" + nginx.httpPort + "/c/anything?x=1");
        assertEquals(301, plain.status());
        assertEquals("https://127.0.0.1:" + nginx.httpsPort + "/c/anything?x=1", plain.header("Location"));
        Files.writeString(nginx.directory.resolve("acme/.well-known/acme-challenge/token123"), "proof");
        Answer challenge = curl("127.0.0.1", "http://127.0.0.1:" + nginx.httpPort + "/.well-known/acme-challenge/token123");
        assertEquals(200, challenge.status(), "certbot's webroot challenge is answered over plain HTTP");
        assertEquals("proof", challenge.body());
        // a 10,000-character search is not refused by Nginx's header buffers
        Answer longSearch = curl("127.0.0.1", nginx.https("/search?q=" + "a".repeat(10_000)));
        assertEquals(200, longSearch.status());
    }

    @Test
    void theStoreSeesTheRealClientAddressNotWhatTheClientClaims() throws Exception {
        redis.key().del("login-failures:address:127.0.0.2", "login-failures:address:6.6.6.6");
        Answer refused = curl("127.0.0.2", nginx.https("/api/v1/auth/token"), "-H", "Content-Type: application/json",
                "-H", "X-Forwarded-For: 6.6.6.6", "--data", "{\"email\":\"nobody@example.com\",\"password\":\"wrong password\"}");
        assertEquals(401, refused.status());
        assertTrue(redis.key().exists("login-failures:address:127.0.0.2"),
                "the failed sign-in is counted against the address Nginx saw");
        assertFalse(redis.key().exists("login-failures:address:6.6.6.6"), "a forged X-Forwarded-For is replaced");
        // Nginx's log has the client and the request id that the store logged and sent back
        String requestId = refused.header("X-Request-Id");
        assertTrue(requestId.matches("[0-9a-f]{32}"), requestId);
        // Nginx writes its log line once the answer is sent: give it a moment
        String accessLog = "";
        for (long deadline = System.nanoTime() + 3_000_000_000L; System.nanoTime() < deadline; Thread.sleep(50)) {
            accessLog = Files.readString(nginx.directory.resolve("logs/storefront.access.log"));
            if (accessLog.lines().anyMatch(line -> line.startsWith("127.0.0.2 ") && line.contains("request_id=" + requestId))) {
                break;
            }
        }
        assertTrue(accessLog.lines().anyMatch(line -> line.startsWith("127.0.0.2 ") && line.contains("request_id=" + requestId)),
                accessLog);
        redis.key().del("login-failures:address:127.0.0.2", "login-failures:account:nobody@example.com");
    }

    @Test
    void fingerprintedAssetsAreCachedForAYearAndTextIsCompressed() throws Exception {
        Answer home = curl("127.0.0.1", nginx.https("/"), "-H", "Accept-Encoding: gzip", "--compressed");
        assertEquals("gzip", home.header("Content-Encoding"));
        String stylesheet = home.body().replaceAll("(?s).*href=\"(/assets/css/store\\.[0-9a-f]+\\.css)\".*", "$1");
        assertTrue(stylesheet.startsWith("/assets/"), stylesheet);
        Answer css = curl("127.0.0.1", nginx.https(stylesheet), "-H", "Accept-Encoding: gzip", "--compressed");
        assertEquals(200, css.status());
        assertTrue(css.header("Cache-Control").contains("max-age=31536000"), css.header("Cache-Control"));
        assertTrue(css.header("Cache-Control").contains("immutable"));
        assertEquals("gzip", css.header("Content-Encoding"));
    }

    @Test
    void aBodyOverTheLimitIs413WithTheStoresSecurityHeadersButCsvImportsMayBeLarger() throws Exception {
        Path big = Files.createTempFile("body", ".bin");
        try {
            Files.write(big, new byte[7 * 1024 * 1024]);
            Answer tooLarge = curl("127.0.0.1", nginx.https("/api/v1/admin/products/1/images"), "-H",
                    "Content-Type: application/octet-stream", "--data-binary", "@" + big);
            assertEquals(413, tooLarge.status());
            assertEquals("DENY", tooLarge.header("X-Frame-Options"));
            assertTrue(tooLarge.header("Content-Security-Policy").startsWith("default-src 'self'"));
            Answer csv = curl("127.0.0.1", nginx.https("/api/v1/admin/catalog/imports"), "-H",
                    "Content-Type: text/csv", "--data-binary", "@" + big);
            assertEquals(401, csv.status(), "a large import reaches the store, which asks who is asking");
        } finally {
            Files.deleteIfExists(big);
        }
    }

    @Test
    void signInPostsAreRateLimitedByNginxPerClient() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        Answer limited = null;
        for (int i = 0; i < 12; i++) {
            Answer answer = curl("127.0.0.3", nginx.https("/login"), "--data", "email=a@example.com&password=x");
            statuses.add(answer.status());
            if (answer.status() == 429) {
                limited = answer;
            }
        }
        assertTrue(statuses.subList(0, 5).stream().allMatch(s -> s == 403), "the first ones reach the store: " + statuses);
        assertTrue(limited != null, "Nginx refuses the burst: " + statuses);
        assertTrue(limited.body().contains("nginx"), "the 429 comes from Nginx, before the store");
        assertEquals(200, curl("127.0.0.3", nginx.https("/login")).status(), "reading the form is never limited");
        assertEquals(403, curl("127.0.0.4", nginx.https("/login"), "--data", "email=a@example.com&password=x").status(),
                "another client is not held up");
    }

    @Test
    void healthAndMetricsStayOnLoopbackAndStripeWebhooksPassThrough() throws Exception {
        assertEquals(404, curl("127.0.0.1", nginx.https("/q/health/ready")).status());
        assertEquals(404, curl("127.0.0.1", nginx.https("/q/metrics")).status());
        assertEquals(200, curl("127.0.0.1", "http://127.0.0.1:" + app.getPort() + "/q/health/ready").status());
        // Stripe signs every byte: a signed event arrives intact through Nginx, one changed byte does not pass
        String event = FakeStripe.event("checkout.session.completed", "cs_test_unknown_session", "paid");
        String signature = FakeStripe.signature(event, FakeStripe.WEBHOOK_SECRET);
        assertEquals(200, curl("127.0.0.1", nginx.https("/webhooks/stripe"), "-H", "Content-Type: application/json",
                "-H", "Stripe-Signature: " + signature, "--data-binary", event).status());
        assertEquals(400, curl("127.0.0.1", nginx.https("/webhooks/stripe"), "-H", "Content-Type: application/json",
                "-H", "Stripe-Signature: " + signature, "--data-binary", event.replace("paid", "pair")).status());
    }

    @Test
    void theShippedConfigurationKeepsTheStoreOnLoopback() throws Exception {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        assertEquals("${HTTP_HOST:127.0.0.1}", properties.getProperty("quarkus.http.host"));
        assertTrue(Files.readAllLines(Path.of(".env.example")).contains("HTTP_HOST=127.0.0.1"));
        assertEquals("127.0.0.0/8,::1/128", properties.getProperty("quarkus.http.proxy.trusted-proxies"));
        // and the running store cannot be reached on any other address of this machine
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(address, app.getPort()), 500);
                        throw new AssertionError("the store answers on " + address);
                    } catch (IOException expected) {
                        // refused: good
                    }
                }
            }
        }
    }

    /** curl from a given loopback address (so that each test is its own client), certificates not checked. */
    private static Answer curl(String from, String url, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sk", "--interface", from, "-D", "-", "-o", "-"));
        command.addAll(List.of(options));
        command.add(url);
        String output = Commands.run(Path.of("."), command.toArray(String[]::new));
        int split = output.indexOf("\r\n\r\n");
        String head = output.substring(0, split);
        String body = output.substring(split + 4);
        String[] lines = head.split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).strip().toLowerCase(), lines[i].substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }
}
