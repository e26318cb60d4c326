package io.poolmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.poolmap.job.JobEngineControl;
import io.poolmap.job.JobEngineControlConfiguration;
import io.poolmap.job.TestOperations.Gate;
import io.poolmap.job.TestOperations.TestBlocking;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real answers of the whole service over HTTP, checked against its own OpenAPI document ({@link ApiContract}): every
 * operation and every status code the document promises is produced here at least once, and each answer must be
 * documented (status, media type) and validate against its schema, strictly; every example of the document validates
 * against its schema too. Operations the scenarios do not name (a new endpoint) are still probed from the document
 * (a finished job's id, an unknown one, an Accept no answer matches), and a documented status that no scenario and
 * no probe produced fails the test, naming it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "poolmap.workers=2",
        "poolmap.max-batch-size=50",
        "poolmap.queue-capacity=50",
        "poolmap.sync-wait=3s",
        "poolmap.max-wait=3s",
        "poolmap.shutdown-grace=200ms"})
@Import({ApiContractTest.ContractOperations.class, JobEngineControlConfiguration.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // the last scenario shuts the engine down
class ApiContractTest {

    private static final String EXACT_JSON = "application/json; IEEE754Compatible=true";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> scenarioFailures = new ArrayList<>();
    private ApiContract contract;

    @LocalServerPort
    private int port;

    @Autowired
    private Gate gate;

    @Autowired
    private JobEngineControl engine;

    /** A blocking operation, so that the scenarios can hold a job running, fill the queue and time a job out. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ContractOperations {

        @Bean
        Gate gate() {
            return new Gate();
        }

        @Bean
        TestBlocking testBlocking(Gate gate) {
            return new TestBlocking(gate);
        }
    }

    @BeforeEach
    void readTheDocument() throws Exception {
        gate.reset();
        contract = ApiContract.of(send("GET", "/v3/api-docs", null).body());
    }

    @AfterEach
    void letEveryBlockedItemGo() {
        gate.open();
    }

    @Test
    void everyExampleOfTheDocumentIsValidAgainstItsSchema() {
        assertThat(contract.exampleViolations()).isEmpty();
    }

    @Test
    void everyDocumentedOperationAndStatusIsProducedAndEveryAnswerIsAsDocumented() throws Exception {
        String finished = submitScenarios();
        jobScenarios(finished);
        probeEveryReadOperation(finished);
        engine.shutDown();
        expect(503, "POST", "/api/v1/jobs", "{\"operation\":\"double\",\"numbers\":[1]}");

        assertThat(scenarioFailures).as("answers other than the scenarios meant").isEmpty();
        assertThat(contract.violations()).as("answers that break the document").isEmpty();
        Set<String> missing = new LinkedHashSet<>(contract.documented());
        missing.removeAll(contract.observed());
        assertThat(missing).as("documented answers that no scenario or probe produced (add a scenario for each)").isEmpty();
    }

    /** Every answer of POST /api/v1/jobs; returns the id of a job that succeeded. */
    private String submitScenarios() throws Exception {
        String succeeded = id(expect(200, "POST", "/api/v1/jobs", "{\"operation\":\"double\",\"numbers\":[1,2,3,4,5],\"parallelism\":4}"));
        expect(200, "POST", "/api/v1/jobs", "{\"operation\":\"is_prime\",\"numbers\":[2,15,97,1000000007,9223372036854775783]}");
        expect(200, "POST", "/api/v1/jobs", "{\"operation\":\"square\",\"numbers\":[3,3037000500,1.5]}", "Accept", EXACT_JSON);
        expect(202, "POST", "/api/v1/jobs", "{\"operation\":\"sleep\",\"numbers\":[200],\"async\":true}");
        expect(202, "POST", "/api/v1/jobs", "{\"operation\":\"double\",\"numbers\":[7]}", "Prefer", "respond-async");
        expect(400, "POST", "/api/v1/jobs", "{\"operation\":\"double\",\"numbers\":[1],\"parallelsm\":2}");
        expect(400, "POST", "/api/v1/jobs", "{\"operation\":\"double\",\"numbers\":[1],\"parallelism\":0,\"chunkSize\":0}");
        expect(400, "POST", "/api/v1/jobs", "{\"operation\":\"triple\",\"numbers\":[1]}");
        expect(400, "POST", "/api/v1/jobs", "{\"operation\":\"double\",");
        expect(406, "POST", "/api/v1/jobs", "{\"operation\":\"double\",\"numbers\":[1]}", "Accept", "text/html");
        expect(413, "POST", "/api/v1/jobs", "{\"operation\":\"double\",\"numbers\":[" + "1,".repeat(50) + "1]}");
        expect(415, "POST", "/api/v1/jobs", "{}", "Content-Type", "text/plain");
        expect(422, "POST", "/api/v1/jobs", "{\"operation\":\"sqrt\",\"numbers\":[4,-1]}");
        expect(422, "POST", "/api/v1/jobs", "{\"operation\":\"fibonacci\",\"numbers\":[-100000000000000000000]}", "Accept", EXACT_JSON);
        expect(422, "POST", "/api/v1/jobs", "{\"operation\":\"square\",\"numbers\":[3,1e200]}");
        String failedJob = jobId(expect(422, "POST", "/api/v1/jobs", "{\"operation\":\"square\",\"numbers\":[3,1e200,4],\"parallelism\":1}"));
        expect(200, "POST", "/api/v1/jobs", "{\"expression\":\"x**2 + 3*x + 1\",\"numbers\":[1,1.5,100000000000000000000]}");
        expect(400, "POST", "/api/v1/jobs", "{\"expression\":\"x ** * 2\",\"numbers\":[1]}");
        expect(422, "POST", "/api/v1/jobs", "{\"expression\":\"100 // (x - 3)\",\"numbers\":[1,3]}");
        String timedOut = jobId(expect(504, "POST", "/api/v1/jobs", "{\"operation\":\"test_blocking\",\"numbers\":[1,2],\"timeoutMs\":100}"));
        resultScenarios(failedJob, timedOut);
        gate.open();
        awaitAnEmptyQueue();
        gate.reset();

        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return send("POST", "/api/v1/jobs", "{\"operation\":\"test_blocking\",\"numbers\":[1,2],\"parallelism\":1}");
            } catch (IOException | InterruptedException failed) {
                throw new IllegalStateException(failed);
            }
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> json.readTree(send("GET", "/api/v1/jobs?status=RUNNING", null).body()).at("/total").asInt() == 1);
        String running = json.readTree(expect(200, "GET", "/api/v1/jobs?status=RUNNING", null).body()).at("/jobs/0/id").asString();
        expect(200, "GET", "/api/v1/jobs/" + running + "/items", null);
        expect(409, "GET", "/api/v1/jobs/" + running + "/results", null, "Accept", "application/json");
        expect(200, "DELETE", "/api/v1/jobs/" + running, null);
        gate.open();
        check(409, "POST", "/api/v1/jobs", waiting.get(10, TimeUnit.SECONDS));
        awaitAnEmptyQueue();
        gate.reset();

        String filling = id(expect(202, "POST", "/api/v1/jobs", "{\"operation\":\"test_blocking\",\"numbers\":[" + "1,".repeat(49) + "1],\"async\":true}"));
        expect(429, "POST", "/api/v1/jobs", "{\"operation\":\"double\",\"numbers\":[1]}");
        expect(200, "DELETE", "/api/v1/jobs/" + filling, null);
        gate.open();
        return succeeded;
    }

    /** The results of jobs that did not succeed: streamed with the failed item's line, or their own problem as an array. */
    private void resultScenarios(String failed, String timedOut) throws Exception {
        expect(200, "GET", "/api/v1/jobs/" + failed + "/results", null, "Accept", "application/x-ndjson");
        expect(200, "GET", "/api/v1/jobs/" + failed + "/results?order=completion", null);
        expect(422, "GET", "/api/v1/jobs/" + failed + "/results", null, "Accept", "application/json");
        expect(400, "GET", "/api/v1/jobs/" + failed + "/results?order=sideways", null);
        expect(400, "GET", "/api/v1/jobs/" + failed + "/results?order=completion&from=1", null);
        expect(504, "GET", "/api/v1/jobs/" + timedOut + "/results", null, "Accept", "application/json");
        expect(200, "GET", "/api/v1/jobs/" + timedOut + "/results", null, "Accept", "application/x-ndjson");
    }

    /** Until the items of ended jobs have left the queue and its whole capacity is free again. */
    private void awaitAnEmptyQueue() {
        await().atMost(Duration.ofSeconds(10)).until(() -> json.readTree(send("GET", "/actuator/health", null).body())
                .at("/components/pool/details/queuedItems").asLong(-1) == 0);
    }

    /** Every answer of the other operations, on the job that succeeded. */
    private void jobScenarios(String id) throws Exception {
        expect(200, "GET", "/api/v1/jobs/" + id + "?wait=1s", null);
        expect(200, "GET", "/api/v1/jobs/" + id, null, "Accept", EXACT_JSON);
        expect(400, "GET", "/api/v1/jobs/" + id + "?wait=soon", null);
        expect(404, "GET", "/api/v1/jobs/no-such-job", null);
        expect(406, "GET", "/api/v1/jobs/" + id, null, "Accept", "text/html");
        expect(200, "DELETE", "/api/v1/jobs/" + id, null);
        expect(404, "DELETE", "/api/v1/jobs/no-such-job", null);
        expect(406, "DELETE", "/api/v1/jobs/" + id, null, "Accept", "text/html");
        expect(200, "GET", "/api/v1/jobs?status=SUCCEEDED&page=0&size=5", null);
        expect(400, "GET", "/api/v1/jobs?status=DONE", null);
        expect(400, "GET", "/api/v1/jobs?size=0", null);
        expect(406, "GET", "/api/v1/jobs", null, "Accept", "text/html");
        expect(200, "GET", "/api/v1/jobs/" + id + "/items?offset=1&limit=3", null, "Accept", EXACT_JSON);
        expect(400, "GET", "/api/v1/jobs/" + id + "/items?limit=0", null);
        expect(404, "GET", "/api/v1/jobs/no-such-job/items", null);
        expect(406, "GET", "/api/v1/jobs/" + id + "/items", null, "Accept", "text/html");
        expect(200, "GET", "/api/v1/operations", null);
        expect(406, "GET", "/api/v1/operations", null, "Accept", "text/html");
    }

    /**
     * Every GET of the document, named by the scenarios or not, with a finished job's id (each of its answers'
     * media types asked for), an unknown id, and an Accept that none of its answers has: whatever it answers must be
     * documented. This is what checks an endpoint that no scenario knows yet.
     */
    private void probeEveryReadOperation(String id) throws Exception {
        for (ApiContract.Endpoint endpoint : contract.endpoints()) {
            if (!endpoint.method().equals("GET")) {
                continue;
            }
            String path = endpoint.template().replaceAll("\\{[^/]+}", id);
            for (String type : new LinkedHashSet<>(endpoint.successTypes())) {
                probe(path, type);
            }
            if (!path.equals(endpoint.template())) {
                probe(endpoint.template().replaceAll("\\{[^/]+}", "no-such-job"), "*/*");
            }
            probe(path, "text/html");
        }
    }

    private void probe(String path, String accept) throws Exception {
        URI uri = uri(path);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        contract.check("GET", uri, response);
    }

    private HttpResponse<String> expect(int status, String method, String path, String body, String... headers) throws Exception {
        HttpResponse<String> response = send(method, path, body, headers);
        return check(status, method, path, response);
    }

    private HttpResponse<String> check(int status, String method, String path, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            scenarioFailures.add(method + " " + path + ": expected " + status + ", got " + response.statusCode() + " " + response.body());
        }
        contract.check(method, uri(path), response);
        return response;
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The job a problem is about. */
    private String jobId(HttpResponse<String> response) {
        return json.readTree(response.body()).get("jobId").asString();
    }

    private String id(HttpResponse<String> response) {
        return json.readTree(response.body()).get("id").asString();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
