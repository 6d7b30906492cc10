package dev.storefront.mail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** An email written in the same transaction as what it announces, and sent later until SMTP accepts it. */
@Entity
@Table(name = "outbox_emails")
public class OutboxEmail extends PanacheEntity {

    @Column(name = "order_id")
    public Long orderId;
    public String kind;
    public String recipient;
    public String subject;
    public String html;
    public String text;
    public int attempts;
    public Instant nextAttemptAt = Instant.now();
    public Instant sentAt;
    public String lastError;
    public Instant createdAt = Instant.now();

    /** What the email is, in words ("Order confirmation", "Refund notice"). */
    public String kindWords() {
        return orderId == null ? kind : OrderEmails.words(kind);
    }

    /** Puts an email in the outbox, in the caller's transaction; the sender delivers it. */
    static void queue(Long orderId, String kind, String recipient, String subject, String html, String text) {
        OutboxEmail email = new OutboxEmail();
        email.orderId = orderId;
        email.kind = kind;
        email.recipient = recipient;
        email.subject = subject;
        email.html = html;
        email.text = text;
        email.persist();
    }
}
