package io.poolmap.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal that the client sees as an RFC 9457 problem detail of poolmap's shape: a {@link ProblemType}, a detail
 * and members such as {@code pointer}, {@code index} or {@code jobId}, plus headers such as {@code Retry-After}.
 * Spring MVC's {@link ErrorResponseException}, so that {@link ProblemHandler} writes it as any other error response;
 * it carries no stack trace, since it is a client's answer, not a fault.
 */
public class ProblemException extends ErrorResponseException {

    public ProblemException(ProblemType type, String detail) {
        this(type.status(), type.slug(), type.title(), detail);
    }

    /** A problem of a status without a catalogue entry, e.g. 405, typed by its reason phrase. */
    public static ProblemException ofStatus(HttpStatus status, String detail) {
        return new ProblemException(status, ProblemType.slugOf(status), status.getReasonPhrase(), detail);
    }

    private ProblemException(HttpStatus status, String slug, String title, String detail) {
        super(status, body(status, slug, title, detail), null);
    }

    private static ProblemDetail body(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemType.typeOf(slug));
        problem.setTitle(title);
        return problem;
    }

    /** Adds a member to the problem detail, e.g. {@code pointer}, {@code index}, {@code jobId}. */
    public ProblemException with(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }

    /** Adds a response header, e.g. {@code Retry-After}. */
    public ProblemException withHeader(String name, String value) {
        getHeaders().add(name, value);
        return this;
    }

    public HttpStatus status() {
        return HttpStatus.valueOf(getStatusCode().value());
    }

    /** The detail, for people. */
    public String detail() {
        return getBody().getDetail();
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
