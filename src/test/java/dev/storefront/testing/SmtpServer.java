package dev.storefront.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real SMTP server (GreenMail) on a free loopback port for the whole suite; tests read what it received. */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;

    public static GreenMail received() {
        return greenMail;
    }

    @Override
    public Map<String, String> start() {
        int port = freePort();
        greenMail = startOn(port);
        return mailerAt(port);
    }

    @Override
    public void stop() {
        // the resource is global: each restart of the application under test starts and stops it again
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the SMTP server", e);
        }
    }

    static GreenMail startOn(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    static Map<String, String> mailerAt(int port) {
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port));
    }
}
