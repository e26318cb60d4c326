package io.poolmap.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.poolmap.job.TestOperations.Gate;
import io.poolmap.job.TestOperations.TestBlocking;
import io.poolmap.worker.WorkerStatistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ten times more concurrent submissions than the queue holds, over real HTTP on loopback: the excess is refused at
 * once with 429 and {@code Retry-After} while the admitted jobs are still held at a gate, nothing answers 5xx, what
 * the service holds stays within the queue capacity, and every admitted job then succeeds with the right results.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "poolmap.workers=2",
        "poolmap.max-batch-size=4",
        "poolmap.queue-capacity=" + OverloadTest.CAPACITY,
        "poolmap.sync-wait=60s",
        "poolmap.max-wait=60s"})
@Import(OverloadTest.GateConfiguration.class)
class OverloadTest {

    static final int CAPACITY = 40;
    /** Jobs of two items: the queue holds 20 of them; ten times its capacity in items is 200 submissions. */
    private static final int ITEMS_PER_JOB = 2;
    private static final int SUBMISSIONS = 10 * CAPACITY / ITEMS_PER_JOB;
    private static final int ADMITTED = CAPACITY / ITEMS_PER_JOB;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Autowired
    private Gate gate;

    @Autowired
    private JobService jobs;

    @Autowired
    private JobAdmission admission;

    @Autowired
    private WorkerStatistics workers;

    @TestConfiguration(proxyBeanMethods = false)
    static class GateConfiguration {

        @Bean
        Gate gate() {
            return new Gate();
        }

        @Bean
        TestBlocking testBlocking(Gate gate) {
            return new TestBlocking(gate);
        }
    }

    @Test
    void tenTimesTheQueueIsRefusedAtOnceAndEveryAdmittedJobSucceeds() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long jobsBefore = jobs.count(null);

        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            String body = "{\"operation\":\"test_blocking\",\"numbers\":[" + i + "," + (i + 1_000) + "]" + (i % 2 == 0 ? ",\"async\":true}" : "}");
            answers.add(http.sendAsync(HttpRequest.newBuilder(uri("/api/v1/jobs")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }

        // every refusal and every asynchronous acceptance arrives while the gate still holds the admitted jobs
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            List<HttpResponse<String>> done = answers.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).toList();
            long heldSynchronously = ADMITTED - done.stream().filter(answer -> answer.statusCode() == 202).count();
            return done.size() == SUBMISSIONS - heldSynchronously;
        });
        assertThat(admission.queuedItems()).isEqualTo(CAPACITY);
        assertThat(jobs.count(null) - jobsBefore).as("jobs held: only the admitted ones").isEqualTo(ADMITTED);
        assertThat(gate.entered()).as("items at the gate: at most one per worker").isLessThanOrEqualTo(workers.size());

        gate.open();
        List<String> admitted = new ArrayList<>();
        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> pending : answers) {
            HttpResponse<String> answer = pending.get(60, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isIn(200, 202, 429);
            if (answer.statusCode() == 429) {
                refused++;
                assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
                assertThat(answer.body()).contains("urn:poolmap:problem:queue-full");
            } else {
                admitted.add(json.readTree(answer.body()).get("id").asString());
            }
        }
        assertThat(admitted).hasSize(ADMITTED);
        assertThat(refused).isEqualTo(SUBMISSIONS - ADMITTED);

        for (String id : admitted) {
            JsonNode job = json.readTree(http.send(HttpRequest.newBuilder(uri("/api/v1/jobs/" + id + "?wait=30s")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
            JsonNode items = json.readTree(http.send(HttpRequest.newBuilder(uri("/api/v1/jobs/" + id + "/items")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode item : items.get("items")) {
                assertThat(item.get("result").asLong()).isEqualTo(10 * item.get("input").asLong());
            }
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(admission.queuedItems()).isZero();
            assertThat(workers.busyWorkers()).isZero();
        });
        memory.gc();
        assertThat(memory.getHeapMemoryUsage().getUsed() - heapBefore).as("heap kept after the storm").isLessThan(64L << 20);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
