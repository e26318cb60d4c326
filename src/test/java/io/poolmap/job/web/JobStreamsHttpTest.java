package io.poolmap.job.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.poolmap.job.JobService;
import io.poolmap.job.JobStatus;
import io.poolmap.job.TestOperations.Gate;
import io.poolmap.worker.WorkerStatistics;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The two streams over real HTTP while jobs run, read line by line as they arrive by a streaming client: results in
 * input and in completion order, a cut stream resumed, a cancelled job's stream, and progress events with their
 * resumption. The test holds items at a {@link Gate}, so that what has arrived at each step is known.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "poolmap.workers=2")
@Import(StreamsHttpTestConfiguration.class)
class JobStreamsHttpTest {

    private static final Duration A_WHILE = Duration.ofMillis(600);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    private int port;

    @Autowired
    private Gate gate;

    @Autowired
    private JobService jobs;

    @Autowired
    private WorkerStatistics workers;

    @AfterEach
    void letEveryJobEnd() {
        for (JobStatus status : List.of(JobStatus.QUEUED, JobStatus.RUNNING)) {
            jobs.list(status, 0, 1_000).forEach(job -> jobs.cancel(job.id()));
        }
        gate.open();
        eventually().untilAsserted(() -> assertThat(workers.busyWorkers()).isZero());
        gate.reset();
    }

    // --- /results -----------------------------------------------------------------------------------

    @Test
    void resultsArriveInInputOrderAsTheirItemsAreComputedAndTheStreamEndsWithTheJob() throws Exception {
        String id = submit("{\"operation\":\"test_blocking\",\"numbers\":[1,2,3,4,5,6],\"chunkSize\":1,\"parallelism\":1}");
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(1));

        try (StreamedLines results = results(id, "")) {
            assertThat(results.response().statusCode()).isEqualTo(200);
            assertThat(results.response().headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
            throughout(A_WHILE).untilAsserted(() -> assertThat(results.lines()).isEmpty());

            gate.allow(2);
            eventually().untilAsserted(() -> assertThat(results.lines()).containsExactly(
                    "{\"index\":0,\"result\":10}", "{\"index\":1,\"result\":20}"));
            assertThat(results.ended()).isFalse();

            gate.allow(4);
            eventually().until(results::ended);
            assertThat(results.lines()).containsExactly("{\"index\":0,\"result\":10}", "{\"index\":1,\"result\":20}",
                    "{\"index\":2,\"result\":30}", "{\"index\":3,\"result\":40}", "{\"index\":4,\"result\":50}",
                    "{\"index\":5,\"result\":60}", "{\"end\":true,\"status\":\"SUCCEEDED\",\"count\":6,\"total\":6}");
        }
    }

    @Test
    void inCompletionOrderItemsArriveWhileAnEarlierOneIsHeldBackWhichInputOrderWaitsFor() throws Exception {
        String id = submit("{\"operation\":\"test_held\",\"numbers\":[1000,1,2,3,4],\"chunkSize\":1,\"parallelism\":2}");

        try (StreamedLines unordered = results(id, "?order=completion"); StreamedLines ordered = results(id, "")) {
            eventually().untilAsserted(() -> assertThat(indices(unordered.lines())).containsExactlyInAnyOrder(1, 2, 3, 4));
            throughout(A_WHILE).untilAsserted(() -> {
                assertThat(ordered.lines()).as("item 0 is held: imap sends nothing").isEmpty();
                assertThat(unordered.lines()).hasSize(4);
            });

            gate.allow(1);

            eventually().until(() -> unordered.ended() && ordered.ended());
            assertThat(unordered.lines().get(4)).isEqualTo("{\"index\":0,\"result\":1000}");
            assertThat(unordered.lines().get(5)).isEqualTo("{\"end\":true,\"status\":\"SUCCEEDED\",\"count\":5,\"total\":5}");
            assertThat(indices(ordered.lines())).containsExactly(0, 1, 2, 3, 4);
        }
    }

    @Test
    void aCutStreamResumesFromTheItemAfterTheLastOneReceived() throws Exception {
        String id = submit("{\"operation\":\"test_blocking\",\"numbers\":[1,2,3,4,5,6],\"chunkSize\":1,\"parallelism\":1}");
        List<String> beforeTheCut;
        try (StreamedLines results = results(id, "")) {
            gate.allow(3);
            eventually().untilAsserted(() -> assertThat(results.lines()).hasSize(3));
            beforeTheCut = results.lines();
        }
        int from = indices(beforeTheCut).getLast() + 1;

        try (StreamedLines rest = results(id, "?from=" + from)) {
            throughout(A_WHILE).untilAsserted(() -> assertThat(rest.lines()).isEmpty());
            gate.allow(3);
            eventually().until(rest::ended);

            assertThat(indices(beforeTheCut)).containsExactly(0, 1, 2);
            assertThat(rest.lines()).containsExactly("{\"index\":3,\"result\":40}", "{\"index\":4,\"result\":50}",
                    "{\"index\":5,\"result\":60}", "{\"end\":true,\"status\":\"SUCCEEDED\",\"count\":3,\"total\":6}");
        }
    }

    @Test
    void cancellingAJobEndsItsOpenStreamWithWhatWasComputed() throws Exception {
        String id = submit("{\"operation\":\"test_blocking\",\"numbers\":[1,2,3,4],\"chunkSize\":1,\"parallelism\":1}");

        try (StreamedLines results = results(id, "")) {
            gate.allow(1);
            eventually().untilAsserted(() -> assertThat(results.lines()).hasSize(1));

            http.send(HttpRequest.newBuilder(uri("/api/v1/jobs/" + id)).DELETE().build(), HttpResponse.BodyHandlers.discarding());

            eventually().until(results::ended);
            assertThat(results.lines()).hasSize(2);
            assertThat(line(results.lines().getLast())).containsEntry("end", true).containsEntry("status", "CANCELLED")
                    .containsEntry("count", 1).containsEntry("total", 4).containsKey("error");
        }
    }

    // --- /events ------------------------------------------------------------------------------------

    @Test
    void progressEventsFollowTheJobThenOneStatusEventEndsTheStream() throws Exception {
        String id = submit("{\"operation\":\"test_blocking\",\"numbers\":[1,2,3,4],\"chunkSize\":1,\"parallelism\":1}");
        eventually().untilAsserted(() -> assertThat(gate.entered()).isEqualTo(1));

        try (StreamedLines events = events(id, null)) {
            assertThat(events.response().headers().firstValue("Content-Type")).hasValue("text/event-stream;charset=UTF-8");
            eventually().untilAsserted(() -> assertThat(events.events()).singleElement().satisfies(event -> {
                assertThat(event.name()).isEqualTo("progress");
                assertThat(event.id()).isEqualTo("1");
                assertThat(line(event.data())).containsEntry("id", id).containsEntry("status", "RUNNING")
                        .containsEntry("progress", Map.of("completed", 0, "total", 4)).containsKeys("itemsPerSecond", "workers");
            }));
            assertThat(events.lines().getFirst()).isEqualTo("retry: 1000");

            gate.allow(1);
            eventually().untilAsserted(() -> assertThat(events.events()).last().satisfies(event ->
                    assertThat(line(event.data())).containsEntry("progress", Map.of("completed", 1, "total", 4))
                            .containsEntry("workers", Map.of(worker(id), 1))));

            gate.allow(3);
            eventually().until(events::ended);
            List<StreamedLines.Event> all = events.events();
            assertThat(all.subList(0, all.size() - 1)).extracting(StreamedLines.Event::name).containsOnly("progress");
            assertThat(all).extracting(event -> Long.parseLong(event.id())).isSorted().doesNotHaveDuplicates();
            assertThat(all.getLast().name()).isEqualTo("status");
            assertThat(all.getLast().id()).isEqualTo("5");
            assertThat(line(all.getLast().data())).containsEntry("status", "SUCCEEDED").containsKey("finishedAt")
                    .doesNotContainKey("results");
        }
    }

    @Test
    void aReconnectingClientGetsOnlyWhatHappenedAfterItsLastEventId() throws Exception {
        String id = submit("{\"operation\":\"test_blocking\",\"numbers\":[1,2,3,4],\"chunkSize\":1,\"parallelism\":1}");
        gate.allow(1);
        eventually().untilAsserted(() -> assertThat(jobs.find(id).completed()).isEqualTo(1));
        String lastEventId;
        try (StreamedLines first = events(id, null)) {
            eventually().untilAsserted(() -> assertThat(first.events()).hasSize(1));
            lastEventId = first.events().getFirst().id();
        }

        try (StreamedLines resumed = events(id, lastEventId)) {
            eventually().untilAsserted(() -> assertThat(resumed.lines()).contains("retry: 1000"));
            throughout(A_WHILE).untilAsserted(() -> assertThat(resumed.events()).as("the job has not moved").isEmpty());

            gate.allow(1);
            eventually().untilAsserted(() -> assertThat(resumed.events()).singleElement().satisfies(event ->
                    assertThat(line(event.data())).containsEntry("progress", Map.of("completed", 2, "total", 4))));
            assertThat(Long.parseLong(resumed.events().getFirst().id())).isGreaterThan(Long.parseLong(lastEventId));

            gate.allow(2);
            eventually().until(resumed::ended);
            assertThat(resumed.events().getLast().name()).isEqualTo("status");
        }
    }

    @Test
    void aJobThatHasEndedGetsItsStatusEventAtOnce() throws Exception {
        String id = submit("{\"operation\":\"test_held\",\"numbers\":[1,2,3]}");
        eventually().until(() -> jobs.find(id).status() == JobStatus.SUCCEEDED);

        try (StreamedLines events = events(id, "999")) {
            eventually().until(events::ended);
            assertThat(events.events()).singleElement().satisfies(event -> {
                assertThat(event.name()).isEqualTo("status");
                assertThat(line(event.data())).containsEntry("status", "SUCCEEDED");
            });
        }
    }

    // --- the contract ---------------------------------------------------------------------------------

    @Test
    void theOpenApiDocumentDescribesBothStreamsTheirMediaTypesAndHowTheyEnd() throws Exception {
        String spec = http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString()).body();
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = map(JSON.readValue(spec, Map.class), "paths");

        Map<String, Object> results = map(map(paths, "/api/v1/jobs/{id}/results"), "get");
        assertThat(map(map(map(results, "responses"), "200"), "content")).containsOnlyKeys("application/x-ndjson", "application/json");
        assertThat(map(results, "responses")).containsKeys("400", "404", "406", "409");
        assertThat((String) results.get("description")).contains("the end line", "A stream without it was cut", "`from`");
        Map<String, Object> events = map(map(paths, "/api/v1/jobs/{id}/events"), "get");
        assertThat(map(map(map(events, "responses"), "200"), "content")).containsOnlyKeys("text/event-stream");
        assertThat((String) events.get("description")).contains("Last-Event-ID", "`status`");
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10));
    }

    private static ConditionFactory throughout(Duration duration) {
        return await().during(duration).atMost(duration.plusSeconds(2)).pollInterval(Duration.ofMillis(20));
    }

    private String submit(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/jobs")).header("Content-Type", "application/json")
                .header("Prefer", "respond-async").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
        return (String) line(response.body()).get("id");
    }

    private StreamedLines results(String id, String query) throws IOException, InterruptedException {
        return StreamedLines.open(http, uri("/api/v1/jobs/" + id + "/results" + query), Map.of("Accept", "application/x-ndjson"));
    }

    private StreamedLines events(String id, String lastEventId) throws IOException, InterruptedException {
        return StreamedLines.open(http, uri("/api/v1/jobs/" + id + "/events"), lastEventId == null
                ? Map.of("Accept", "text/event-stream") : Map.of("Accept", "text/event-stream", "Last-Event-ID", lastEventId));
    }

    private String worker(String id) {
        return jobs.find(id).itemsByWorker().keySet().iterator().next();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static List<Integer> indices(List<String> lines) {
        return lines.stream().map(JobStreamsHttpTest::line).filter(line -> line.containsKey("index"))
                .map(line -> (Integer) line.get("index")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String member) {
        return (Map<String, Object>) parent.get(member);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> line(String json) {
        return JSON.readValue(json, Map.class);
    }
}
