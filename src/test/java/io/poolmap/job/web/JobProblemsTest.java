package io.poolmap.job.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.poolmap.job.Job;
import io.poolmap.job.JobRefusedException;
import io.poolmap.job.JobService;
import io.poolmap.job.TestJobEngine;
import io.poolmap.job.TestOperations;
import io.poolmap.job.TestOperations.Gate;
import io.poolmap.web.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;
import static io.poolmap.job.JobSubmissionBuilder.aSubmission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each refusal and each way a job ends, as the problem detail a client reads: status, type, members, headers. */
class JobProblemsTest {

    private final Gate gate = new Gate();
    private final TestJobEngine engine = TestJobEngine.start(aPoolmapProperties().queueCapacity(5).maxTimeout(Duration.ofSeconds(10)).build(),
            TestOperations.all(gate), List.of(), Clock.systemUTC());
    private final JobService jobs = engine.jobs();

    @AfterEach
    void stop() throws InterruptedException {
        gate.open();
        engine.close();
    }

    private ProblemException refusalOf(io.poolmap.job.JobSubmission submission) {
        return JobProblems.refused(catchThrowableOfType(JobRefusedException.class, () -> jobs.submit(submission)));
    }

    private static Map<String, Object> members(ProblemException problem) {
        return problem.getBody().getProperties() == null ? Map.of() : problem.getBody().getProperties();
    }

    @Test
    void anUnknownOperationIs400PointingAtTheOperationAndListingTheKnownOnes() {
        ProblemException problem = refusalOf(aSubmission().operation("test_triple").build());

        assertThat(problem.status().value()).isEqualTo(400);
        assertThat(problem.getBody().getType()).hasToString("urn:poolmap:problem:unknown-operation");
        assertThat(members(problem)).containsEntry("pointer", "/operation")
                .containsEntry("operations", List.of("test_blocking", "test_domain", "test_double", "test_failing", "test_sleep"));
    }

    @Test
    void aStoreThatCannotWriteIs503StoreUnavailableWithRetryAfterNamingTheCause() {
        engine.failStoreWritesWith(new IllegalStateException("ISPN000xxx", new java.io.IOException("No space left on device")));

        ProblemException problem = refusalOf(aSubmission().range(3).idempotency(new io.poolmap.job.JobSubmission.Idempotency("k", "h")).build());

        assertThat(problem.status().value()).isEqualTo(503);
        assertThat(problem.getBody().getType()).hasToString("urn:poolmap:problem:store-unavailable");
        assertThat(problem.getBody().getDetail()).contains("No space left on device");
        assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("10");
    }

    @Test
    void anItemOutsideTheDomainIs422PointingAtTheItem() {
        ProblemException problem = refusalOf(aSubmission().operation("test_domain").numbers(1, -3).build());

        assertThat(problem.status().value()).isEqualTo(422);
        assertThat(problem.getBody().getType()).hasToString("urn:poolmap:problem:outside-domain");
        assertThat(members(problem)).containsEntry("pointer", "/numbers/1").containsEntry("index", 1).containsEntry("value", -3L);
    }

    @Test
    void aTimeoutAboveTheMaximumIs400PointingAtIt() {
        ProblemException problem = refusalOf(aSubmission().timeoutMs(10_001L).build());

        assertThat(problem.status().value()).isEqualTo(400);
        assertThat(members(problem)).containsEntry("pointer", "/timeoutMs");
    }

    @Test
    void aFullQueueIs429WithRetryAfterAndShuttingDownIs503WithRetryAfter() {
        ProblemException full = refusalOf(aSubmission().range(6).build());
        assertThat(full.status().value()).isEqualTo(429);
        assertThat(full.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(full.getBody().getType()).hasToString("urn:poolmap:problem:queue-full");

        engine.stop();
        ProblemException stopping = refusalOf(aSubmission().build());
        assertThat(stopping.status().value()).isEqualTo(503);
        assertThat(stopping.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    }

    @Test
    void aFailedJobIs422NamingTheItemTheJobAndItsProgress() throws InterruptedException {
        Job job = jobs.submit(aSubmission().operation("test_failing").numbers(1, 13).chunkSize(2).build());
        job.await(Duration.ofSeconds(5));

        ProblemException problem = JobProblems.ended(job, job.error(), job.completed());

        assertThat(problem.status().value()).isEqualTo(422);
        assertThat(problem.getBody().getType()).hasToString("urn:poolmap:problem:item-failed");
        assertThat(members(problem)).containsEntry("jobId", job.id()).containsEntry("pointer", "/numbers/1")
                .containsEntry("index", 1).containsEntry("value", 13L)
                .containsEntry("progress", Map.of("completed", 1L, "total", 2L));
        assertThat(JobProblems.endedAsMap(job, job.error(), job.completed()))
                .containsEntry("type", "urn:poolmap:problem:item-failed").containsEntry("status", 422).containsEntry("jobId", job.id());
    }

    @Test
    void aCancelledJobIs409AndATimedOutOne504() throws InterruptedException {
        Job cancelled = jobs.cancel(jobs.submit(aSubmission().operation("test_blocking").numbers(1).build()).id());
        assertThat(JobProblems.ended(cancelled, cancelled.error(), cancelled.completed()).status().value()).isEqualTo(409);

        Job timedOut = jobs.submit(aSubmission().operation("test_blocking").numbers(1).timeoutMs(1L).build());
        timedOut.await(Duration.ofSeconds(5));
        ProblemException problem = JobProblems.ended(timedOut, timedOut.error(), timedOut.completed());
        assertThat(problem.status().value()).isEqualTo(504);
        assertThat(problem.getBody().getType()).hasToString("urn:poolmap:problem:job-timed-out");
    }
}
