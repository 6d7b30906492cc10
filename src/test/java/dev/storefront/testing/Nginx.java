package dev.storefront.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Nginx (Debian's package) on loopback in front of the store, with the site configuration that
 * {@code nginx/render} makes from the production template, a self-signed certificate, and its own
 * prefix directory; stopped with {@link #close()}.
 */
public final class Nginx implements AutoCloseable {

    public final int httpPort;
    public final int httpsPort;
    public final Path directory;
    private final Process process;

    private Nginx(int httpPort, int httpsPort, Path directory, Process process) {
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.directory = directory;
        this.process = process;
    }

    /** Starts Nginx in front of these store addresses (host:port). */
    public static Nginx start(List<String> upstreams) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("nginx-test");
        for (String sub : List.of("acme/.well-known/acme-challenge", "temp", "logs")) {
            Files.createDirectories(directory.resolve(sub));
        }
        Commands.run(directory, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                "-keyout", directory.resolve("key.pem").toString(), "-out", directory.resolve("cert.pem").toString());
        int http = freePort();
        int https = freePort();
        List<String> render = new ArrayList<>(List.of("nginx/render", "--server-name", "localhost", "--listen",
                "127.0.0.1", "--http-port", Integer.toString(http), "--https-port", Integer.toString(https),
                "--certificate", directory.resolve("cert.pem").toString(), "--certificate-key",
                directory.resolve("key.pem").toString(), "--acme-root", directory.resolve("acme").toString(),
                "--log-dir", directory.resolve("logs").toString()));
        upstreams.forEach(u -> {
            render.add("--upstream");
            render.add(u);
        });
        Files.writeString(directory.resolve("site.conf"), Commands.run(Path.of("."), render.toArray(String[]::new)));
        String temp = directory.resolve("temp").toString();
        Files.writeString(directory.resolve("nginx.conf"), """
                %s
                worker_processes 1;
                pid %s/nginx.pid;
                error_log %s/logs/error.log warn;
                events { worker_connections 256; }
                http {
                    include /etc/nginx/mime.types;
                    access_log %s/logs/access.log;
                    client_body_temp_path %s/body;
                    proxy_temp_path %s/proxy;
                    fastcgi_temp_path %s/fastcgi;
                    uwsgi_temp_path %s/uwsgi;
                    scgi_temp_path %s/scgi;
                    include %s/site.conf;
                }
                """.formatted("root".equals(System.getProperty("user.name")) ? "user root;" : "", directory, directory,
                directory, temp, temp, temp, temp, temp, directory));
        Commands.run(directory, "/usr/sbin/nginx", "-t", "-q", "-p", directory.toString(), "-c",
                directory.resolve("nginx.conf").toString());
        Process process = new ProcessBuilder("/usr/sbin/nginx", "-p", directory.toString(), "-c",
                directory.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(directory.resolve("logs/stdout.log").toFile()).start();
        Nginx nginx = new Nginx(http, https, directory, process);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!listening(https)) {
            if (System.currentTimeMillis() > deadline || !process.isAlive()) {
                nginx.close();
                throw new IllegalStateException("Nginx did not start: " + Files.readString(directory.resolve("logs/error.log")));
            }
            Thread.sleep(50);
        }
        return nginx;
    }

    public String https(String path) {
        return "https://127.0.0.1:" + httpsPort + path;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        Commands.stop(process);
    }
}
