package dev.storefront.account;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

/** A shopper or admin account; Quarkus Security JPA signs users in against it. */
@Entity
@Table(name = "users")
@UserDefinition
public class User extends PanacheEntity {

    public static final String ROLE_CUSTOMER = "customer";
    public static final String ROLE_ADMIN = "admin";

    @Username
    public String email;

    /** A bcrypt hash in modular crypt format, never the password itself. */
    @Password
    @Column(name = "password_hash")
    public String passwordHash;

    public String name = "";

    /** Comma-separated roles, e.g. "customer" or "admin,customer". */
    @Roles
    public String roles = ROLE_CUSTOMER;

    public boolean enabled = true;
    public Instant createdAt = Instant.now();
    public Instant updatedAt = Instant.now();

    public static Optional<User> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    public static boolean anyAdmin() {
        return count("roles = ?1 or roles like ?2 or roles like ?3 or roles like ?4",
                ROLE_ADMIN, ROLE_ADMIN + ",%", "%," + ROLE_ADMIN, "%," + ROLE_ADMIN + ",%") > 0;
    }

    public void setPassword(String password) {
        passwordHash = BcryptUtil.bcryptHash(password);
    }

    /** The enabled account the token was issued to; 401 for none, a disabled one, or one that is gone. */
    public static User signedIn(JsonWebToken token) {
        if (token.getSubject() == null) {
            throw new UnauthorizedException();
        }
        return User.<User>findByIdOptional(Long.parseLong(token.getSubject())).filter(u -> u.enabled)
                .orElseThrow(UnauthorizedException::new);
    }
}
