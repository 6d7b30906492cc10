package dev.storefront.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Requests forwarded by Nginx never wait on DNS nor leak a descriptor. A trusted-proxy entry read as a
 * host name once made the store look it up for requests, leaving a UDP socket open each time until the
 * process ran out of files and stopped answering.
 */
@QuarkusTest
class ForwardedRequestsTest {

    @Test
    void openFilesDoNotGrowOverAThousandForwardedRequests() throws IOException {
        for (int i = 0; i < 50; i++) { // warm-up: pools, class loading, caches
            forwardedRequest(i);
        }
        long before = openFiles();
        long socketsBefore = openSockets();
        for (int i = 0; i < 1000; i++) {
            forwardedRequest(i);
        }
        long after = openFiles();
        long socketsAfter = openSockets();
        assertTrue(after - before < 50, "open files went from " + before + " to " + after);
        assertTrue(socketsAfter - socketsBefore < 50, "open sockets went from " + socketsBefore + " to " + socketsAfter);
    }

    @Test
    void trustedProxiesAreAddressRangesNotHostNames() throws IOException {
        String line = Files.readAllLines(Path.of("src/main/resources/application.properties")).stream()
                .filter(l -> l.startsWith("quarkus.http.proxy.trusted-proxies=")).findFirst().orElseThrow();
        for (String entry : line.substring(line.indexOf('=') + 1).split(",")) {
            // "a.b.c.d/n" or "ipv6/n": an address range, which Quarkus never resolves
            assertTrue(entry.strip().matches("[0-9a-fA-F:.]+/\\d{1,3}"), "not an address range: " + entry);
        }
    }

    private static void forwardedRequest(int i) {
        given().header("X-Forwarded-For", "203.0.113." + (i % 250 + 1)).header("X-Forwarded-Proto", "https")
                .when().get("/q/health/live").then().statusCode(200);
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static long openSockets() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }
}
