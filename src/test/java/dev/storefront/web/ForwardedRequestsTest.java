package dev.storefront.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    void udpSocketsDoNotGrowOverAThousandForwardedRequests() throws IOException {
        for (int i = 0; i < 50; i++) { // warm-up: pools, class loading, caches
            forwardedRequest(i);
        }
        // UDP sockets only (what a DNS lookup leaves behind): the search index opens and closes segment
        // files while other tests' changes are indexed, and connection pools grow and shrink, so the
        // count of all open files moves on its own.
        long before = openUdpSockets();
        for (int i = 0; i < 1000; i++) {
            forwardedRequest(i);
        }
        long after = openUdpSockets();
        assertTrue(after - before < 10, "open UDP sockets went from " + before + " to " + after);
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

    /** Descriptors of this process that are UDP sockets (their inodes listed in /proc/self/net/udp or udp6). */
    private static long openUdpSockets() throws IOException {
        Set<String> udpInodes = new HashSet<>();
        for (String table : List.of("/proc/self/net/udp", "/proc/self/net/udp6")) {
            Path path = Path.of(table);
            if (Files.exists(path)) {
                Files.readAllLines(path).stream().skip(1)
                        .map(line -> line.trim().split("\\s+"))
                        .filter(columns -> columns.length > 9)
                        .forEach(columns -> udpInodes.add(columns[9]));
            }
        }
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString(); // socket:[inode]
                    return target.startsWith("socket:[")
                            && udpInodes.contains(target.substring(8, target.length() - 1));
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }
}
