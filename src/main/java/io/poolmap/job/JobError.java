package io.poolmap.job;

import java.util.LinkedHashMap;
import java.util.Map;

import io.poolmap.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * Why a job ended without results, kept with the job and sent as its {@code error} problem detail and as
 * the answer to a synchronous submission.
 *
 * @param status the HTTP status a synchronous submission answers with
 * @param slug the problem type's short name
 * @param title the problem type's title
 * @param detail what happened
 * @param index the failing item's index, or {@code null}
 * @param value the failing item's value ({@code Long}, {@code Double} or {@code BigInteger}), or {@code null}
 */
record JobError(HttpStatus status, String slug, String title, String detail, Integer index, Object value) {

    static JobError itemFailed(int index, Object value, String reason) {
        return new JobError(HttpStatus.UNPROCESSABLE_CONTENT, "item-failed", "Item failed",
                "numbers[" + index + "] = " + value + ": " + reason, index, value);
    }

    static JobError timedOut(long timeoutMs, long completed, long total) {
        return new JobError(HttpStatus.GATEWAY_TIMEOUT, "job-timed-out", "Job timed out",
                "the job did not finish within " + timeoutMs + " ms; " + completed + " of " + total + " items were computed",
                null, null);
    }

    static JobError cancelled(String why) {
        return new JobError(HttpStatus.CONFLICT, "job-cancelled", "Job cancelled", why, null, null);
    }

    /** The problem detail for the job with id {@code jobId}. */
    ProblemException toProblem(String jobId, long completed, long total) {
        ProblemException problem = new ProblemException(status, slug, title, detail).with("jobId", jobId);
        if (index != null) {
            problem.with("pointer", "/numbers/" + index).with("index", index).with("value", value);
        }
        problem.with("progress", Map.of("completed", completed, "total", total));
        return problem;
    }

    /** The members of the problem detail as a map, for the job's JSON representation. */
    Map<String, Object> toMap(String jobId, long completed, long total) {
        Map<String, Object> map = new LinkedHashMap<>(toProblem(jobId, completed, total).toProblemDetail().getProperties());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("type", "urn:poolmap:problem:" + slug);
        result.put("title", title);
        result.put("status", status.value());
        result.put("detail", detail);
        result.putAll(map);
        return result;
    }
}
