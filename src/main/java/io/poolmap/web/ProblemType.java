package io.poolmap.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;

/**
 * The catalogue of poolmap's problem types: each one's slug (its type is {@code urn:poolmap:problem:<slug>}), title
 * and HTTP status, in one place for every feature, filter and the container's error pages. Errors that have no
 * entry of their own (405, 406, 415 …) take their slug and title from their status ({@link #slugOf}).
 */
public enum ProblemType {

    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request"),
    UNKNOWN_OPERATION(HttpStatus.BAD_REQUEST, "unknown-operation", "Unknown operation"),
    INVALID_EXPRESSION(HttpStatus.BAD_REQUEST, "invalid-expression", "Invalid expression"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized"),
    JOB_NOT_FOUND(HttpStatus.NOT_FOUND, "job-not-found", "Job not found"),
    JOB_CANCELLED(HttpStatus.CONFLICT, "job-cancelled", "Job cancelled"),
    JOB_NOT_FINISHED(HttpStatus.CONFLICT, "job-not-finished", "Job not finished"),
    BATCH_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", "Batch too large"),
    REQUEST_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large"),
    OUTSIDE_DOMAIN(HttpStatus.UNPROCESSABLE_CONTENT, "outside-domain", "Number outside the operation's domain"),
    RESULTS_TOO_LARGE(HttpStatus.UNPROCESSABLE_CONTENT, "results-too-large", "Results too large"),
    ITEM_FAILED(HttpStatus.UNPROCESSABLE_CONTENT, "item-failed", "Item failed"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key used for another request"),
    QUEUE_FULL(HttpStatus.TOO_MANY_REQUESTS, "queue-full", "Queue full"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error"),
    MEMORY_FULL(HttpStatus.SERVICE_UNAVAILABLE, "memory-full", "Not enough memory now"),
    SHUTTING_DOWN(HttpStatus.SERVICE_UNAVAILABLE, "shutting-down", "Shutting down"),
    STORE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store cannot write"),
    JOB_TIMED_OUT(HttpStatus.GATEWAY_TIMEOUT, "job-timed-out", "Job timed out");

    private static final String PREFIX = "urn:poolmap:problem:";

    private final HttpStatus status;
    private final String slug;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return typeOf(slug);
    }

    /** {@code urn:poolmap:problem:<slug>}. */
    public static URI typeOf(String slug) {
        return URI.create(PREFIX + slug);
    }

    /** The slug of an error without an entry of its own: its reason phrase, e.g. {@code method-not-allowed}. */
    public static String slugOf(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
    }
}
