package io.poolmap.job;

import java.util.Collection;

import io.poolmap.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The refusals of the jobs API, each with its status, type and the members a client needs to act on it. */
final class JobProblems {

    private JobProblems() {
    }

    /** Job ids are UUIDs: a longer one is cut, so that a client cannot make the answer echo a huge path. */
    static ProblemException notFound(String id) {
        String shown = id.length() <= 64 ? id : id.substring(0, 64) + "…";
        return new ProblemException(HttpStatus.NOT_FOUND, "job-not-found", "Job not found",
                "no job with id '" + shown + "' (finished jobs are kept for poolmap.retention)").with("jobId", shown);
    }

    static ProblemException unknownOperation(String name, Collection<String> known) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "unknown-operation", "Unknown operation",
                "unknown operation '" + name + "'; the operations are " + String.join(", ", known))
                .with("pointer", "/operation").with("operations", known);
    }

    static ProblemException outOfDomain(String operation, int index, Object value, String reason) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "outside-domain", "Number outside the operation's domain",
                "numbers[" + index + "] = " + value + " is outside the domain of " + operation + ": " + reason)
                .with("pointer", "/numbers/" + index).with("index", index).with("value", value);
    }

    static ProblemException resultsTooLarge(String operation, long digits, long limit) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "results-too-large", "Results too large",
                "the results of " + operation + " over this batch would have about " + digits + " digits, more than "
                        + limit + " (poolmap.max-result-digits); split the batch")
                .with("pointer", "/numbers").with("limit", limit);
    }

    static ProblemException timeoutTooLong(long timeoutMs, long maxMs) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "'timeoutMs' must be at most " + maxMs + " (poolmap.max-timeout), not " + timeoutMs)
                .with("pointer", "/timeoutMs");
    }

    static ProblemException queueFull(int items, long room, long capacity) {
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "queue-full", "Queue full",
                "the job's " + items + (items == 1 ? " item does" : " items do") + " not fit the " + room + " items of room left in the queue (poolmap.queue-capacity = "
                        + capacity + "); retry later")
                .withHeader("Retry-After", "1");
    }

    static ProblemException shuttingDown() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "shutting-down", "Shutting down",
                "poolmap is shutting down and accepts no new jobs; retry on another instance or after the restart")
                .withHeader("Retry-After", "5");
    }

    static ProblemException invalidParameter(String name, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail).with("parameter", name);
    }
}
