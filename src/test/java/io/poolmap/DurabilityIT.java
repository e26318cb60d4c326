package io.poolmap;

import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Durable by default, as a user meets it: the real jar killed with {@code kill -9} in the middle of a job answered
 * 202 and started again on the same store resumes the job, computes only what was not stored, and ends it
 * exactly; a finished job is still there, with its results, after a restart. The store both processes share is the
 * test's {@code @TempDir}, which JUnit deletes.
 */
class DurabilityIT {

    /** 90-digit inputs: each takes collatz_steps long enough that a 30,000-item job runs for seconds. */
    private static final BigInteger BASE = BigInteger.TEN.pow(89).add(new BigInteger("123456789012345678901234567"));
    private static final int ITEMS = 30_000;
    private static final Pattern RESUMED = Pattern.compile("resumes: (\\d+) of (\\d+) items were computed before the restart");

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aJobKilledMidwayResumesAfterTheRestartAndEndsExactly(@TempDir Path store) throws Exception {
        String id;
        long killedAt;
        try (RunningJar first = RunningJar.start(store, "--poolmap.workers=2")) {
            JsonNode accepted = json.readTree(post(first, body("collatz_steps", true)).body());
            id = accepted.get("id").asString();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                    .until(() -> progress(first, id) >= ITEMS / 3);
            killedAt = progress(first, id);
            first.process().destroyForcibly();
            assertThat(first.process().onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        }
        assertThat(killedAt).as("killed in the middle").isLessThan(ITEMS);

        try (RunningJar second = RunningJar.start(store, "--poolmap.workers=2")) {
            JsonNode job = json.readTree(get(second, "/api/v1/jobs/" + id + "?wait=60s").body());
            assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
            JsonNode results = job.get("results");
            assertThat(results.size()).isEqualTo(ITEMS);
            for (int i = 0; i < ITEMS; i += 97) {
                assertThat(results.get(i).asLong()).as("item %d", i).isEqualTo(collatzSteps(BASE.add(BigInteger.valueOf(i))));
            }
            Matcher resumed = RESUMED.matcher(second.log());
            assertThat(resumed.find()).as("the second process says where the job resumed").isTrue();
            long storedBefore = Long.parseLong(resumed.group(1));
            assertThat(storedBefore).as("segments stored before the kill are not computed again").isPositive();
            JsonNode workers = json.readTree(get(second, "/actuator/workers").body());
            long computedAfter = 0;
            for (JsonNode worker : workers.get("workers")) {
                computedAfter += worker.get("itemsCompleted").asLong();
            }
            assertThat(computedAfter).isEqualTo(ITEMS - storedBefore);
        }
    }

    @Test
    void aFinishedJobAndItsResultsAreStillThereAfterARestart(@TempDir Path store) throws Exception {
        String synchronous;
        String asynchronous;
        try (RunningJar first = RunningJar.start(store)) {
            synchronous = json.readTree(post(first, body("square", false)).body()).get("id").asString();
            asynchronous = json.readTree(post(first, body("square", true)).body()).get("id").asString();
            assertThat(json.readTree(get(first, "/api/v1/jobs/" + asynchronous + "?wait=30s").body()).get("status").asString())
                    .isEqualTo("SUCCEEDED");
        }
        try (RunningJar second = RunningJar.start(store)) {
            for (String id : new String[] {synchronous, asynchronous}) {
                JsonNode job = json.readTree(get(second, "/api/v1/jobs/" + id).body());
                assertThat(job.get("status").asString()).as("job %s", id).isEqualTo("SUCCEEDED");
                assertThat(job.get("results").get(ITEMS - 1).asString())
                        .isEqualTo(BASE.add(BigInteger.valueOf(ITEMS - 1)).pow(2).toString());
                JsonNode items = json.readTree(get(second, "/api/v1/jobs/" + id + "/items?offset=" + (ITEMS - 10) + "&limit=10").body());
                assertThat(items.get("items").get(9).get("worker").asString()).matches("worker-\\d+");
            }
        }
    }

    /** Collatz steps of {@code n}, the reference the service's results are checked against. */
    private static long collatzSteps(BigInteger n) {
        long steps = 0;
        while (!n.equals(BigInteger.ONE)) {
            n = n.testBit(0) ? n.multiply(BigInteger.valueOf(3)).add(BigInteger.ONE) : n.shiftRight(1);
            steps++;
        }
        return steps;
    }

    private static String body(String operation, boolean async) {
        StringBuilder body = new StringBuilder("{\"operation\":\"").append(operation).append("\",\"numbers\":[");
        for (int i = 0; i < ITEMS; i++) {
            body.append(i == 0 ? "" : ",").append(BASE.add(BigInteger.valueOf(i)));
        }
        return body.append("],\"async\":").append(async).append('}').toString();
    }

    private long progress(RunningJar jar, String id) throws Exception {
        return json.readTree(get(jar, "/api/v1/jobs/" + id).body()).get("progress").get("completed").asLong();
    }

    private HttpResponse<String> post(RunningJar jar, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(jar.uri("/api/v1/jobs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(RunningJar jar, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(jar.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
