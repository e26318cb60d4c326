package io.poolmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.poolmap.MemoryBudget;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A job's body is counted once against the heap budget: while it is read (the filter's reservation, 2 MB here) and
 * then as the job's inputs and results (about 1.7 MB), never both at once. With 3 MB in flight, either alone fits and
 * both together would not: the job must run, and the budget be whole again afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "poolmap.memory.in-flight=3MB", "poolmap.workers=2", "poolmap.shutdown-grace=200ms"})
class BodyCountedOnceTest {

    @LocalServerPort
    private int port;

    @Autowired
    private MemoryBudget memory;

    @Test
    void aJobWhoseBodyAndNumbersEachFitTheBudgetButNotTogetherRuns() throws Exception {
        String body = "{\"operation\":\"double\",\"numbers\":[" + "1,".repeat(99_999) + "1]}";

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/jobs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"SUCCEEDED\"");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(memory.reserved()).isZero()); // the job's end gives it back
    }
}
