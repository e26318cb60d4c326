package io.poolmap.job.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.poolmap.PoolmapProperties;
import io.poolmap.job.Job;
import io.poolmap.job.JobNotFoundException;
import io.poolmap.job.JobService;
import io.poolmap.job.JobStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The jobs API after submission ({@link JobSubmissionController}): get and join, cancel, list, and see which worker computed what. */
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
