package io.poolmap.job.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.poolmap.job.FailingWritesTestConfiguration;
import io.poolmap.job.FailingWritesTestConfiguration.FailingWrites;
import io.poolmap.job.JobAdmission;
import io.poolmap.job.TestOperations.Gate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * A store that cannot write, as a client meets it over HTTP: a job that must be on disk before its answer (asynchronous,
 * or with an {@code Idempotency-Key}) is {@code 503 store-unavailable} with {@code Retry-After}, naming the cause; an
 * accepted job already running is cancelled, saying why; a synchronous job without a key needs no write and runs.
 */
@WebMvcTest({JobSubmissionController.class, JobController.class})
@Import({JobControllerTest.JobsTestConfiguration.class, FailingWritesTestConfiguration.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {"poolmap.workers=2", "poolmap.max-batch-size=20", "poolmap.queue-capacity=20",
        "poolmap.sync-wait=5s", "poolmap.shutdown-grace=200ms"})
class StoreFailuresRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RuntimeException DISK_FULL = new IllegalStateException("ISPN000xxx: could not write",
            new UncheckedIOException(new IOException("No space left on device")));

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private FailingWrites store;

    @Autowired
    private JobAdmission admission;

    @Autowired
    private Gate gate;

    @AfterEach
    void writeAgainAndLetEveryItemThrough() {
        store.failWith(null);
        gate.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.queuedItems() == 0);
        gate.reset();
    }

    private MvcTestResult post(String json) {
        return mvc.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(MvcTestResult result) {
        return JSON.readValue(result.getResponse().getContentAsByteArray(), Map.class);
    }

    private static void assertStoreUnavailable(MvcTestResult answer) {
        assertThat(answer).hasStatus(503).hasContentType("application/problem+json");
        assertThat(answer.getResponse().getHeader("Retry-After")).isEqualTo("10");
        assertThat(json(answer)).containsEntry("type", "urn:poolmap:problem:store-unavailable")
                .hasEntrySatisfying("detail", detail -> assertThat((String) detail).contains("No space left on device"));
    }

    @Test
    void anAsynchronousJobIs503AndTheJobItStartedIsCancelledSayingWhy() {
        store.failWith(DISK_FULL);

        MvcTestResult answer = post("{\"operation\":\"test_blocking\",\"numbers\":[1,2,3],\"async\":true}");

        assertStoreUnavailable(answer);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cancelled = (List<Map<String, Object>>) json(
                mvc.get().uri("/api/v1/jobs?status=CANCELLED&size=100").exchange()).get("jobs");
        assertThat(cancelled).hasSize(1);
        Map<String, Object> job = json(mvc.get().uri("/api/v1/jobs/" + cancelled.getFirst().get("id")).exchange());
        assertThat(job).containsEntry("status", "CANCELLED");
        assertThat(job.get("error").toString()).contains("the store could not keep it");
    }

    @Test
    void aJobWithAnIdempotencyKeyIs503AndCreatesNothingSoThatItsRetryRunsIt() {
        store.failWith(DISK_FULL);
        String request = "{\"operation\":\"test_double\",\"numbers\":[1,2,3]}";

        MvcTestResult refused = mvc.post().uri("/api/v1/jobs").header("Idempotency-Key", "disk-full-1")
                .contentType(MediaType.APPLICATION_JSON).content(request).exchange();
        assertStoreUnavailable(refused);
        store.failWith(null);
        MvcTestResult retried = mvc.post().uri("/api/v1/jobs").header("Idempotency-Key", "disk-full-1")
                .contentType(MediaType.APPLICATION_JSON).content(request).exchange();

        assertThat(retried).hasStatus(200);
        assertThat(json(retried)).containsEntry("status", "SUCCEEDED").containsEntry("results", List.of(2, 4, 6));
    }

    @Test
    void aSynchronousJobWithoutAKeyNeedsNoWriteAndRuns() {
        store.failWith(DISK_FULL);

        MvcTestResult answer = post("{\"operation\":\"test_double\",\"numbers\":[1,2,3]}");

        assertThat(answer).hasStatus(200);
        assertThat(json(answer)).containsEntry("status", "SUCCEEDED").containsEntry("results", List.of(2, 4, 6));
    }
}
