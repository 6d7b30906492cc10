package dev.storefront.account;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;

/** The signed-in caller's own account. */
@Path("/api/v1/account")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AccountApi {

    @Inject
    JsonWebToken token;

    public record Profile(long id, String email, String name, List<String> roles) {
    }

    @GET
    public Profile profile() {
        User user = caller();
        return new Profile(user.id, user.email, user.name, Tokens.roles(user).stream().sorted().toList());
    }

    /** The caller's orders, newest first; orders arrive with checkout. */
    @GET
    @Path("orders")
    public List<Object> orders() {
        caller();
        return List.of();
    }

    private User caller() {
        return User.<User>findByIdOptional(Long.parseLong(token.getSubject())).filter(u -> u.enabled)
                .orElseThrow(UnauthorizedException::new);
    }
}
