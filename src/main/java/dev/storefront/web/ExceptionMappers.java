package dev.storefront.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;

import dev.storefront.account.LoginThrottle;
import dev.storefront.account.SignInFailedException;
import dev.storefront.cart.CartStore;
import dev.storefront.checkout.InsufficientStockException;
import dev.storefront.order.OrderFulfilment;
import dev.storefront.payment.PaymentProvider;

/**
 * One mapper per exception type. Client errors are answered without a stack trace in the log; an
 * unexpected exception is a bug, so it is logged in full under an incident id the user also sees.
 */
public class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    @ServerExceptionMapper
    public Response notFound(NotFoundException exception, HttpServerRequest request) {
        String path = request.path();
        if (ErrorResponses.isApi(path)) {
            return ErrorResponses.problem(Problem.of(404, "Not Found", "Nothing exists at " + path, path));
        }
        return ErrorResponses.page(404, ErrorResponses.Templates.notFound(path));
    }

    /** Not signed in, or the credentials were refused: 401. */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException exception, HttpServerRequest request) {
        String path = request.path();
        if (ErrorResponses.isApi(path)) {
            return clientError(401, "Unauthorized", "Sign in to do this", path);
        }
        // a page: to the sign-in form, and back here afterwards
        String here = request.uri();
        return Response.seeOther(URI.create("/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8)))
                .header("Cache-Control", "no-store").build();
    }

    /** A wrong email or password: one answer for both. */
    @ServerExceptionMapper
    public Response signInFailed(SignInFailedException exception, HttpServerRequest request) {
        return clientError(401, "Unauthorized", exception.getMessage(), request.path());
    }

    /** Too many failed sign-ins: 429 with the seconds to wait. */
    @ServerExceptionMapper
    public Response tooManyAttempts(LoginThrottle.TooManyAttemptsException exception, HttpServerRequest request) {
        Response answer = clientError(429, "Too Many Requests", exception.getMessage(), request.path());
        answer.getHeaders().add("Retry-After", Long.toString(exception.retryAfterSeconds()));
        return answer;
    }

    /** No such cart (never was, expired, or merged into an account's): 404. */
    @ServerExceptionMapper
    public Response cartNotFound(CartStore.CartNotFoundException exception, HttpServerRequest request) {
        return clientError(404, "Not Found", exception.getMessage(), request.path());
    }

    /** Not enough stock to reserve for the order: 409, nothing reserved. */
    @ServerExceptionMapper
    public Response insufficientStock(InsufficientStockException exception, HttpServerRequest request) {
        return clientError(409, "Conflict", exception.getMessage(), request.path());
    }

    /** The payment service is away: 503 with a "try again", and no order left half-made. */
    @ServerExceptionMapper
    public Response paymentUnavailable(PaymentProvider.UnavailableException exception, HttpServerRequest request) {
        LOG.warnf("Payment service unavailable: %s", exception.getMessage());
        Response answer = ErrorResponses.isApi(request.path())
                ? ErrorResponses.problem(Problem.of(503, "Service Unavailable",
                        "Payment is unavailable right now; nothing was charged. Please try again.", request.path()))
                : ErrorResponses.page(503, ErrorResponses.Templates.clientError(503, "Payment unavailable",
                        "Payment is unavailable right now; nothing was charged. Please try again in a moment."));
        answer.getHeaders().add("Retry-After", "30");
        return answer;
    }

    /** The payment provider did not carry out a refund: 502, nothing refunded, the admin may retry. */
    @ServerExceptionMapper
    public Response refundFailed(OrderFulfilment.RefundFailedException exception, HttpServerRequest request) {
        return clientError(502, "Bad Gateway", exception.getMessage(), request.path());
    }

    /** A form without the right CSRF token: 403, nothing changed. */
    @ServerExceptionMapper
    public Response csrfRejected(CsrfProtection.CsrfRejectedException exception, HttpServerRequest request) {
        return clientError(403, "Forbidden", exception.getMessage(), request.path());
    }

    /** Signed in, but without the role this needs: 403. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, HttpServerRequest request) {
        return clientError(403, "Forbidden", "Your account may not do this", request.path());
    }

    private static Response clientError(int status, String title, String detail, String path) {
        return ErrorResponses.isApi(path)
                ? ErrorResponses.problem(Problem.of(status, title, detail, path))
                : ErrorResponses.page(status, ErrorResponses.Templates.clientError(status, title, detail));
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException exception, HttpServerRequest request) {
        String path = request.path();
        if (ErrorResponses.isApi(path)) {
            return ErrorResponses.problem(Problem.invalid(exception.errors(), path));
        }
        return ErrorResponses.page(400, ErrorResponses.Templates.clientError(400, "Invalid input",
                exception.getMessage()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, HttpServerRequest request) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(exception, request);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Request not accepted";
        String detail = clientMessage(exception, title);
        Response answer = clientError(status, title, detail, request.path());
        // keep headers the status needs, such as Allow on a 405 or Retry-After on a 429
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> answer.getHeaders().add(name, value));
            }
        });
        return answer;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable exception, HttpServerRequest request) {
        if (clientWentAway(exception, request)) {
            // a browser that navigated away or a load tester stopping: nothing to answer, nothing to fix
            LOG.debugf("%s %s: the client closed the connection (%s)", request.method(), request.path(), exception);
            return ErrorResponses.problem(Problem.of(400, "Bad Request", "The connection closed before the request was read",
                    request.path()));
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(exception, "Incident %s: %s %s failed", incident, request.method(), request.path());
        String path = request.path();
        if (ErrorResponses.isApi(path)) {
            return ErrorResponses.problem(Problem.of(500, "Internal Server Error",
                    "Something went wrong on our side (incident " + incident + ")", path));
        }
        return ErrorResponses.page(500, ErrorResponses.Templates.serverError(incident));
    }

    private static boolean clientWentAway(Throwable exception, HttpServerRequest request) {
        if (request.response().closed()) {
            return true;
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClosedChannelException || cause instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    /** The exception's own message when a feature wrote one for users, never a framework's internals. */
    private static String clientMessage(WebApplicationException exception, String fallback) {
        String message = exception.getMessage();
        if (message == null || message.startsWith("HTTP ") || message.contains("Exception")) {
            return fallback;
        }
        return message;
    }
}
