package dev.storefront.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.quarkus.arc.Arc;

import dev.storefront.mail.OutboxSender;

/**
 * What the test SMTP server received. {@link #await} makes the store's outbox send what is due now
 * (its own {@code sendDueNow()}, the same code the scheduler runs) instead of waiting for the scheduler.
 */
public final class Mailbox {

    private static final long PATIENCE_NANOS = 20_000_000_000L; // a failed send is due again after 5 s

    private Mailbox() {
    }

    /** The received messages that match, once at least one does (or after 20 s, none). */
    public static List<MimeMessage> await(Predicate<MimeMessage> which) {
        OutboxSender outbox = Arc.container().instance(OutboxSender.class).get();
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (true) {
            outbox.sendDueNow();
            List<MimeMessage> found = received(which);
            if (!found.isEmpty() || System.nanoTime() > deadline) {
                return found;
            }
            try {
                Thread.sleep(50); // the scheduler may be sending it right now
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    /** The received messages that match, now. */
    public static List<MimeMessage> received(Predicate<MimeMessage> which) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : SmtpServer.received().getReceivedMessages()) {
            if (which.test(message)) {
                found.add(message);
            }
        }
        return found;
    }

    public static Predicate<MimeMessage> subjectContains(String text) {
        return message -> {
            try {
                return message.getSubject() != null && message.getSubject().contains(text);
            } catch (MessagingException e) {
                return false;
            }
        };
    }

    public static Predicate<MimeMessage> to(String address) {
        return message -> {
            try {
                return message.getAllRecipients()[0].toString().equals(address);
            } catch (MessagingException e) {
                return false;
            }
        };
    }
}
