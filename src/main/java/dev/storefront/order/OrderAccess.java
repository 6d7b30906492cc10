package dev.storefront.order;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.security.identity.SecurityIdentity;

import dev.storefront.web.SecureTokens;
import dev.storefront.web.StoreRoles;

/**
 * Who may see an order: its owner, an admin, or whoever holds the access token from its confirmation
 * link. Anyone else gets 404, as if the order did not exist.
 */
@ApplicationScoped
public class OrderAccess {

    @Inject
    SecurityIdentity identity;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Order find(String number, String accessToken) {
        Optional<Order> order = number == null || number.length() > 16 ? Optional.empty() : Order.findByNumber(number);
        return order.filter(o -> allowed(o, accessToken)).orElseThrow(() -> new NotFoundException("No order " + number));
    }

    private boolean allowed(Order order, String accessToken) {
        if (SecureTokens.looksLikeToken(accessToken) && MessageDigest.isEqual(
                accessToken.getBytes(StandardCharsets.UTF_8), order.accessToken.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        if (identity.isAnonymous()) {
            return false;
        }
        return identity.hasRole(StoreRoles.ADMIN) || identity.hasRole(StoreRoles.STAFF)
                || order.userId != null && order.userId.toString().equals(subject());
    }

    private String subject() {
        return identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken token
                ? token.getSubject() : null;
    }
}
