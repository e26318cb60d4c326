package io.poolmap.job.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

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
 * {@code Idempotency-Key} over HTTP: a retried submission finds the job its first attempt created, whether it asks for
 * the answer synchronously or not; the same key with another request (other numbers, options, or an expression instead
 * of an operation) is refused with 422 and creates nothing; a malformed key is a 400.
 */
@WebMvcTest({JobSubmissionController.class, JobController.class})
@Import(JobControllerTest.JobsTestConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {"poolmap.workers=2", "poolmap.max-batch-size=20", "poolmap.queue-capacity=20",
        "poolmap.sync-wait=5s", "poolmap.shutdown-grace=200ms"})
class IdempotencyKeyRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MockMvcTester mvc;

    private MvcTestResult post(String key, String json) {
        return mvc.post().uri("/api/v1/jobs").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content(json).exchange();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(MvcTestResult result) {
        try {
            return JSON.readValue(result.getResponse().getContentAsString(StandardCharsets.UTF_8), Map.class);
        } catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private long jobsListed() {
        return ((Number) json(mvc.get().uri("/api/v1/jobs?size=100").exchange()).get("total")).longValue();
    }

    @Test
    void aRetryWithTheSameKeyAndRequestReturnsTheJobItCreatedAndCreatesNoOther() {
        MvcTestResult first = post("order-1", "{\"operation\":\"test_double\",\"numbers\":[1,2,3]}");
        assertThat(first).hasStatus(200);
        long listed = jobsListed();

        MvcTestResult retry = post("order-1", "{\"operation\":\"test_double\",\"numbers\":[1,2,3],\"async\":true}");

        assertThat(json(retry).get("id")).isEqualTo(json(first).get("id"));
        assertThat(json(retry)).containsEntry("status", "SUCCEEDED");
        assertThat(jobsListed()).isEqualTo(listed);
    }

    @Test
    void theSameKeyWithOtherNumbersIsRefusedWith422() {
        assertThat(post("order-2", "{\"operation\":\"test_double\",\"numbers\":[1,2,3]}")).hasStatus(200);

        MvcTestResult other = post("order-2", "{\"operation\":\"test_double\",\"numbers\":[1,2,4]}");

        assertThat(other).hasStatus(422);
        assertThat(json(other)).containsEntry("type", "urn:poolmap:problem:idempotency-key-reused");
    }

    @Test
    void theSameKeyWithAnExpressionInsteadOfAnOperationIsAnotherRequest() {
        assertThat(post("order-3", "{\"operation\":\"test_double\",\"numbers\":[1,2,3]}")).hasStatus(200);

        MvcTestResult expression = post("order-3", "{\"expression\":\"2*x\",\"numbers\":[1,2,3]}");

        assertThat(expression).hasStatus(422);
        assertThat(json(expression)).containsEntry("type", "urn:poolmap:problem:idempotency-key-reused");
    }

    @Test
    void twoExpressionsWithTheSameKeyAreTwoRequests() {
        assertThat(post("order-4", "{\"expression\":\"2*x\",\"numbers\":[1,2,3]}")).hasStatus(200);

        assertThat(post("order-4", "{\"expression\":\"3*x\",\"numbers\":[1,2,3]}")).hasStatus(422);
        assertThat(post("order-4", "{\"expression\":\"2*x\",\"numbers\":[1,2,3]}")).hasStatus(200);
    }

    @Test
    void aKeyWithCharactersOutsideVisibleAsciiIsA400() {
        MvcTestResult bad = post("order 5", "{\"operation\":\"test_double\",\"numbers\":[1]}");

        assertThat(bad).hasStatus(400);
        assertThat(json(bad)).containsEntry("parameter", "Idempotency-Key");
    }
}
