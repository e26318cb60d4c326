package io.poolmap.job.web;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;

import io.poolmap.job.Job;
import io.poolmap.job.JobNotFoundException;
import io.poolmap.job.JobService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job's progress as Server-Sent Events, written by the request's own virtual thread: it parks between looks at
 * the job, so that thousands of open streams cost no platform thread, and it needs no asynchronous dispatch, no
 * emitter timeout and no executor of its own.
 */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "jobs")
class JobEventsController {

    private static final Logger log = LoggerFactory.getLogger(JobEventsController.class);
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final JobService jobs;
    private final JsonMapper json;
    private final Clock clock;

    JobEventsController(JobService jobs, JsonMapper json, Clock clock) {
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Follow a job's progress (Server-Sent Events)", description = StreamExamples.EVENTS_DESCRIPTION)
    @ApiResponse(responseCode = "200", description = "`progress` events, at most four a second, then one `status` event, and the stream ends.",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string"),
                    examples = {@ExampleObject(name = "a running job", value = StreamExamples.EVENTS),
                            @ExampleObject(name = "a job that has ended", value = StreamExamples.EVENTS_ENDED)}))
    @ApiResponse(responseCode = "404", description = "No such job.", content = @Content(mediaType = PROBLEM,
            examples = @ExampleObject(value = ApiExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "406", description = "Accept does not allow text/event-stream.", content = @Content(mediaType = PROBLEM))
    void events(@PathVariable String id,
            @Parameter(description = "The id of the last event received, such as 120001: the stream resumes after it "
                    + "(SSE clients send it when they reconnect)")
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @Parameter(hidden = true) HttpMethod method, HttpServletResponse response) throws IOException {
        Job job;
        try {
            job = jobs.find(id);
        } catch (JobNotFoundException missing) {
            throw JobProblems.notFound(missing);
        }
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE + ";charset=UTF-8");
        if (method == HttpMethod.HEAD) {
            return; // the headers of the stream, without waiting for the job to end
        }
        try {
            new EventStream(job, StreamedResponse.open(response, 1_024), json, clock).write(position(lastEventId));
        } catch (IOException gone) {
            log.debug("job {}: the client of an event stream went away ({})", id, gone.toString());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The position a {@code Last-Event-ID} names; anything that is not one of ours counts as none. */
    static long position(String lastEventId) {
        if (lastEventId != null && lastEventId.trim().matches("\\d{1,18}")) {
            return Long.parseLong(lastEventId.trim());
        }
        return -1;
    }
}
