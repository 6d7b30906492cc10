package dev.storefront.mail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Whether the SMTP server answers, and how many emails wait in the outbox. Never fatal: emails wait in
 * the outbox and go out when the server is back, so the store stays ready; the operator sees it here.
 */
@Readiness
@ApplicationScoped
public class SmtpHealth implements HealthCheck {

    @ConfigProperty(name = "quarkus.mailer.host")
    String host;

    @ConfigProperty(name = "quarkus.mailer.port")
    int port;

    @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false")
    boolean mock;

    @Override
    public HealthCheckResponse call() {
        long waiting = QuarkusTransaction.requiringNew().call(() -> OutboxEmail.count("sentAt is null"));
        return HealthCheckResponse.named("Email").up()
                .withData("smtp", mock ? "not used (MAIL_MOCK)" : reachable() ? "reachable" : "unreachable")
                .withData("waiting", waiting).build();
    }

    private boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
