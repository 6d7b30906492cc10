package dev.storefront.account;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

import dev.storefront.web.ClientAddress;
import dev.storefront.web.InvalidInputException.FieldError;
import dev.storefront.web.InvalidInputException;

/** Sign-up and tokens for API clients (mobile apps, integrations). */
@Path("/api/v1/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthApi {

    @Inject
    AccountService accounts;

    @Inject
    JsonWebToken token;

    public record Registration(String email, String password, String name) {
    }

    public record Credentials(String email, String password) {
    }

    public record RefreshRequest(String refreshToken) {
    }

    public record AccountJson(long id, String email, String name) {
        static AccountJson of(User user) {
            return new AccountJson(user.id, user.email, user.name);
        }
    }

    @POST
    @Path("register")
    public Response register(Registration body, HttpServerRequest request) {
        Registration registration = InvalidInputException.requireBody(body);
        limits.registration(ClientAddress.of(request));
        User user = accounts.register(registration.email(), registration.password(), registration.name());
        return Response.status(Response.Status.CREATED).entity(AccountJson.of(user)).build();
    }

    @Inject
    AddressLimits limits;

    @POST
    @Path("token")
    public AccountService.IssuedTokens token(Credentials body, HttpServerRequest request) {
        Credentials credentials = InvalidInputException.requireBody(body);
        User user = accounts.authenticate(credentials.email(), credentials.password(), ClientAddress.of(request));
        return accounts.signIn(user);
    }

    @POST
    @Path("refresh")
    public AccountService.IssuedTokens refresh(RefreshRequest body) {
        return accounts.refresh(InvalidInputException.requireBody(body).refreshToken());
    }

    /** Ends the session of the bearer token at once, on every instance. */
    @POST
    @Path("logout")
    @Authenticated
    public Response logout() {
        accounts.signOut(token.getClaim(Tokens.SESSION_CLAIM));
        return Response.noContent().build();
    }

}
