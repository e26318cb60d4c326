package io.poolmap.job.web;

import jakarta.servlet.http.HttpServletResponse;

import io.poolmap.job.JobNotFoundException;
import io.poolmap.web.ProblemException;
import io.poolmap.web.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A job that retention forgets while its answer is being written (its results are read from the store as they are
 * written) is answered 404, as it would have been a moment later, rather than 500; when the answer has already begun,
 * the connection ends without its last bytes, which a client sees as a cut answer.
 */
@RestControllerAdvice(basePackageClasses = JobGone.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class JobGone {

    private static final Logger log = LoggerFactory.getLogger(JobGone.class);

    @ExceptionHandler(JobNotFoundException.class)
    ResponseEntity<ProblemDetail> forgotten(JobNotFoundException missing, HttpServletResponse response) {
        if (response.isCommitted()) {
            throw missing;
        }
        return answer(JobProblems.notFound(missing));
    }

    /** A failure after the answer began cannot be answered again: it is thrown on, and the connection ends cut. */
    @ExceptionHandler(HttpMessageNotWritableException.class)
    ResponseEntity<ProblemDetail> forgottenWhileWritten(HttpMessageNotWritableException failed, HttpServletResponse response) {
        if (response.isCommitted()) {
            throw failed;
        }
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof JobNotFoundException missing) {
                return answer(JobProblems.notFound(missing));
            }
        }
        log.error("an answer could not be written", failed);
        return answer(new ProblemException(ProblemType.INTERNAL_ERROR, "poolmap could not handle this request; the error is in its log"));
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemException problem) {
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.getBody());
    }
}
