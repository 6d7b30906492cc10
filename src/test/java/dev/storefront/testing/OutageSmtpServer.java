package dev.storefront.testing;

import java.io.IOException;
import java.net.Socket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An SMTP server (GreenMail) that a test may take down and bring back, for one test class only: the
 * application under test is started just for that class, so no other test sends mail through it.
 */
public class OutageSmtpServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;
    private static int port;

    public static GreenMail received() {
        return greenMail;
    }

    public static void down() {
        greenMail.stop();
    }

    /** A fresh server on the same port; returns once it accepts connections. */
    public static void up() {
        greenMail = SmtpServer.startOn(port);
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("the SMTP server did not come back on port " + port, e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public Map<String, String> start() {
        port = SmtpServer.freePort();
        greenMail = SmtpServer.startOn(port);
        return SmtpServer.mailerAt(port);
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
