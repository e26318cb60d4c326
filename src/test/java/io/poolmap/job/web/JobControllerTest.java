package io.poolmap.job.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.poolmap.PoolmapProperties;
import io.poolmap.job.JobAdmission;
import io.poolmap.job.JobEngineControl;
import io.poolmap.job.JobEngineTestConfiguration;
import io.poolmap.job.JobService;
import io.poolmap.job.JobStatus;
import io.poolmap.job.TestOperations.Gate;
import io.poolmap.job.TestOperations.TestBlocking;
import io.poolmap.job.TestOperations.TestDomain;
import io.poolmap.job.TestOperations.TestDouble;
import io.poolmap.job.TestOperations.TestFailing;
import io.poolmap.job.TestOperations.TestSleep;
import io.poolmap.operation.registry.OperationRegistry;
import io.poolmap.security.AccessTestConfiguration;
import io.poolmap.web.StrictJsonTestConfiguration;
import io.poolmap.worker.WorkerPoolTestConfiguration;
import io.poolmap.worker.WorkerStatistics;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The jobs API over MockMvc with the real service, pool, strict JSON and problem handler behind it: every error
 * of the contract's "Errors" (README, docs/limits.md) with its status, {@code application/problem+json} body and members, and the happy paths.
 */
@WebMvcTest({JobSubmissionController.class, JobController.class})
@Import(JobControllerTest.JobsTestConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // closes its worker pool: no worker-N thread outlives the class
@TestPropertySource(properties = {
        "poolmap.workers=2",
        "poolmap.max-batch-size=20",
        "poolmap.queue-capacity=20",
        "poolmap.max-digits=30",
        "poolmap.max-request-size=1KB",
        // long enough that a loaded machine still finishes a synchronous job, or cancels one, within them; the tests
        // that wait them out (202 after sync-wait, a wait cut to max-wait) take 5 s each
        "poolmap.sync-wait=5s",
        "poolmap.max-wait=5s",
        "poolmap.max-timeout=1m",
        "poolmap.shutdown-grace=200ms"})
class JobControllerTest {

    private static final String PROBLEM_JSON = "application/problem+json";
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

    /** The real jobs feature behind the controller, with test operations instead of the built-in ones. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PoolmapProperties.class)
    @Import({StrictJsonTestConfiguration.class, AccessTestConfiguration.class, WorkerPoolTestConfiguration.class,
            JobEngineTestConfiguration.class, OperationRegistry.class})
    static class JobsTestConfiguration {

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

        @Bean
        TestDomain testDomain() {
            return new TestDomain();
        }

        @Bean
        TestSleep testSleep() {
            return new TestSleep();
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

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5));
    }

    private MvcTestResult post(String json) {
        return mvc.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private MvcTestResult get(String uri) {
        return mvc.get().uri(uri).exchange();
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(MvcTestResult result) {
        return JSON.readValue(body(result), Map.class);
    }

    /** Asserts an RFC 9457 problem of poolmap's shape, with nothing internal in it, and returns its members. */
    private static Map<String, Object> problem(MvcTestResult result, int status, String slug, String title) {
        assertThat(result).hasStatus(status);
        assertThat(result.getResponse().getContentType()).isEqualTo(PROBLEM_JSON);
        String body = body(result);
        assertThat(body).as("a problem body shows nothing of poolmap's insides")
                .doesNotContain("Exception", "java.", "tools.jackson", "springframework", "io.poolmap", "\tat ")
                .doesNotContainPattern("`[^`]+`");
        Map<String, Object> problem = json(result);
        assertThat(problem).containsEntry("type", "urn:poolmap:problem:" + slug).containsEntry("title", title)
                .containsEntry("status", status).containsKey("detail");
        if (status == 400) {
            // every 400 lists its faults in errors, the first one repeated on top; no other status has errors
            assertThat(problem.get("errors")).as("errors").asInstanceOf(InstanceOfAssertFactories.LIST).isNotEmpty()
                    .first().asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("detail", problem.get("detail"))
                    .satisfies(first -> {
                        for (String where : List.of("pointer", "parameter")) {
                            assertThat(first.get(where)).as(where).isEqualTo(problem.get(where));
                        }
                    });
        } else {
            assertThat(problem).doesNotContainKey("errors");
        }
        return problem;
    }

    private static Map<String, Object> invalid(MvcTestResult result) {
        return problem(result, 400, "invalid-request", "Invalid request");
    }

    private String submitAsync(String json) {
        MvcTestResult result = post(json);
        assertThat(result).hasStatus(202);
        return (String) json(result).get("id");
    }

    private void awaitGateEntered(int items) {
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(items));
    }

    // --- 400: the body is not JSON, or not one object ------------------------------------------------

    @Test
    void aJobRequestIsReadByTheFastConverterAheadOfSpringMvcsOwn(@Autowired RequestMappingHandlerAdapter handlers) {
        assertThat(handlers.getMessageConverters().getFirst()).isInstanceOf(JobRequestConverter.class);
    }

    @Test
    void malformedJsonIs400() {
        Map<String, Object> problem = invalid(post("{\"operation\": \"test_double\" \"numbers\": [1]}"));

        assertThat((String) problem.get("detail")).startsWith("malformed JSON at line 1, column");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"operation\":\"test_double\",\"numbers\":[1,2", "{\"operation\":\"test_do", "{\"operation\":\"test_double\","})
    void truncatedJsonIs400(String truncated) {
        invalid(post(truncated));
    }

    @Test
    void anEmptyBodyIs400() {
        Map<String, Object> problem = invalid(post(""));

        assertThat(problem).containsEntry("detail", "a JSON body is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2, 3]", "\"double\"", "42", "null", "true"})
    void aBodyThatIsNotAnObjectIs400(String body) {
        invalid(post(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {" {}", " []", " x", "]", " \"more\""})
    void trailingDataAfterTheObjectIs400(String trailing) {
        invalid(post("{\"operation\":\"test_double\",\"numbers\":[1]}" + trailing));

        assertThat(jobs.count(null)).isZero();
    }

    @Test
    void aDuplicateKeyIs400NamingIt() {
        Map<String, Object> problem = invalid(post("{\"operation\":\"test_double\",\"numbers\":[1],\"operation\":\"test_failing\"}"));

        assertThat((String) problem.get("detail")).isEqualTo("duplicate field 'operation'");
        assertThat(problem).containsEntry("pointer", "/operation");
        assertThat(jobs.count(null)).isZero();
    }

    @Test
    void anUnknownFieldIs400NamingItAndTheKnownOnes() {
        Map<String, Object> problem = invalid(post("{\"operation\":\"test_double\",\"numbers\":[1],\"parallelsm\":4}"));

        assertThat(problem).containsEntry("pointer", "/parallelsm")
                .containsEntry("detail", "unknown field 'parallelsm'; the fields are [async, chunkSize, expression, numbers, operation, parallelism, timeoutMs]");
        assertThat(jobs.count(null)).isZero();
    }

    // --- 400: fields missing, empty or of the wrong type ----------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"numbers\":[1]}                                  | /operation",
            "{\"operation\":\"  \",\"numbers\":[1]}             | /operation",
            "{\"operation\":null,\"numbers\":[1]}               | /operation",
            "{\"operation\":\"test_double\"}                    | /numbers",
            "{\"operation\":\"test_double\",\"numbers\":null}   | /numbers",
            "{\"operation\":\"test_double\",\"numbers\":[]}     | /numbers",
            "{\"operation\":\"test_double\",\"numbers\":5}      | /numbers",
            "{\"operation\":\"test_double\",\"numbers\":\"1,2\"} | /numbers",
            "{\"operation\":\"test_double\",\"numbers\":{}}     | /numbers",
            "{\"operation\":5,\"numbers\":[1]}                  | /operation"})
    void aMissingEmptyOrMistypedFieldIs400PointingAtIt(String body, String pointer) {
        Map<String, Object> problem = invalid(post(body));

        assertThat(problem).containsEntry("pointer", pointer);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"2\"   | a string",
            "null    | null",
            "true    | a boolean",
            "{}      | an object",
            "[2]     | an array"})
    void aNonNumberInsideNumbersIs400PointingAtTheItem(String item, String described) {
        Map<String, Object> problem = invalid(post("{\"operation\":\"test_double\",\"numbers\":[1," + item + ",3]}"));

        assertThat(problem).containsEntry("pointer", "/numbers/1")
                .containsEntry("detail", "numbers[1] must be a number, not " + described);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"parallelism\":0       | /parallelism",
            "\"parallelism\":-1      | /parallelism",
            "\"parallelism\":2.5     | /parallelism",
            "\"parallelism\":\"4\"   | /parallelism",
            "\"chunkSize\":0         | /chunkSize",
            "\"chunkSize\":1.5       | /chunkSize",
            "\"timeoutMs\":0         | /timeoutMs",
            "\"timeoutMs\":60001     | /timeoutMs",
            "\"async\":\"yes\"       | /async",
            "\"async\":1             | /async"})
    void anOptionOutOfRangeOrOfTheWrongTypeIs400PointingAtIt(String option, String pointer) {
        Map<String, Object> problem = invalid(post("{\"operation\":\"test_double\",\"numbers\":[1]," + option + "}"));

        assertThat(problem).containsEntry("pointer", pointer);
        assertThat(jobs.count(null)).isZero();
    }

    @Test
    void aTimeoutAboveMaxTimeoutIs400NamingTheLimit() {
        Map<String, Object> problem = invalid(post("{\"operation\":\"test_double\",\"numbers\":[1],\"timeoutMs\":60001}"));

        assertThat(problem).containsEntry("detail", "'timeoutMs' must be at most 60000 (poolmap.max-timeout), not 60001");
    }

    // --- 400: numbers that poolmap cannot hold --------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {31, 200})
    void anIntegerWithMoreDigitsThanMaxDigitsIs400PointingAtIt(int digits) {
        Map<String, Object> problem = invalid(post("{\"operation\":\"test_double\",\"numbers\":[1," + "9".repeat(digits) + "]}"));

        assertThat(problem).containsEntry("pointer", "/numbers/1")
                .containsEntry("detail", "numbers[1] has more than 30 digits (poolmap.max-digits)");
    }

    @Test
    void anIntegerOfExactlyMaxDigitsIsExact() {
        MvcTestResult result = post("{\"operation\":\"test_double\",\"numbers\":[-" + "9".repeat(30) + ", 9223372036854775807]}");

        assertThat(result).hasStatus(200);
        assertThat(body(result)).contains("\"results\":[-1" + "9".repeat(29) + "8,18446744073709551614]");
    }

    @Test
    void aDecimalTooLargeForADoubleIs400PointingAtIt() {
        Map<String, Object> problem = invalid(post("{\"operation\":\"test_double\",\"numbers\":[1,1e999]}"));

        assertThat(problem).containsEntry("pointer", "/numbers/1");
        assertThat((String) problem.get("detail")).contains("too large for a double");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
    void nonFiniteTokensAre400PointingAtTheItem(String token) {
        Map<String, Object> problem = invalid(post("{\"operation\":\"test_double\",\"numbers\":[1," + token + "]}"));

        assertThat(problem).containsEntry("pointer", "/numbers/1");
    }

    @ParameterizedTest
    @CsvSource({"chunkSize, 99999999999", "parallelism, 2147483648", "timeoutMs, 99999999999999999999"})
    void anOptionBeyondItsNumericTypeIs400PointingAtIt(String option, String value) {
        Map<String, Object> problem = invalid(post("{\"operation\":\"test_double\",\"numbers\":[1],\"" + option + "\":" + value + "}"));

        assertThat(problem).containsEntry("pointer", "/" + option);
        assertThat((String) problem.get("detail")).doesNotContain("malformed");
    }

    // --- 413, 415, 405 --------------------------------------------------------------------------------

    @Test
    void aBatchAboveMaxBatchSizeIs413() {
        Map<String, Object> problem = problem(post("{\"operation\":\"test_double\",\"numbers\":[" + "1,".repeat(20) + "1]}"),
                413, "batch-too-large", "Batch too large");

        assertThat(problem).containsEntry("pointer", "/numbers").containsEntry("limit", 20)
                .containsEntry("detail", "a job holds at most 20 numbers (poolmap.max-batch-size)");
    }

    @Test
    void aBatchOfExactlyMaxBatchSizeIsAccepted() {
        assertThat(post("{\"operation\":\"test_double\",\"numbers\":[" + "1,".repeat(19) + "1]}")).hasStatus(200);
    }

    @Test
    void aBodyAboveMaxRequestSizeIs413() {
        String body = "{\"operation\":\"test_double\",\"numbers\":[1]}" + " ".repeat(1024);

        Map<String, Object> problem = problem(post(body), 413, "request-too-large", "Request too large");

        assertThat(problem).containsEntry("limit", 1024)
                .containsEntry("detail", "the request body is larger than 1024 bytes (poolmap.max-request-size)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"operation\":\"test_double\",\"numbers\":[1,%s2]}", "{\"operation\":\"test_double\",\"numbers\":[1]}%s",
            "%s{\"operation\":\"test_double\",\"numbers\":[1]}"})
    void aBodyAboveMaxRequestSizeWithoutContentLengthIs413(String template) {
        MvcTestResult result = mvc.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON)
                .content(template.formatted(" ".repeat(1024))).with(JobControllerTest::withoutContentLength).exchange();

        problem(result, 413, "request-too-large", "Request too large");
        assertThat(jobs.count(null)).isZero();
    }

    @Test
    void aSmallBodyWithoutContentLengthIsRead() {
        MvcTestResult result = mvc.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"operation\":\"test_double\",\"numbers\":[1]}").with(JobControllerTest::withoutContentLength).exchange();

        assertThat(result).hasStatus(200);
    }

    /** The request as a chunked upload sends it: the same body, no Content-Length. */
    private static MockHttpServletRequest withoutContentLength(MockHttpServletRequest request) {
        MockHttpServletRequest chunked = new MockHttpServletRequest(request.getServletContext(), request.getMethod(), request.getRequestURI()) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        chunked.setContentType(request.getContentType());
        chunked.setContent(request.getContentAsByteArray());
        chunked.addHeader("Transfer-Encoding", "chunked");
        return chunked;
    }

    @Test
    void aWrongContentTypeIs415() {
        MvcTestResult result = mvc.post().uri("/api/v1/jobs").contentType(MediaType.TEXT_PLAIN)
                .content("{\"operation\":\"test_double\",\"numbers\":[1]}").exchange();

        problem(result, 415, "unsupported-media-type", "Unsupported Media Type");
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        MvcTestResult result = mvc.method(HttpMethod.PUT).uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"operation\":\"test_double\",\"numbers\":[1]}").exchange();

        problem(result, 405, "method-not-allowed", "Method Not Allowed");
        assertThat(result.getResponse().getHeader("Allow")).contains("GET", "POST");
    }

    @Test
    void aWrongMethodOnAJobIs405WithAllow() {
        MvcTestResult result = mvc.method(HttpMethod.PATCH).uri("/api/v1/jobs/some-id").exchange();

        problem(result, 405, "method-not-allowed", "Method Not Allowed");
        assertThat(result.getResponse().getHeader("Allow")).contains("GET", "DELETE").doesNotContain("POST");
    }

    // --- 404, unknown operation, domain ---------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/jobs/no-such-job", "DELETE /api/v1/jobs/no-such-job", "GET /api/v1/jobs/no-such-job/items",
            "GET /api/v1/jobs/no-such-job?wait=1s"})
    void anUnknownJobIs404(String request) {
        String[] methodAndUri = request.split(" ");

        MvcTestResult result = mvc.method(HttpMethod.valueOf(methodAndUri[0])).uri(methodAndUri[1]).exchange();

        assertThat(problem(result, 404, "job-not-found", "Job not found")).containsEntry("jobId", "no-such-job");
    }

    @Test
    void anUnknownOperationIs400ListingTheOperations() {
        Map<String, Object> problem = problem(post("{\"operation\":\"triple\",\"numbers\":[1]}"), 400, "unknown-operation", "Unknown operation");

        assertThat(problem).containsEntry("pointer", "/operation")
                .containsEntry("operations", List.of("test_blocking", "test_domain", "test_double", "test_failing", "test_sleep"))
                .containsEntry("detail", "unknown operation 'triple'; the operations are test_blocking, test_domain, test_double, test_failing, test_sleep");
    }

    @Test
    void anItemOutsideTheDomainIs422WithItsIndexAndValueAndNoJob() {
        Map<String, Object> problem = problem(post("{\"operation\":\"test_domain\",\"numbers\":[4,0,-7]}"),
                422, "outside-domain", "Number outside the operation's domain");

        assertThat(problem).containsEntry("pointer", "/numbers/2").containsEntry("index", 2).containsEntry("value", -7)
                .doesNotContainKey("jobId");
        assertThat(jobs.count(null)).isZero();
    }

    // --- how a synchronous job ended --------------------------------------------------------------------

    @Test
    void aFailingItemIs422WithTheJobItsIndexAndValue() {
        Map<String, Object> problem = problem(post("{\"operation\":\"test_failing\",\"numbers\":[1,2,13,4]}"), 422, "item-failed", "Item failed");

        assertThat(problem).containsEntry("pointer", "/numbers/2").containsEntry("index", 2).containsEntry("value", 13)
                .containsEntry("detail", "numbers[2] = 13: 13 is unlucky").containsKey("jobId");
        assertThat(jobs.find((String) problem.get("jobId")).status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void aJobThatTimesOutIs504WithTheJobAndItsProgress() {
        gate.allow(1);

        // 1 s for the let-through item to be computed, and 4 s more for the timeout to end the job within sync-wait
        Map<String, Object> problem = problem(post("{\"operation\":\"test_blocking\",\"numbers\":[1,2,3],\"chunkSize\":3,\"timeoutMs\":1000}"),
                504, "job-timed-out", "Job timed out");

        assertThat(problem).containsKey("jobId").containsEntry("progress", Map.of("completed", 1, "total", 3))
                .containsEntry("detail", "the job did not finish within 1000 ms; 1 of 3 items were computed");
    }

    @Test
    void aJobCancelledDuringASynchronousWaitIs409() throws Exception {
        CompletableFuture<MvcTestResult> waiting = CompletableFuture.supplyAsync(() -> post("{\"operation\":\"test_blocking\",\"numbers\":[1,2],\"parallelism\":1}"));
        awaitGateEntered(1);
        String id = jobs.list(JobStatus.RUNNING, 0, 1).getFirst().id();

        assertThat(mvc.delete().uri("/api/v1/jobs/{id}", id).exchange()).hasStatus(200);

        Map<String, Object> problem = problem(waiting.get(5, TimeUnit.SECONDS), 409, "job-cancelled", "Job cancelled");
        assertThat(problem).containsEntry("jobId", id).containsEntry("detail", "cancelled by a client");
    }

    @Test
    void aFullQueueIs429WithRetryAfter() {
        String blocking = submitAsync("{\"operation\":\"test_blocking\",\"numbers\":[" + "1,".repeat(19) + "1],\"async\":true}");

        MvcTestResult result = post("{\"operation\":\"test_double\",\"numbers\":[1]}");

        Map<String, Object> problem = problem(result, 429, "queue-full", "Queue full");
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("1");
        assertThat((String) problem.get("detail")).contains("1 item does not fit", "0 items of room", "poolmap.queue-capacity = 20");
        assertThat(jobs.find(blocking).status()).isIn(JobStatus.QUEUED, JobStatus.RUNNING);
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void whileShuttingDownASubmissionIs503() {
        engine.shutDown();

        MvcTestResult result = post("{\"operation\":\"test_double\",\"numbers\":[1]}");

        problem(result, 503, "shutting-down", "Shutting down");
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("5");
    }

    // --- 400: query parameters ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"banana", "-1s", "10 parsecs"})
    void aWaitThatIsNotADurationIs400(String wait) {
        String id = submitAsync("{\"operation\":\"test_double\",\"numbers\":[1],\"async\":true}");

        Map<String, Object> problem = invalid(mvc.get().uri("/api/v1/jobs/{id}", id).param("wait", wait).exchange());

        assertThat(problem).containsEntry("parameter", "wait");
    }

    @Test
    void anUnknownStatusFilterIs400ListingTheStatuses() {
        Map<String, Object> problem = invalid(get("/api/v1/jobs?status=FOO"));

        assertThat(problem).containsEntry("parameter", "status")
                .containsEntry("detail", "'status' must be one of [QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT], not 'FOO'");
    }

    @ParameterizedTest
    @CsvSource({"size=0, size", "size=101, size", "page=-1, page", "page=abc, page", "size=1e3, size"})
    void aPageOutOfRangeIs400(String query, String parameter) {
        assertThat(invalid(get("/api/v1/jobs?" + query))).containsEntry("parameter", parameter);
    }

    @ParameterizedTest
    @CsvSource({"limit=0, limit", "limit=10001, limit", "offset=-1, offset"})
    void itemsOutOfRangeAre400(String query, String parameter) {
        String id = submitAsync("{\"operation\":\"test_double\",\"numbers\":[1],\"async\":true}");

        assertThat(invalid(get("/api/v1/jobs/" + id + "/items?" + query))).containsEntry("parameter", parameter);
    }

    // --- happy paths ----------------------------------------------------------------------------------

    @Test
    void aSynchronousJobAnswers200WithItsResultsAndContentLocation() {
        MvcTestResult result = post("{\"operation\":\"test_double\",\"numbers\":[1,2,3,4,5],\"parallelism\":4,\"chunkSize\":1}");

        assertThat(result).hasStatus(200).hasContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> job = json(result);
        assertThat(result.getResponse().getHeader("Content-Location")).isEqualTo("/api/v1/jobs/" + job.get("id"));
        assertThat(job).containsEntry("operation", "test_double").containsEntry("status", "SUCCEEDED").containsEntry("size", 5)
                .containsEntry("results", List.of(2, 4, 6, 8, 10))
                .containsEntry("progress", Map.of("completed", 5, "total", 5))
                .containsEntry("parallelism", 2).containsEntry("chunkSize", 1).containsEntry("timeoutMs", 60_000)
                .containsKeys("submittedAt", "startedAt", "finishedAt", "durationMs")
                .doesNotContainKey("error");
        @SuppressWarnings("unchecked")
        Map<String, Integer> byWorker = (Map<String, Integer>) job.get("workers");
        assertThat(byWorker).as("five cheap items cost less than a hand-off: one idle worker computes them on the request's thread")
                .hasSize(1).containsValue(5);
        assertThat(byWorker.keySet()).allMatch(name -> name.matches("worker-[12]"));
    }

    @Test
    void decimalsStayDecimalsAndIntegersAreNeverWrittenInExponentForm() {
        MvcTestResult result = post("{\"operation\":\"test_double\",\"numbers\":[1.5, 100000000000000000000, 0.1]}");

        assertThat(result).hasStatus(200);
        assertThat(body(result)).contains("\"results\":[3.0,200000000000000000000,0.2]");
    }

    // --- exact integers for JavaScript clients: Accept: application/json; IEEE754Compatible=true ------------

    private static final String EXACT_JSON = "application/json;IEEE754Compatible=true";

    @Test
    void withIeee754CompatibleIntegersBeyondTwoToThe53AreStringsInTheJobItsItemsAndItsProblems() {
        String numbers = "[3, 4503599627370495, 4503599627370496, -9007199254740992, 1.5, 100000000000000000000]";
        MvcTestResult submitted = mvc.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).accept(EXACT_JSON)
                .content("{\"operation\":\"test_double\",\"numbers\":" + numbers + "}").exchange();

        assertThat(submitted).hasStatus(200);
        assertThat(submitted.getResponse().getContentType()).isEqualTo(EXACT_JSON);
        String exactResults = "\"results\":[6,9007199254740990,\"9007199254740992\",\"-18014398509481984\",3.0,\"200000000000000000000\"]";
        assertThat(body(submitted)).contains(exactResults);
        String id = (String) json(submitted).get("id");
        assertThat(body(mvc.get().uri("/api/v1/jobs/{id}", id).accept(EXACT_JSON).exchange())).contains(exactResults);
        assertThat(body(mvc.get().uri("/api/v1/jobs/{id}/items?offset=2&limit=2", id).accept(EXACT_JSON).exchange()))
                .contains("{\"index\":2,\"input\":4503599627370496,\"result\":\"9007199254740992\",")
                .contains("{\"index\":3,\"input\":\"-9007199254740992\",\"result\":\"-18014398509481984\",");
        MvcTestResult refused = mvc.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).accept(EXACT_JSON)
                .content("{\"operation\":\"test_domain\",\"numbers\":[1, -100000000000000000000]}").exchange();
        assertThat(refused).hasStatus(422);
        assertThat(refused.getResponse().getContentType()).isEqualTo("application/problem+json;IEEE754Compatible=true");
        assertThat(json(refused)).containsEntry("value", "-100000000000000000000").containsEntry("index", 1);
    }

    @Test
    void withoutIeee754CompatibleEveryIntegerIsAJsonNumber() {
        MvcTestResult submitted = post("{\"operation\":\"test_double\",\"numbers\":[4503599627370496, 100000000000000000000]}");

        assertThat(submitted.getResponse().getContentType()).isEqualTo("application/json");
        assertThat(body(submitted)).contains("\"results\":[9007199254740992,200000000000000000000]");
        MvcTestResult refused = post("{\"operation\":\"test_domain\",\"numbers\":[-100000000000000000000]}");
        assertThat(body(refused)).contains("\"value\":-100000000000000000000");
    }

    @Test
    void anAcceptThatNoAnswerOfTheJobMatchesIs406AsAProblemDetail() {
        String id = (String) json(post("{\"operation\":\"test_double\",\"numbers\":[1]}")).get("id");

        Map<String, Object> problem = problem(mvc.get().uri("/api/v1/jobs/{id}", id).accept(MediaType.TEXT_HTML).exchange(), 406,
                "not-acceptable", "Not Acceptable");

        assertThat(problem.get("detail")).asString().contains("application/json");
    }

    // --- results exactly when SUCCEEDED, whatever the status code ------------------------------------------

    @Test
    void anAsynchronousJobThatHasFinishedByItsAnswerCarriesItsResultsIn202() {
        // a tiny job runs on the request's thread while a worker is idle: it has succeeded before the 202 is written
        MvcTestResult result = post("{\"operation\":\"test_double\",\"numbers\":[1,2],\"async\":true}");

        assertThat(result).hasStatus(202);
        assertThat(json(result)).containsEntry("status", "SUCCEEDED").containsEntry("results", List.of(2, 4));
    }

    @Test
    void anAsynchronousJobThatFailedByItsAnswerCarriesItsErrorIn202AndNoResults() {
        MvcTestResult result = post("{\"operation\":\"test_failing\",\"numbers\":[13],\"async\":true}");

        assertThat(result).hasStatus(202);
        assertThat(json(result)).containsEntry("status", "FAILED").doesNotContainKey("results").containsKey("error");
    }

    @Test
    void anAsynchronousJobAnswers202WithLocation() {
        MvcTestResult result = post("{\"operation\":\"test_blocking\",\"numbers\":[1,2,3],\"async\":true}");

        assertThat(result).hasStatus(202);
        Map<String, Object> job = json(result);
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/jobs/" + job.get("id"));
        assertThat(result.getResponse().getHeader("Preference-Applied")).isNull();
        assertThat(job.get("status")).isIn("QUEUED", "RUNNING");
        assertThat(job).doesNotContainKey("results").containsEntry("size", 3);
    }

    @Test
    void preferRespondAsyncAnswers202WithPreferenceApplied() {
        MvcTestResult result = mvc.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).header("Prefer", "respond-async, wait=5")
                .content("{\"operation\":\"test_blocking\",\"numbers\":[1]}").exchange();

        assertThat(result).hasStatus(202);
        assertThat(result.getResponse().getHeader("Preference-Applied")).isEqualTo("respond-async");
        assertThat(result.getResponse().getHeader("Location")).startsWith("/api/v1/jobs/");
    }

    @Test
    void aSynchronousJobThatOutlivesSyncWaitAnswers202WithLocation() {
        long start = System.nanoTime();

        MvcTestResult result = post("{\"operation\":\"test_blocking\",\"numbers\":[1,2]}");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(result).hasStatus(202);
        Map<String, Object> job = json(result);
        assertThat(job).containsEntry("status", "RUNNING");
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/jobs/" + job.get("id"));
    }

    @Test
    void getWithWaitJoinsTheJobAndReturnsItsResults() throws Exception {
        String id = submitAsync("{\"operation\":\"test_blocking\",\"numbers\":[1,2],\"parallelism\":1,\"async\":true}");
        awaitGateEntered(1);

        CompletableFuture<MvcTestResult> joining = CompletableFuture.supplyAsync(() -> get("/api/v1/jobs/" + id + "?wait=5s"));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !joining.isDone());
        gate.open();

        MvcTestResult result = joining.get(5, TimeUnit.SECONDS);
        assertThat(result).hasStatus(200);
        assertThat(json(result)).containsEntry("status", "SUCCEEDED").containsEntry("results", List.of(10, 20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"300ms", "PT0.3S", "300"})
    void getWithAWaitShorterThanTheJobReturnsItRunningAfterTheWait(String wait) {
        String id = submitAsync("{\"operation\":\"test_blocking\",\"numbers\":[1],\"async\":true}");
        long start = System.nanoTime();

        MvcTestResult result = mvc.get().uri("/api/v1/jobs/{id}", id).param("wait", wait).exchange();

        // at least the wait, and less than max-wait (5 s), which a wait misread as seconds would be cut to
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300))
                .isLessThan(Duration.ofSeconds(5));
        assertThat(json(result)).containsEntry("status", "RUNNING");
    }

    @Test
    void aWaitLongerThanMaxWaitIsCutToIt() {
        String id = submitAsync("{\"operation\":\"test_blocking\",\"numbers\":[1],\"async\":true}");
        long start = System.nanoTime();

        MvcTestResult result = mvc.get().uri("/api/v1/jobs/{id}", id).param("wait", "1h").exchange();

        // max-wait (5 s), and far less than the hour asked for
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(5), Duration.ofMinutes(1));
        assertThat(json(result)).containsEntry("status", "RUNNING");
    }

    @Test
    void getWithoutWaitReturnsTheJobAsItStands() {
        String id = submitAsync("{\"operation\":\"test_blocking\",\"numbers\":[1,2],\"chunkSize\":1,\"parallelism\":1,\"async\":true}");
        gate.allow(1);
        awaitGateEntered(2);

        Map<String, Object> job = json(get("/api/v1/jobs/" + id));

        assertThat(job).containsEntry("status", "RUNNING").containsEntry("progress", Map.of("completed", 1, "total", 2))
                .doesNotContainKey("results").doesNotContainKey("finishedAt");
    }

    @Test
    void deleteCancelsTheJobAndAgainChangesNothing() {
        String id = submitAsync("{\"operation\":\"test_blocking\",\"numbers\":[1,2,3],\"parallelism\":1,\"async\":true}");
        awaitGateEntered(1);

        MvcTestResult cancelled = mvc.delete().uri("/api/v1/jobs/{id}", id).exchange();

        assertThat(cancelled).hasStatus(200);
        Map<String, Object> job = json(cancelled);
        assertThat(job).containsEntry("status", "CANCELLED").doesNotContainKey("results");
        assertThat(job.get("error")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("type", "urn:poolmap:problem:job-cancelled").containsEntry("status", 409).containsEntry("jobId", id);
        Map<String, Object> again = json(mvc.delete().uri("/api/v1/jobs/{id}", id).exchange());
        assertThat(again).containsEntry("status", "CANCELLED").containsEntry("finishedAt", job.get("finishedAt"));
    }

    @Test
    void deletingAFinishedJobReturnsItAsItIs() {
        String id = (String) json(post("{\"operation\":\"test_double\",\"numbers\":[1,2]}")).get("id");

        Map<String, Object> job = json(mvc.delete().uri("/api/v1/jobs/{id}", id).exchange());

        assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("results", List.of(2, 4));
    }

    @Test
    void theListIsNewestFirstWithTotalsFiltersAndNoResults() {
        String first = (String) json(post("{\"operation\":\"test_double\",\"numbers\":[1]}")).get("id");
        String failed = (String) json(post("{\"operation\":\"test_failing\",\"numbers\":[13]}")).get("jobId");
        String last = (String) json(post("{\"operation\":\"test_double\",\"numbers\":[2]}")).get("id");

        Map<String, Object> all = json(get("/api/v1/jobs"));
        Map<String, Object> failures = json(get("/api/v1/jobs?status=FAILED"));
        Map<String, Object> secondSucceeded = json(get("/api/v1/jobs?status=SUCCEEDED&page=1&size=1"));

        assertThat(all).containsEntry("page", 0).containsEntry("size", 20).containsEntry("total", 3);
        assertThat(ids(all)).containsExactly(last, failed, first);
        assertThat(jobsOf(all)).allSatisfy(job -> assertThat(job).doesNotContainKey("results").containsKey("status"));
        assertThat(ids(failures)).containsExactly(failed);
        assertThat(failures).containsEntry("total", 1);
        assertThat(ids(secondSucceeded)).containsExactly(first);
        assertThat(secondSucceeded).containsEntry("total", 2).containsEntry("page", 1).containsEntry("size", 1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jobsOf(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("jobs");
    }

    private static List<Object> ids(Map<String, Object> page) {
        return jobsOf(page).stream().map(job -> job.get("id")).toList();
    }

    @Test
    void itemsShowEachInputResultAndWorkerWithNullsForItemsNotComputed() {
        String id = submitAsync("{\"operation\":\"test_blocking\",\"numbers\":[1,2,3,4,5,6],\"chunkSize\":2,\"parallelism\":1,\"async\":true}");
        gate.allow(2);
        awaitGateEntered(3);

        Map<String, Object> page = json(get("/api/v1/jobs/" + id + "/items"));

        assertThat(page).containsEntry("offset", 0).containsEntry("limit", 1000).containsEntry("total", 6);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).hasSize(6);
        assertThat(items.get(0)).containsEntry("index", 0).containsEntry("input", 1).containsEntry("result", 10);
        assertThat(items.get(1)).containsEntry("index", 1).containsEntry("input", 2).containsEntry("result", 20);
        assertThat((String) items.get(0).get("worker")).matches("worker-[12]");
        assertThat(items.get(1).get("worker")).isEqualTo(items.get(0).get("worker"));
        assertThat(items.subList(2, 6)).allSatisfy(item -> assertThat(item).containsEntry("result", null).containsEntry("worker", null)
                .containsKeys("index", "input"));
    }

    @Test
    void itemsArePagedByOffsetAndLimit() {
        String id = (String) json(post("{\"operation\":\"test_double\",\"numbers\":[1,2,3,4,5,6]}")).get("id");

        Map<String, Object> page = json(get("/api/v1/jobs/" + id + "/items?offset=4&limit=1"));

        assertThat(page).containsEntry("offset", 4).containsEntry("limit", 1).containsEntry("total", 6);
        assertThat(page.get("items")).asInstanceOf(InstanceOfAssertFactories.LIST).singleElement()
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("index", 4).containsEntry("input", 5).containsEntry("result", 10);
    }
}
