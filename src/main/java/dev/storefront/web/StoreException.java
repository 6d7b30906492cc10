package dev.storefront.web;

import jakarta.ws.rs.core.Response;

/**
 * A failure whose meaning for the client its feature knows: the HTTP status and the words a shopper may
 * read. The exception mappers answer every subclass alike (problem+json for the API, a page for browsers)
 * without knowing the feature it comes from; a 5xx among them (a service the store needs is away) is
 * logged as one warning line, never with a stack trace.
 */
public abstract class StoreException extends RuntimeException {

    private final int status;

    protected StoreException(int status, String message) {
        this(status, message, null);
    }

    protected StoreException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The page's title for browsers: the status's reason phrase unless the feature has better words. */
    public String title() {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "Request not accepted";
    }

    /** What the client reads: the message, unless the feature words it for shoppers differently from the log. */
    public String detail() {
        return getMessage();
    }

    /** Seconds after which trying again may work, sent as {@code Retry-After}; 0 for none. */
    public long retryAfterSeconds() {
        return 0;
    }
}
