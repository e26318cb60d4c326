package io.poolmap.job.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.poolmap.PoolmapProperties;
import io.poolmap.job.JobAdmission;
import io.poolmap.job.JobEngineControl;
import io.poolmap.job.JobEngineTestConfiguration;
import io.poolmap.job.JobService;
import io.poolmap.job.JobStatus;
import io.poolmap.job.TestOperations.Gate;
import io.poolmap.job.TestOperations.TestBlocking;
import io.poolmap.job.TestOperations.TestDouble;
import io.poolmap.job.TestOperations.TestFailing;
import io.poolmap.operation.registry.OperationRegistry;
import io.poolmap.security.AccessTestConfiguration;
import io.poolmap.web.StrictJsonTestConfiguration;
import io.poolmap.worker.WorkerPoolTestConfiguration;
import io.poolmap.worker.WorkerStatistics;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /results} and {@code /events} over MockMvc with the real engine behind them, for what a request sees of a
 * job that has ended (its whole stream at once), of a job that runs (409 for the array), and of every refusal; the
 * streams of running jobs, read as they arrive, are {@link JobStreamsHttpTest}'s.
 */
@WebMvcTest({JobResultsController.class, JobEventsController.class, JobSubmissionController.class, JobController.class})
@Import(JobStreamsTest.StreamsTestConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // closes its worker pool: no worker-N thread outlives the class
@TestPropertySource(properties = {"poolmap.workers=2", "poolmap.sync-wait=5s", "poolmap.shutdown-grace=200ms"})
class JobStreamsTest {

    private static final String NDJSON = "application/x-ndjson";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private JobService jobs;

    @Autowired
    private JobAdmission admission;

    @Autowired
    private JobEngineControl engine;

    @Autowired
    private WorkerStatistics workers;

    @Autowired
    private Gate gate;

    /** The real jobs feature behind the controllers, with test operations instead of the built-in ones. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PoolmapProperties.class)
    @Import({StrictJsonTestConfiguration.class, AccessTestConfiguration.class, WorkerPoolTestConfiguration.class,
            JobEngineTestConfiguration.class, OperationRegistry.class})
    static class StreamsTestConfiguration {

        @Bean
        Gate gate() {
            return new Gate();
        }

        @Bean
        TestDouble testDouble() {
            return new TestDouble();
        }

        @Bean
        TestBlocking testBlocking(Gate gate) {
            return new TestBlocking(gate);
        }

        @Bean
        TestFailing testFailing() {
            return new TestFailing();
        }
    }

    @AfterEach
    void letEveryJobEndAndForgetIt() {
        for (JobStatus status : List.of(JobStatus.QUEUED, JobStatus.RUNNING)) {
            jobs.list(status, 0, 1_000).forEach(job -> jobs.cancel(job.id()));
        }
        gate.open();
        eventually().untilAsserted(() -> {
            assertThat(admission.queuedItems()).isZero();
            assertThat(workers.busyWorkers()).isZero();
        });
        engine.forgetFinishedJobs();
        gate.reset();
    }

    // --- /results as NDJSON, of a job that has ended -------------------------------------------------

    @Test
    void aSucceededJobsResultsStreamInInputOrderThenTheEndLine() {
        String id = submit("{\"operation\":\"test_double\",\"numbers\":[1,2,3,123456789012345678901234567890,1.5],\"chunkSize\":1}");

        MvcTestResult result = results(id, "", NDJSON);

        assertThat(result).hasStatus(200);
        assertThat(result.getResponse().getContentType()).isEqualTo(NDJSON);
        assertThat(result.getResponse().getHeader("X-Accel-Buffering")).isEqualTo("no");
        assertThat(body(result)).isEqualTo("""
                {"index":0,"result":2}
                {"index":1,"result":4}
                {"index":2,"result":6}
                {"index":3,"result":246913578024691357802469135780}
                {"index":4,"result":3.0}
                {"end":true,"status":"SUCCEEDED","count":5,"total":5}
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*/*", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "application/json;q=0.5, application/x-ndjson", "application/*"})
    void withoutAskingForJsonTheResultsStream(String accept) {
        String id = submit("{\"operation\":\"test_double\",\"numbers\":[1,2]}");

        MvcTestResult result = results(id, "", accept);

        assertThat(result).hasStatus(200);
        assertThat(result.getResponse().getContentType()).isEqualTo(NDJSON);
        assertThat(lines(result)).hasSize(3);
    }

    @Test
    void fromResumesAnInputOrderStreamAtThatItem() {
        String id = submit("{\"operation\":\"test_double\",\"numbers\":[1,2,3,4,5,6,7],\"chunkSize\":2}");

        assertThat(body(results(id, "?from=3", NDJSON))).isEqualTo("""
                {"index":3,"result":8}
                {"index":4,"result":10}
                {"index":5,"result":12}
                {"index":6,"result":14}
                {"end":true,"status":"SUCCEEDED","count":4,"total":7}
                """);
        assertThat(body(results(id, "?from=7", NDJSON))).isEqualTo("""
                {"end":true,"status":"SUCCEEDED","count":0,"total":7}
                """);
    }

    @Test
    void inCompletionOrderAnEndedJobGivesEveryItemOnce() {
        String numbers = String.join(",", IntStream.range(0, 100).mapToObj(Integer::toString).toList());
        String id = submit("{\"operation\":\"test_double\",\"numbers\":[" + numbers + "],\"chunkSize\":7}");

        List<Map<String, Object>> lines = lines(results(id, "?order=completion", NDJSON));

        assertThat(lines.subList(0, 100)).extracting(line -> line.get("index")).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 100).boxed().toList());
        assertThat(lines.subList(0, 100)).allSatisfy(line -> assertThat(line.get("result")).isEqualTo(2 * (int) line.get("index")));
        assertThat(lines.getLast()).isEqualTo(Map.of("end", true, "status", "SUCCEEDED", "count", 100, "total", 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?order=completion"})
    void theItemThatFailedTheJobIsALineWithItsProblemAndTheEndLineSaysFailed(String query) {
        String id = jobId(post("{\"operation\":\"test_failing\",\"numbers\":[1,2,13,4],\"chunkSize\":1,\"parallelism\":1}"));

        List<Map<String, Object>> lines = lines(results(id, query, NDJSON));

        assertThat(lines).hasSize(4);
        assertThat(lines.subList(0, 2)).containsExactlyInAnyOrder(Map.of("index", 0, "result", 1), Map.of("index", 1, "result", 2));
        assertThat(lines.get(2)).containsEntry("index", 2);
        assertThat(problemIn(lines.get(2), "error")).containsEntry("type", "urn:poolmap:problem:item-failed")
                .containsEntry("jobId", id).containsEntry("index", 2).containsEntry("value", 13).containsEntry("pointer", "/numbers/2");
        assertThat(lines.get(3)).containsEntry("end", true).containsEntry("status", "FAILED").containsEntry("count", 3)
                .containsEntry("total", 4);
        assertThat(problemIn(lines.get(3), "error")).containsEntry("type", "urn:poolmap:problem:item-failed");
    }

    @Test
    void aCancelledJobStreamsOnlyWhatWasComputedAndTheEndLineSaysCancelled() {
        String id = submit("{\"operation\":\"test_blocking\",\"numbers\":[1,2,3,4],\"chunkSize\":1,\"parallelism\":1,\"async\":true}");
        gate.allow(2);
        eventually().untilAsserted(() -> assertThat(jobs.find(id).completed()).isEqualTo(2));
        jobs.cancel(id);

        List<Map<String, Object>> lines = lines(results(id, "", NDJSON));

        assertThat(lines.subList(0, 2)).containsExactly(Map.of("index", 0, "result", 10), Map.of("index", 1, "result", 20));
        assertThat(lines.get(2)).containsEntry("end", true).containsEntry("status", "CANCELLED").containsEntry("count", 2)
                .containsEntry("total", 4);
        assertThat(problemIn(lines.get(2), "error")).containsEntry("type", "urn:poolmap:problem:job-cancelled").containsEntry("jobId", id);
        assertThat(lines).hasSize(3);
    }

    // --- /results as a JSON array ------------------------------------------------------------------

    @Test
    void jsonGivesTheFinishedJobsResultsArray() {
        String id = submit("{\"operation\":\"test_double\",\"numbers\":[1,2,123456789012345678901234567890]}");

        MvcTestResult result = results(id, "", "application/json");

        assertThat(result).hasStatus(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/json");
        assertThat(body(result)).isEqualTo("[2,4,246913578024691357802469135780]");
    }

    @Test
    void jsonWhileTheJobRunsIs409SayingHowFarItGotAndWhereToStreamIt() {
        String id = submit("{\"operation\":\"test_blocking\",\"numbers\":[1,2,3],\"chunkSize\":1,\"parallelism\":1,\"async\":true}");
        gate.allow(1);
        eventually().untilAsserted(() -> assertThat(jobs.find(id).completed()).isEqualTo(1));

        Map<String, Object> problem = problem(results(id, "", "application/json"), 409, "job-not-finished");

        assertThat(problem).containsEntry("jobId", id).containsEntry("jobStatus", "RUNNING")
                .containsEntry("progress", Map.of("completed", 1, "total", 3));
        assertThat((String) problem.get("detail")).contains("application/x-ndjson", "?wait=");
    }

    @Test
    void jsonOfAJobThatDidNotSucceedIsItsOwnProblem() {
        String failed = jobId(post("{\"operation\":\"test_failing\",\"numbers\":[1,13]}"));
        String cancelled = submit("{\"operation\":\"test_blocking\",\"numbers\":[1],\"async\":true}");
        jobs.cancel(cancelled);

        assertThat(problem(results(failed, "", "application/json"), 422, "item-failed")).containsEntry("index", 1);
        assertThat(problem(results(cancelled, "", "application/json"), 409, "job-cancelled")).containsEntry("jobId", cancelled);
    }

    // --- /results refused ----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {NDJSON, "application/json"})
    void anUnknownJobsResultsAre404(String accept) {
        assertThat(problem(results("nope", "", accept), 404, "job-not-found")).containsEntry("jobId", "nope");
    }

    @Test
    void resultsInAnotherFormatAre406() {
        String id = submit("{\"operation\":\"test_double\",\"numbers\":[1]}");

        problem(results(id, "", "text/html"), 406, "not-acceptable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"?order=sideways", "?from=-1", "?from=3", "?from=x", "?order=completion&from=0"})
    void aBadOrderOrFromIs400NamingTheParameter(String query) {
        String id = submit("{\"operation\":\"test_double\",\"numbers\":[1,2]}");

        Map<String, Object> problem = problem(results(id, query, NDJSON), 400, "invalid-request");

        assertThat(problem.get("parameter")).isIn("order", "from");
    }

    // --- /events of a job that has ended, and refused ------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "3", "not-an-id"})
    void anEndedJobsEventsAreItsStatusEventAtOnceWhateverTheLastEventId(String lastEventId) {
        String id = submit("{\"operation\":\"test_double\",\"numbers\":[1,2]}");

        MvcTestResult result = lastEventId.isEmpty()
                ? mvc.get().uri("/api/v1/jobs/{id}/events", id).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                : mvc.get().uri("/api/v1/jobs/{id}/events", id).accept(MediaType.TEXT_EVENT_STREAM).header("Last-Event-ID", lastEventId).exchange();

        assertThat(result).hasStatus(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("text/event-stream;charset=UTF-8");
        String[] blocks = body(result).split("\n\n");
        assertThat(blocks).hasSize(2);
        assertThat(blocks[0]).isEqualTo("retry: 1000");
        assertThat(blocks[1]).startsWith("id: 3\nevent: status\ndata: {");
        Map<String, Object> job = readMap(blocks[1].substring(blocks[1].indexOf("data: ") + 6));
        assertThat(job).containsEntry("id", id).containsEntry("status", "SUCCEEDED").containsEntry("progress", Map.of("completed", 2, "total", 2))
                .doesNotContainKey("results");
    }

    @Test
    void anUnknownJobsEventsAre404AndEventsInAnotherFormat406() {
        String id = submit("{\"operation\":\"test_double\",\"numbers\":[1]}");

        problem(mvc.get().uri("/api/v1/jobs/nope/events").accept(MediaType.TEXT_EVENT_STREAM).exchange(), 404, "job-not-found");
        problem(mvc.get().uri("/api/v1/jobs/{id}/events", id).accept(MediaType.APPLICATION_JSON).exchange(), 406, "not-acceptable");
    }

    // --- HEAD ---------------------------------------------------------------------------------------

    @Test
    void headOfARunningJobsStreamsAnswersTheirHeadersAtOnce() {
        String id = submit("{\"operation\":\"test_blocking\",\"numbers\":[1,2],\"async\":true}");

        MvcTestResult results = mvc.head().uri("/api/v1/jobs/{id}/results", id).header("Accept", NDJSON).exchange();
        MvcTestResult events = mvc.head().uri("/api/v1/jobs/{id}/events", id).accept(MediaType.TEXT_EVENT_STREAM).exchange();

        assertThat(results).hasStatus(200);
        assertThat(results.getResponse().getContentType()).isEqualTo(NDJSON);
        assertThat(events).hasStatus(200);
        assertThat(events.getResponse().getContentType()).isEqualTo("text/event-stream;charset=UTF-8");
        assertThat(jobs.find(id).status()).as("answered while the job still runs").isIn(JobStatus.QUEUED, JobStatus.RUNNING);
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5));
    }

    private MvcTestResult post(String json) {
        return mvc.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    /** Submits a job and returns its id: at once when asynchronous, else when it has ended. */
    private String submit(String json) {
        MvcTestResult result = post(json);
        assertThat(result.getResponse().getStatus()).isIn(200, 202);
        return (String) readMap(body(result)).get("id");
    }

    private static String jobId(MvcTestResult endedWithAProblem) {
        return (String) readMap(body(endedWithAProblem)).get("jobId");
    }

    private MvcTestResult results(String id, String query, String accept) {
        var request = mvc.get().uri("/api/v1/jobs/" + id + "/results" + query);
        return accept.isEmpty() ? request.exchange() : request.header("Accept", accept).exchange();
    }

    private static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static List<Map<String, Object>> lines(MvcTestResult result) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : body(result).split("\n")) {
            lines.add(readMap(line));
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readMap(String json) {
        return JSON.readValue(json, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> problemIn(Map<String, Object> line, String member) {
        return (Map<String, Object>) line.get(member);
    }

    private static Map<String, Object> problem(MvcTestResult result, int status, String slug) {
        assertThat(result).hasStatus(status);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        Map<String, Object> problem = readMap(body(result));
        assertThat(problem).containsEntry("type", "urn:poolmap:problem:" + slug).containsEntry("status", status);
        return problem;
    }
}
