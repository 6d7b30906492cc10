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
}
