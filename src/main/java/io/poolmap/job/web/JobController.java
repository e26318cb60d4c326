package io.poolmap.job.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.poolmap.PoolmapProperties;
import io.poolmap.job.Job;
import io.poolmap.job.JobNotFoundException;
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
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The jobs API: submit (synchronously or not), join, cancel, list, and see which worker computed what. */
@RestController
@RequestMapping(path = "/api/v1/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "jobs", description = "Map an operation over a batch of numbers, as multiprocessing.Pool.map does.")
class JobController {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final JobService jobs;
    private final PoolmapProperties properties;
    private final Clock clock;

    JobController(JobService jobs, PoolmapProperties properties, Clock clock) {
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
    @ApiResponse(responseCode = "503", description = "poolmap is shutting down (shutting-down), or has no heap left for this job now "
            + "(memory-full); retry after Retry-After seconds, on another instance or after the restart.",
            headers = @Header(name = "Retry-After", schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = ApiExamples.SHUTTING_DOWN)))
    @ApiResponse(responseCode = "504", description = "The job reached its timeoutMs.",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = ApiExamples.TIMED_OUT)))
    ResponseEntity<JobView> submit(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = JobRequest.class), examples = {
                            @ExampleObject(name = "double with 4 workers", value = ApiExamples.REQUEST),
                            @ExampleObject(name = "an expression", value = ApiExamples.EXPRESSION_REQUEST),
                            @ExampleObject(name = "asynchronous", value = ApiExamples.ASYNC_REQUEST)}))
            @Valid @RequestBody JobRequest request,
            @Parameter(description = "Send `respond-async` to get 202 at once instead of waiting for the result")
            @RequestHeader(name = "Prefer", required = false) String prefer,
            @Parameter(description = "A key of your choice (e.g. a UUID) that makes the submission safe to retry: the same key "
                    + "with the same request returns the job it created, with another request 422; kept as long as the job.")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletRequest http) throws InterruptedException {
        RequestSizeLimitFilter.bodyParsed(http); // its numbers now count in the job's own heap estimate
        boolean preferAsync = prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async");
        boolean async = preferAsync || Boolean.TRUE.equals(request.async());
        Job job;
        try {
            job = jobs.submit(request.toSubmission(IdempotencyKeys.of(idempotencyKey, request)));
        } catch (JobRefusedException refused) {
            throw JobProblems.refused(refused);
        }
        URI location = URI.create("/api/v1/jobs/" + job.id());
        if (async || !job.await(properties.syncWait())) {
            jobs.keep(job);
            ResponseEntity.BodyBuilder accepted = ResponseEntity.accepted().location(location);
            if (preferAsync) {
                accepted.header("Preference-Applied", "respond-async");
            }
            return accepted.body(JobView.of(job, clock.instant()));
        }
        return finished(job, location);
    }

    private ResponseEntity<JobView> finished(Job job, URI location) {
        if (job.status() != JobStatus.SUCCEEDED) {
            throw JobProblems.ended(job, job.error(), job.completed());
        }
        return ResponseEntity.ok().header("Content-Location", location.toString()).body(JobView.of(job, clock.instant()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getJob", summary = "Get a job, optionally waiting for it to finish (join)",
            description = "With `wait`, blocks until the job has finished or the wait is over, as Process.join(timeout); the job is returned either way.")
    @ApiResponse(responseCode = "200", description = "The job as it stands; `results` exactly when it SUCCEEDED, `error` when it did not.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.class), examples = {
                    @ExampleObject(name = "running", value = ApiExamples.RUNNING),
                    @ExampleObject(name = "succeeded", value = ApiExamples.SUCCEEDED),
                    @ExampleObject(name = "failed", value = ApiExamples.FAILED)}))
    @ApiResponse(responseCode = "400", description = "`wait` is not a duration.",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = ApiExamples.BAD_WAIT)))
    @ApiResponse(responseCode = "404", description = "No such job (finished jobs are kept for poolmap.retention).",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = ApiExamples.NOT_FOUND)))
    JobView get(@PathVariable String id,
            @Parameter(description = "How long to wait for the job to finish: 10s, 500ms, PT10S or a number of milliseconds; capped by poolmap.max-wait.",
                    example = "10s")
            @RequestParam(required = false) String wait) throws InterruptedException {
        Job job = find(id);
        if (wait != null) {
            job.await(parseWait(wait));
        }
        return JobView.of(job, clock.instant());
    }

    private Job find(String id) {
        try {
            return jobs.find(id);
        } catch (JobNotFoundException missing) {
            throw JobProblems.notFound(missing);
        }
    }

    private Duration parseWait(String wait) {
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(wait.trim());
        } catch (IllegalArgumentException notADuration) {
            throw JobProblems.invalidParameter("wait", "'wait' must be a duration such as 10s, 500ms or PT10S, not '" + wait + "'");
        }
        if (duration.isNegative()) {
            throw JobProblems.invalidParameter("wait", "'wait' must not be negative, not '" + wait + "'");
        }
        return duration.compareTo(properties.maxWait()) > 0 ? properties.maxWait() : duration;
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "cancelJob", summary = "Cancel a job", description = "Queued chunks are dropped; running ones stop at their next item. Cancelling a finished job changes nothing.")
    @ApiResponse(responseCode = "200", description = "The job, CANCELLED unless it had already finished.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.class),
                    examples = @ExampleObject(value = ApiExamples.CANCELLED_JOB)))
    @ApiResponse(responseCode = "404", description = "No such job.",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = ApiExamples.NOT_FOUND)))
    JobView cancel(@PathVariable String id) {
        try {
            return JobView.of(jobs.cancel(id), clock.instant());
        } catch (JobNotFoundException missing) {
            throw JobProblems.notFound(missing);
        }
    }

    @GetMapping
    @Operation(operationId = "listJobs", summary = "List recent jobs, newest first", description = "Jobs without their results; filter by status; paged.")
    @ApiResponse(responseCode = "200", description = "A page of jobs, without their results.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobPage.class),
                    examples = @ExampleObject(value = ApiExamples.PAGE)))
    @ApiResponse(responseCode = "400", description = "An unknown status or a page out of range.",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = ApiExamples.BAD_STATUS)))
    JobPage list(@Parameter(description = "Only jobs with this status") @RequestParam(required = false) JobStatus status,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @Parameter(description = "Jobs per page, 1 … 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<JobSummary> views = new ArrayList<>();
        for (Job job : jobs.list(status, page * size, size)) {
            views.add(JobSummary.of(job, clock.instant()));
        }
        return new JobPage(views, page, size, jobs.count(status));
    }

    @GetMapping("/{id}/items")
    @Operation(operationId = "listItems", summary = "Each item's input, result and worker",
            description = "What Python prints with current_process().name for each number: which worker computed which item.")
    @ApiResponse(responseCode = "200", description = "A page of items; result and worker are null for items not computed.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ItemsPage.class),
                    examples = @ExampleObject(value = ApiExamples.ITEMS)))
    @ApiResponse(responseCode = "400", description = "offset or limit out of range.",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = ApiExamples.BAD_LIMIT)))
    @ApiResponse(responseCode = "404", description = "No such job.",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = ApiExamples.NOT_FOUND)))
    ItemsPage items(@PathVariable String id,
            @Parameter(description = "Index of the first item") @RequestParam(defaultValue = "0") @Min(0) int offset,
            @Parameter(description = "Most items to return, 1 … 10000") @RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int limit) {
        Job job = find(id);
        return new ItemsPage(job.items(offset, limit).stream().map(ItemView::of).toList(), offset, limit, job.size());
    }
}
