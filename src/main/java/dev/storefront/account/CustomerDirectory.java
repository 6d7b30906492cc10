package dev.storefront.account;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import dev.storefront.audit.AuditLog;
import dev.storefront.order.Order;

/** The admin's view of accounts: find them, see their orders, switch them off and on, give them back-office access. */
@ApplicationScoped
public class CustomerDirectory {

    @Inject
    Sessions sessions;

    @Inject
    AuditLog audit;

    @Transactional
    public List<User> find(String text, int offset, int size) {
        return find(text, null, offset, size);
    }

    /** Accounts matching the text, newest first, or {@code oldest} first, or by {@code email}. */
    @Transactional
    public List<User> find(String text, String sort, int offset, int size) {
        Sort order = "oldest".equals(sort) ? Sort.ascending("createdAt", "id") : "email".equals(sort)
                ? Sort.ascending("email") : Sort.descending("createdAt", "id");
        return User.<User>find("lower(email) like ?1 or lower(name) like ?1", order, like(text))
                .page(Page.of(offset / size, size)).list();
    }

    @Transactional
    public long count(String text) {
        return User.count("lower(email) like ?1 or lower(name) like ?1", like(text));
    }

    @Transactional
    public User user(long id) {
        return User.<User>findByIdOptional(id).orElseThrow(() -> new NotFoundException("No customer " + id));
    }

    @Transactional
    public List<Order> orders(long userId) {
        return Order.list("userId = ?1 order by createdAt desc", userId);
    }

    /**
     * Disables or re-enables an account. A disabled account cannot sign in, and every session it has is
     * ended at once, so the browser and API tokens it holds stop working on their next request.
     */
    @Transactional
    public User setEnabled(long id, boolean enabled, String actor) {
        User user = user(id);
        if (!enabled && user.email.equalsIgnoreCase(actor)) {
            throw new ClientErrorException("You cannot disable your own account", 409);
        }
        boolean before = user.enabled;
        user.enabled = enabled;
        user.updatedAt = Instant.now();
        audit.record(actor, enabled ? "customer.enable" : "customer.disable", "customer", user.email,
                Map.of("enabled", before), Map.of("enabled", enabled));
        if (!enabled) {
            sessions.revokeAll(user.id);
        }
        return user;
    }

    /**
     * Gives an account customer, staff or admin access. An admin cannot change their own (so the store always
     * keeps the admin who is making changes). Every session of the account ends, so that no browser or token
     * keeps the access it had: the next sign-in carries the new one.
     */
    @Transactional
    public User setAccess(long id, User.Access access, String actor) {
        User user = user(id);
        if (user.email.equalsIgnoreCase(actor)) {
            throw new ClientErrorException("You cannot change your own access; another admin can", 409);
        }
        User.Access before = user.access();
        if (before == access) {
            return user;
        }
        user.roles = access.roles;
        user.updatedAt = Instant.now();
        audit.record(actor, "customer.access", "customer", user.email, Map.of("access", before.name()),
                Map.of("access", access.name()));
        sessions.revokeAll(user.id);
        return user;
    }

    private static String like(String text) {
        String plain = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_");
        return "%" + plain + "%";
    }
}
