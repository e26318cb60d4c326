package io.poolmap.job.web;

import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.poolmap.PoolmapProperties;
import io.poolmap.job.Job;
import io.poolmap.job.JobRefusedException;
import io.poolmap.job.JobService;
import io.poolmap.job.JobStatus;
import io.poolmap.web.RequestSizeLimitFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Submitting a job, synchronously or not: the one write of the jobs API, with its many answers; reading, joining,
 * cancelling and listing are {@link JobController}'s.
 */
@RestController
@RequestMapping(path = "/api/v1/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "jobs", description = "Map an operation over a batch of numbers, as multiprocessing.Pool.map does.")
class JobSubmissionController {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final JobService jobs;
    private final PoolmapProperties properties;
    private final Clock clock;

    JobSubmissionController(JobService jobs, PoolmapProperties properties, Clock clock) {
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "submitJob", summary = "Submit a job",
            description = "Runs `operation` (or `expression`, a Python expression in x) over `numbers` on the worker pool and, by default, waits for the result "
                    + "(up to poolmap.sync-wait; then 202). With \"async\": true or the header Prefer: respond-async it answers 202 at once.")
    @ApiResponse(responseCode = "200", description = "The job succeeded; `results` are in input order.",
            headers = @Header(name = "Content-Location", description = "/api/v1/jobs/{id}", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.class), examples = {
                    @ExampleObject(name = "double with 4 workers (on 2 cores)", value = ApiExamples.SUCCEEDED),
                    @ExampleObject(name = "exact integers as strings (Accept: application/json; IEEE754Compatible=true)", value = ApiExamples.EXACT)}))
    @ApiResponse(responseCode = "202", description = "Accepted (asynchronous, or not finished within poolmap.sync-wait); poll or join at Location. "
            + "The job as it stands: a tiny job may already have finished, and then carries its results or error as on GET.",
            headers = @Header(name = "Location", description = "/api/v1/jobs/{id}", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.class), examples = {
                    @ExampleObject(name = "accepted", value = ApiExamples.ACCEPTED),
                    @ExampleObject(name = "accepted and already finished", value = ApiExamples.ACCEPTED_FINISHED)}))
    @ApiResponse(responseCode = "400", description = "Malformed JSON, a missing or empty field, a non-number, an unknown field or operation, an option out of range, "
            + "both or neither of operation and expression, an expression that does not compile (invalid-expression: line, column and a caret in the detail).",
            content = @Content(mediaType = PROBLEM, examples = {
                    @ExampleObject(name = "unknown field", value = ApiExamples.UNKNOWN_FIELD),
                    @ExampleObject(name = "options out of range", value = ApiExamples.OUT_OF_RANGE),
                    @ExampleObject(name = "unknown operation", value = ApiExamples.UNKNOWN_OPERATION),
                    @ExampleObject(name = "invalid expression", value = ApiExamples.INVALID_EXPRESSION)}))
    @ApiResponse(responseCode = "409", description = "The job was cancelled before it finished.",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = ApiExamples.CANCELLED)))
    @ApiResponse(responseCode = "413", description = "More than poolmap.max-batch-size numbers, or a body larger than poolmap.max-request-size.",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = ApiExamples.BATCH_TOO_LARGE)))
    @ApiResponse(responseCode = "415", description = "The body is not application/json.",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = ApiExamples.UNSUPPORTED_TYPE)))
    @ApiResponse(responseCode = "422", description = "An item is outside the operation's domain (refused before a job exists), or an item failed while computing (the job FAILED).",
            content = @Content(mediaType = PROBLEM, examples = {
                    @ExampleObject(name = "outside the domain", value = ApiExamples.OUTSIDE_DOMAIN),
                    @ExampleObject(name = "item failed", value = ApiExamples.ITEM_FAILED),
                    @ExampleObject(name = "expression item failed", value = ApiExamples.EXPRESSION_ITEM_FAILED)}))
    @ApiResponse(responseCode = "429", description = "Not enough room in the queue (poolmap.queue-capacity); retry after Retry-After seconds.",
            headers = @Header(name = "Retry-After", schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = ApiExamples.QUEUE_FULL)))
    @ApiResponse(responseCode = "503", description = "poolmap is shutting down (shutting-down), has no heap left for this job now "
            + "(memory-full), or its store cannot write a job that must be on disk before its answer (store-unavailable: "
            + "a full or failing disk; a job that had started for it is cancelled); retry after Retry-After seconds, on another "
            + "instance or after the restart.",
            headers = @Header(name = "Retry-After", schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = ApiExamples.SHUTTING_DOWN)))
    @ApiResponse(responseCode = "504", description = "The job reached its timeoutMs.",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = ApiExamples.TIMED_OUT)))
    JobView submit(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = JobRequest.class), examples = {
                            @ExampleObject(name = "double with 4 workers", value = ApiExamples.REQUEST),
                            @ExampleObject(name = "an expression", value = ApiExamples.EXPRESSION_REQUEST),
                            @ExampleObject(name = "asynchronous", value = ApiExamples.ASYNC_REQUEST)}))
            @Valid @RequestBody JobRequest request,
            @Parameter(description = "Send `respond-async` to get 202 at once instead of waiting for the result")
            @RequestHeader(name = "Prefer", required = false) String prefer,
            @Parameter(description = "A key of your choice (e.g. a UUID) that makes the submission safe to retry: the same key "
                    + "with the same request returns the job it created (also when both are sent at once: the second "
                    + "waits for the first's job), with another request 422; kept as long as the job.")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletRequest http, HttpServletResponse response) throws InterruptedException {
        RequestSizeLimitFilter.bodyParsed(http); // its numbers now count in the job's own heap estimate
        boolean preferAsync = prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async");
        boolean async = preferAsync || Boolean.TRUE.equals(request.async());
        Job job;
        try {
            job = jobs.submit(request.toSubmission(IdempotencyKeys.of(idempotencyKey, request)));
        } catch (JobRefusedException refused) {
            throw JobProblems.refused(refused);
        }
        String location = "/api/v1/jobs/" + job.id();
        if (async || !job.await(properties.syncWait())) {
            try {
                jobs.keep(job);
            } catch (JobRefusedException refused) {
                throw JobProblems.refused(refused);
            }
            response.setStatus(HttpServletResponse.SC_ACCEPTED);
            response.setHeader(HttpHeaders.LOCATION, location);
            if (preferAsync) {
                response.setHeader("Preference-Applied", "respond-async");
            }
            return JobView.of(job, clock.instant());
        }
        if (job.status() != JobStatus.SUCCEEDED) {
            throw JobProblems.ended(job, job.error(), job.completed());
        }
        response.setHeader(HttpHeaders.CONTENT_LOCATION, location);
        return JobView.of(job, clock.instant());
    }
}
