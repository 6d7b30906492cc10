package dev.storefront.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;


/**
 * One mapper per exception type. Client errors are answered without a stack trace in the log; an
 * unexpected exception is a bug, so it is logged in full under an incident id the user also sees.
 */
public class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    /** PostgreSQL: character not in repertoire (NUL in text), untranslatable character (\u0000 in JSON). */
    private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");

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

    /**
     * A feature's own failure, which knows its status: a 4xx naming what to change, or a 5xx when a service
     * the store needs is away (one warning line, no stack trace), with Retry-After when waiting helps.
     */
    @ServerExceptionMapper
    public Response storeException(StoreException exception, HttpServerRequest request) {
        String path = request.path();
        if (exception.status() >= 500) {
            LOG.warnf("%s %s: %s", request.method(), path, exception.getMessage());
        }
        Response.Status known = Response.Status.fromStatusCode(exception.status());
        Response answer = ErrorResponses.isApi(path)
                ? ErrorResponses.problem(Problem.of(exception.status(),
                        known != null ? known.getReasonPhrase() : exception.title(), exception.detail(), path))
                : ErrorResponses.page(exception.status(), ErrorResponses.Templates.clientError(exception.status(),
                        exception.title(), exception.detail()));
        if (exception.retryAfterSeconds() > 0) {
            answer.getHeaders().add("Retry-After", Long.toString(exception.retryAfterSeconds()));
        }
        return answer;
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

    /** A JSON body that cannot be read: 400 naming the field and what it should be, or what ails the document. */
    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, JsonParseException.class, StreamConstraintsException.class })
    public Response unreadableJson(JsonProcessingException exception, HttpServerRequest request) {
        return invalidInput(new InvalidInputException(List.of(JsonProblems.describe(exception))), request);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, HttpServerRequest request) {
        if (exception.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, request); // the JSON reader wraps some of Jackson's complaints
        }
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
        InvalidInputException unreadable = unreadableText(exception, request);
        if (unreadable != null) {
            return invalidInput(unreadable, request);
        }
        if (duplicateOfConcurrentRequest(exception)) {
            // two identical requests at once (a double submit): the first made it, this one rolled back
            LOG.infof("%s %s: refused as a duplicate of a request made at the same time (%s)", request.method(),
                    request.path(), exception);
            return webApplication(new jakarta.ws.rs.ClientErrorException("The same change was just made by another"
                    + " request (a double submit?); reload the page to see it", 409), request);
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

    /**
     * Input that fails below the store's own checks, as a 400 rather than an incident: a form or query
     * string with a broken %-escape (refused by the URL decoder), a broken multipart body (cut short, a
     * wrong boundary), or text PostgreSQL cannot store that got past the control-character checks (the
     * transaction rolled back, so nothing changed).
     */
    private static InvalidInputException unreadableText(Throwable exception, HttpServerRequest request) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException && decodingFailed(cause)) {
                String contentType = request.getHeader("Content-Type");
                boolean form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded");
                return InvalidInputException.of(form ? "body" : "query",
                        "is not well-formed: a % must start an escape such as %20");
            }
            if (cause instanceof java.io.IOException && cause.getMessage() != null
                    && cause.getMessage().contains("multipart")) {
                return InvalidInputException.of("body", "is not a well-formed multipart form (" + cause.getMessage() + ")");
            }
            if (cause.getClass() == RuntimeException.class && cause.getMessage() != null
                    && cause.getMessage().startsWith("Param limit of")) { // the form decoder's quarkus.http.limits.max-parameters
                return InvalidInputException.of("body", "has too many fields (" + cause.getMessage()
                        .replace("Param limit of ", "more than ").replace(" was exceeded", "") + ")");
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && UNSTORABLE_TEXT.contains(sql.getSQLState())) {
                return InvalidInputException.of("text", ControlCharacters.PROBLEM);
            }
        }
        return null;
    }

    /** A unique constraint broken at commit: another request made the same row a moment before. */
    private static boolean duplicateOfConcurrentRequest(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean decodingFailed(Throwable exception) {
        for (StackTraceElement frame : exception.getStackTrace()) {
            if (frame.getClassName().equals("org.jboss.resteasy.reactive.common.util.URLUtils")) {
                return true;
            }
        }
        return false;
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
