package dev.storefront.account;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

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

import dev.storefront.web.StoreRoles;

/** A shopper or admin account; Quarkus Security JPA signs users in against it. */
@Entity
@Table(name = "users")
@UserDefinition
public class User extends PanacheEntity {

    /** What an account may do in the store, from least to most; each is a set of roles it holds. */
    public enum Access {
        CUSTOMER("Customer: shops and sees their own orders", StoreRoles.CUSTOMER),
        STAFF("Staff: also handles orders and stock in the back office", StoreRoles.STAFF + "," + StoreRoles.CUSTOMER),
        ADMIN("Admin: everything, products, prices, promotions and other accounts included",
                StoreRoles.ADMIN + "," + StoreRoles.CUSTOMER);

        public final String words;
        final String roles;

        Access(String words, String roles) {
            this.words = words;
            this.roles = roles;
        }

        /** The access a list of roles amounts to: the highest role it holds. */
        public static Access of(String roles) {
            Set<String> held = Set.of(roles.replace(" ", "").split(","));
            return held.contains(StoreRoles.ADMIN) ? ADMIN : held.contains(StoreRoles.STAFF) ? STAFF : CUSTOMER;
        }

        /** The access named in a form or JSON ("customer", "staff", "admin"), or null for anything else. */
        public static Access named(String name) {
            for (Access access : values()) {
                if (access.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return access;
                }
            }
            return null;
        }
    }

    @Username
    public String email;

    /** A bcrypt hash in modular crypt format, never the password itself. */
    @Password
    @Column(name = "password_hash")
    public String passwordHash;

    public String name = "";

    /** Comma-separated roles, e.g. "customer" or "admin,customer". */
    @Roles
    public String roles = Access.CUSTOMER.roles;

    public boolean enabled = true;
    public Instant createdAt = Instant.now();
    public Instant updatedAt = Instant.now();

    public static Optional<User> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    public static boolean anyAdmin() {
        return count("roles = ?1 or roles like ?2 or roles like ?3 or roles like ?4",
                StoreRoles.ADMIN, StoreRoles.ADMIN + ",%", "%," + StoreRoles.ADMIN, "%," + StoreRoles.ADMIN + ",%") > 0;
    }

    public Access access() {
        return Access.of(roles);
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
