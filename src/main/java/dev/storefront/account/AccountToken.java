package dev.storefront.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A single-use link sent by email; only the hash of its token is kept. */
@Entity
@Table(name = "account_tokens")
public class AccountToken extends PanacheEntity {

    public enum Purpose {
        PASSWORD_RESET, EMAIL_CHANGE
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public User user;

    public String tokenHash;

    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    public String newEmail;
    public Instant expiresAt;
    public Instant usedAt;
    public Instant createdAt = Instant.now();

    public boolean usable() {
        return usedAt == null && Instant.now().isBefore(expiresAt);
    }
}
