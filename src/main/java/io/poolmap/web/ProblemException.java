package io.poolmap.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refusal that the client should see as an RFC 9457 problem detail: the features throw a subclass and
 * {@link ProblemHandler} writes it, so every error body has the same shape.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final HttpHeaders headers = new HttpHeaders();

    /**
     * @param status the HTTP status
     * @param slug the problem type's short name, e.g. {@code queue-full}; the type is {@code urn:poolmap:problem:<slug>}
     * @param title the same for every problem of this type
     * @param detail what happened to this request
     */
    public ProblemException(HttpStatus status, String slug, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    /** Adds a member to the problem detail, e.g. {@code pointer}, {@code index}, {@code jobId}. */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Adds a response header, e.g. {@code Retry-After}. */
    public ProblemException withHeader(String name, String value) {
        headers.add(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The problem detail as it is sent. */
    public ProblemDetail toProblemDetail() {
        return problem(status, slug, title, getMessage(), properties);
    }

    /** A problem detail of poolmap's shape: type {@code urn:poolmap:problem:<slug>}, title, status, detail, members. */
    public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail, Map<String, Object> members) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:poolmap:problem:" + slug));
        problem.setTitle(title);
        members.forEach(problem::setProperty);
        return problem;
    }
}
