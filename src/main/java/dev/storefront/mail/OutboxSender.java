package dev.storefront.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Stage 6, notify: sends due outbox emails through the mailer. An email is marked sent only after the
 * SMTP server accepted it; a failure (or a send stuck for 10 s) is retried with a growing pause (5 s
 * doubling, at most an hour).
 * Several instances can run it at once: each claims rows with SKIP LOCKED.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    private static final int BATCH = 20;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    /** A send that takes longer is given up and retried: one stuck connection must not stop every email. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    ReactiveMailer mailer;

    /** Emails not yet accepted by the SMTP server; read when Prometheus scrapes. */
    void registerBacklog(@Observes StartupEvent event,
            MeterRegistry registry) {
        Gauge.builder("storefront.outbox.backlog",
                () -> QuarkusTransaction.requiringNew().call(() -> OutboxEmail.count("sentAt is null")))
                .description("Emails waiting in the outbox for the SMTP server").register(registry);
    }

    @Scheduled(every = "${storefront.outbox.every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = "send-outbox")
    void sendDue() {
        sendDueNow();
    }

    /** Sends what is due; returns how many went out. */
    public int sendDueNow() {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> OutboxEmail.getEntityManager()
                .createQuery("""
                        select e.id from OutboxEmail e where e.sentAt is null and e.nextAttemptAt <= current_timestamp
                        order by e.nextAttemptAt""", Long.class)
                .setMaxResults(BATCH).getResultList());
        int sent = 0;
        for (Long id : due) {
            sent += QuarkusTransaction.requiringNew().call(() -> send(id)) ? 1 : 0;
        }
        return sent;
    }

    /** Claims one email (skipping it if another sender holds it), sends it, and records the outcome. */
    private boolean send(long id) {
        List<?> claimed = OutboxEmail.getEntityManager().createNativeQuery(
                "select id from outbox_emails where id = ?1 and sent_at is null for update skip locked")
                .setParameter(1, id).getResultList();
        if (claimed.isEmpty()) {
            return false;
        }
        OutboxEmail email = OutboxEmail.findById(id);
        try {
            long started = System.nanoTime();
            mailer.send(Mail.withHtml(email.recipient, email.subject, email.html).setText(email.text)).await()
                    .atMost(SEND_TIMEOUT);
            LOG.debugf("Email %d sent in %d ms", id, (System.nanoTime() - started) / 1_000_000);
            email.sentAt = Instant.now();
            email.attempts++;
            return true;
        } catch (RuntimeException e) {
            email.attempts++;
            long pause = Math.min(LONGEST_RETRY.toSeconds(), FIRST_RETRY.toSeconds() << Math.min(email.attempts - 1, 20));
            email.nextAttemptAt = Instant.now().plusSeconds(pause);
            email.lastError = String.valueOf(e.getMessage()).substring(0, Math.min(500, String.valueOf(e.getMessage()).length()));
            LOG.warnf("Email %d to %s not sent (attempt %d), retrying in %d s: %s", id, email.recipient,
                    email.attempts, pause, e.getMessage());
            return false;
        }
    }
}
