package io.poolmap.job.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.poolmap.job.Job;
import io.poolmap.job.JobError;
import io.poolmap.job.JobNotFoundException;
import io.poolmap.job.JobRefusedException;
import io.poolmap.job.JobStatus;
import io.poolmap.web.ProblemException;
import io.poolmap.web.ProblemType;
import org.springframework.http.ProblemDetail;

/**
 * The jobs engine's exceptions and job errors as problem details: which {@link ProblemType} each is, and the members
 * a client needs to act on it ({@code pointer}, {@code index}, {@code value}, {@code jobId}, {@code progress} …).
 * The one place where the engine's words meet HTTP's.
 */
final class JobProblems {

    private JobProblems() {
    }

    static ProblemException refused(JobRefusedException refusal) {
        ProblemType type = switch (refusal.reason()) {
            case UNKNOWN_OPERATION -> ProblemType.UNKNOWN_OPERATION;
            case INVALID_EXPRESSION -> ProblemType.INVALID_EXPRESSION;
            case OUTSIDE_DOMAIN -> ProblemType.OUTSIDE_DOMAIN;
            case RESULTS_TOO_LARGE -> ProblemType.RESULTS_TOO_LARGE;
            case INVALID_OPTION -> ProblemType.INVALID_REQUEST;
            case QUEUE_FULL -> ProblemType.QUEUE_FULL;
            case MEMORY_FULL -> ProblemType.MEMORY_FULL;
            case IDEMPOTENCY_KEY_REUSED -> ProblemType.IDEMPOTENCY_KEY_REUSED;
            case SHUTTING_DOWN -> ProblemType.SHUTTING_DOWN;
            case STORE_UNAVAILABLE -> ProblemType.STORE_UNAVAILABLE;
        };
        ProblemException problem = new ProblemException(type, refusal.getMessage());
        if (refusal.reason() == JobRefusedException.Reason.IDEMPOTENCY_KEY_REUSED) {
            problem.with("parameter", "Idempotency-Key");
        }
        if (refusal.field() != null) {
            problem.with("pointer", "/" + refusal.field() + (refusal.index() == null ? "" : "/" + refusal.index()));
        }
        if (refusal.index() != null) {
            problem.with("index", refusal.index()).with("value", refusal.value());
        }
        if (refusal.syntaxError() != null) {
            problem.with("line", refusal.syntaxError().line()).with("column", refusal.syntaxError().column());
        }
        if (!refusal.operations().isEmpty()) {
            problem.with("operations", refusal.operations());
        }
        switch (refusal.reason()) {
            case RESULTS_TOO_LARGE -> problem.with("limit", refusal.limit());
            case QUEUE_FULL -> problem.withHeader("Retry-After", "1");
            case MEMORY_FULL -> problem.withHeader("Retry-After", "2");
            case SHUTTING_DOWN -> problem.withHeader("Retry-After", "5");
            case STORE_UNAVAILABLE -> problem.withHeader("Retry-After", "10");
            default -> { }
        }
        return problem;
    }

    static ProblemException notFound(JobNotFoundException missing) {
        return new ProblemException(ProblemType.JOB_NOT_FOUND, missing.getMessage()).with("jobId", missing.id());
    }

    /** A job that has not ended has no results array yet; the problem says where to get its results meanwhile. */
    static ProblemException notFinished(Job job, JobStatus status, long completed) {
        return new ProblemException(ProblemType.JOB_NOT_FINISHED, "job " + job.id() + " is " + status
                + ": its results array exists once it has succeeded; stream the results computed so far with Accept: "
                + "application/x-ndjson, or wait for the end with GET /api/v1/jobs/" + job.id() + "?wait=60s")
                .with("jobId", job.id()).with("jobStatus", status.name())
                .with("progress", Map.of("completed", completed, "total", (long) job.size()));
    }

    static ProblemException invalidParameter(String name, String detail) {
        return new ProblemException(ProblemType.INVALID_REQUEST, detail).with("parameter", name);
    }

    /** How a job that did not succeed ended, as the answer to its synchronous submission. */
    static ProblemException ended(Job job, JobError error, long completed) {
        ProblemType type = switch (error.kind()) {
            case ITEM_FAILED -> ProblemType.ITEM_FAILED;
            case TIMED_OUT -> ProblemType.JOB_TIMED_OUT;
            case CANCELLED -> ProblemType.JOB_CANCELLED;
        };
        ProblemException problem = new ProblemException(type, error.detail()).with("jobId", job.id());
        if (error.index() != null) {
            problem.with("pointer", "/numbers/" + error.index()).with("index", error.index()).with("value", error.value());
        }
        if (error.exception() != null) {
            problem.with("exception", error.exception());
        }
        return problem.with("progress", Map.of("completed", completed, "total", (long) job.size()));
    }

    /** The same problem as the members of a job's {@code error}. */
    static Map<String, Object> endedAsMap(Job job, JobError error, long completed) {
        ProblemDetail problem = ended(job, error, completed).getBody();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", problem.getType().toString());
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        map.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }
}
