package dev.storefront.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/** Refuses a valid, unexpired JWT whose session has ended (logout, password change, sign out everywhere). */
@ApplicationScoped
public class SessionCheck implements SecurityIdentityAugmentor {

    @Inject
    Sessions sessions;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String sessionId = token.getClaim(Tokens.SESSION_CLAIM);
        return context.runBlocking(() -> {
            if (!sessions.isActive(sessionId)) {
                throw new AuthenticationFailedException("The session has ended");
            }
            return identity;
        });
    }
}
