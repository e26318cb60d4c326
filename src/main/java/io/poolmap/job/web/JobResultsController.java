package io.poolmap.job.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Min;

import io.poolmap.job.Job;
import io.poolmap.job.JobNotFoundException;
import io.poolmap.job.JobService;
import io.poolmap.job.JobStatus;
import io.poolmap.operation.Numbers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job's results without waiting for the whole job, as Python's {@code imap} and {@code imap_unordered} give them:
 * streamed as NDJSON while it runs (and after), or as one JSON array once it has succeeded. The stream is written
 * by the request's own thread, a virtual thread, which parks while it waits for results or for a slow client.
 */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "jobs")
class JobResultsController {

    private static final Logger log = LoggerFactory.getLogger(JobResultsController.class);
    private static final String NDJSON = MediaType.APPLICATION_NDJSON_VALUE;
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final JobService jobs;
    private final JsonMapper json;

    JobResultsController(JobService jobs, JsonMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    @GetMapping(path = "/{id}/results", produces = {NDJSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Stream a job's results as they are computed (imap, imap_unordered)",
            description = StreamExamples.RESULTS_DESCRIPTION)
    @ApiResponse(responseCode = "200", description = "One line per item, then the end line; flushed as chunks complete. "
            + "A stream whose last line is not the end line was cut: resume it with `from`.",
            content = {@Content(mediaType = NDJSON, schema = @Schema(ref = "#/components/schemas/ResultLine"), examples = {
                    @ExampleObject(name = "an item", value = StreamExamples.ITEM_LINE, summary = "one line per computed item"),
                    @ExampleObject(name = "the item that failed the job", value = StreamExamples.FAILED_ITEM_LINE),
                    @ExampleObject(name = "the end line", value = StreamExamples.END_LINE, summary = "the last line of a stream that was not cut"),
                    @ExampleObject(name = "the end line of a failed job", value = StreamExamples.FAILED_END_LINE)}),
                    @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(type = "number")),
                            examples = @ExampleObject(name = "Accept: application/json", value = "[1500, 200, 200, 200]"))})
    @ApiResponse(responseCode = "400", description = "`order` is neither input nor completion; `from` is negative, beyond the job's size, or given with order=completion.",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No such job.", content = @Content(mediaType = PROBLEM,
            examples = @ExampleObject(value = ApiExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "406", description = "Accept names neither application/x-ndjson nor application/json.",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "Accept: application/json while the job runs (it has no results array yet; "
            + "stream them instead), or the job was cancelled.", content = @Content(mediaType = PROBLEM,
            examples = @ExampleObject(name = "not finished", value = StreamExamples.NOT_FINISHED)))
    @ApiResponse(responseCode = "422", description = "Accept: application/json and an item failed: the job's own problem.",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = ApiExamples.ITEM_FAILED)))
    @ApiResponse(responseCode = "504", description = "Accept: application/json and the job timed out: the job's own problem.",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = ApiExamples.TIMED_OUT)))
    ResponseEntity<Numbers> results(@PathVariable String id,
            @Parameter(description = "input (imap: item i is sent once items 0 … i-1 are) or completion (imap_unordered: as they complete)",
                    schema = @Schema(allowableValues = {"input", "completion"}, defaultValue = "input"))
            @RequestParam(defaultValue = "input") String order,
            @Parameter(description = "Input order only: start at item `from` (after a cut stream, 1 + the last index received)", example = "0")
            @RequestParam(required = false) @Min(0) Integer from,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(hidden = true) HttpMethod method, HttpServletResponse response) throws IOException {
        Job job = find(id);
        if (wantsTheArray(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(array(job));
        }
        ResultOrder resultOrder = ResultOrder.of(order);
        int start = from == null ? 0 : from;
        if (from != null && resultOrder == ResultOrder.COMPLETION) {
            throw JobProblems.invalidParameter("from", "'from' resumes an input-order stream; a completion-order stream "
                    + "starts again from the beginning (skip the indices already received)");
        }
        if (start > job.size()) {
            throw JobProblems.invalidParameter("from", "'from' must be at most the job's size, " + job.size() + ", not " + start);
        }
        response.setContentType(NDJSON);
        if (method == HttpMethod.HEAD) {
            return null; // the headers of the stream, without waiting for the job to end
        }
        try {
            new ResultStream(job, resultOrder, start, StreamedResponse.open(response, 8_192), json).write();
        } catch (IOException gone) {
            log.debug("job {}: the client of a results stream went away ({})", id, gone.toString());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return null; // written: nothing more for Spring MVC to do
    }

    /** The finished job's results; 409 while it runs; the job's own problem when it did not succeed. */
    private static Numbers array(Job job) {
        JobStatus status = job.status();
        if (!status.isTerminal()) {
            throw JobProblems.notFinished(job, status, job.completed());
        }
        if (status != JobStatus.SUCCEEDED) {
            throw JobProblems.ended(job, job.error(), job.completed());
        }
        return job.resultsIf(status);
    }

    /**
     * Whether the client asked for the JSON array rather than the stream: it names {@code application/json} before
     * (by quality) or without {@code application/x-ndjson}. Wildcards ({@code *}{@code /*}, curl's and urllib's) get the stream.
     */
    static boolean wantsTheArray(String accept) {
        if (accept == null) {
            return false;
        }
        List<MediaType> accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.getQualityValue() > 0 && type.equalsTypeAndSubtype(MediaType.APPLICATION_NDJSON)) {
                return false;
            }
            if (type.getQualityValue() > 0 && type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)) {
                return true;
            }
        }
        return false;
    }

    private Job find(String id) {
        try {
            return jobs.find(id);
        } catch (JobNotFoundException missing) {
            throw JobProblems.notFound(missing);
        }
    }
}
