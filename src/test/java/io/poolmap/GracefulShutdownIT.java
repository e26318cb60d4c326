package io.poolmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repackaged jar as a real process, stopped with SIGTERM while synchronous and asynchronous jobs are in flight:
 * new submissions get 503, jobs that can finish within {@code poolmap.shutdown-grace} succeed, the others end
 * {@code CANCELLED} and every waiting client hears so, and the process exits 0. Runs in the integration-test phase.
 * The process's log, store and {@code java.io.tmpdir} are in the test's {@code @TempDir}, which JUnit deletes.
 */
class GracefulShutdownIT {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    /** Two items of 10 s on one virtual thread: cannot finish within the 10 s grace. */
    private static final String LONG = "{\"operation\":\"sleep\",\"numbers\":[10000,10000],\"parallelism\":1";
    /**
     * 5 s: long enough that all four jobs are still running together once the last is submitted on a slow machine,
     * and started before SIGTERM, so it finishes well within the grace.
     */
    private static final String SHORT = "{\"operation\":\"sleep\",\"numbers\":[5000]";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();
    @TempDir
    Path directory;

    private Process process;
    private Path log;
    private int port;

    @BeforeEach
    void startTheJar() throws IOException {
        Path jar = Paths.get(System.getProperty("poolmap.jar", "target/poolmap-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the repackaged jar (run this test in the integration-test phase)").exists();
        log = directory.resolve("jar.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(java, "-Xmx256m", "-Djava.io.tmpdir=" + Files.createDirectory(directory.resolve("tmp")),
                "-jar", jar.toString(), "--server.port=0", "--poolmap.workers=2", "--poolmap.store.path=" + directory.resolve("store"),
                "--poolmap.shutdown-grace=10s", "--poolmap.sync-wait=60s", "--poolmap.max-wait=60s")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        port = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(this::portFromLog, found -> found > 0);
    }

    /** Ends the process before JUnit deletes its directory. */
    @AfterEach
    void stopTheJar() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void sigtermFinishesOrCancelsEveryJobInFlightRefusesNewOnesAndExitsZero() throws Exception {
        String shortAsync = id(send(post(SHORT + ",\"async\":true}")));
        String longAsync = id(send(post(LONG + ",\"async\":true}")));
        CompletableFuture<HttpResponse<String>> shortSync = sendAsync(post(SHORT + "}"));
        CompletableFuture<HttpResponse<String>> longSync = sendAsync(post(LONG + "}"));
        CompletableFuture<HttpResponse<String>> joinShort = sendAsync(get("/api/v1/jobs/" + shortAsync + "?wait=60s"));
        CompletableFuture<HttpResponse<String>> joinLong = sendAsync(get("/api/v1/jobs/" + longAsync + "?wait=60s"));
        await().atMost(Duration.ofSeconds(10)).until(() -> running() == 4);

        process.destroy(); // SIGTERM

        List<Integer> statuses = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            HttpResponse<String> refused = send(post("{\"operation\":\"double\",\"numbers\":[1]}"));
            statuses.add(refused.statusCode());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("urn:poolmap:problem:shutting-down");
        });
        assertThat(statuses).allMatch(status -> status == 200 || status == 503);

        assertThat(status(joinShort.get(30, TimeUnit.SECONDS))).isEqualTo("SUCCEEDED");
        HttpResponse<String> shortAnswer = shortSync.get(30, TimeUnit.SECONDS);
        assertThat(shortAnswer.statusCode()).isEqualTo(200);
        assertThat(json.readTree(shortAnswer.body()).get("results").toString()).isEqualTo("[5000]");

        assertThat(status(joinLong.get(30, TimeUnit.SECONDS))).isEqualTo("CANCELLED");
        HttpResponse<String> longAnswer = longSync.get(30, TimeUnit.SECONDS);
        assertThat(longAnswer.statusCode()).isEqualTo(409);
        assertThat(longAnswer.body()).contains("urn:poolmap:problem:", "shut down");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process ends").isTrue();
        assertThat(process.exitValue()).as("exit code after SIGTERM").isZero();
        assertThat(Files.readString(log)).contains("cancelled by shutdown").doesNotContain("Exception");
    }

    private long running() throws Exception {
        return json.readTree(send(get("/api/v1/jobs?status=RUNNING")).body()).get("total").asLong();
    }

    private String status(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body()).get("status").asString();
    }

    private String id(HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).isEqualTo(202);
        return json.readTree(accepted.body()).get("id").asString();
    }

    private int portFromLog() throws IOException {
        assertThat(process.isAlive()).as("the jar is running; its log:%n%s", Files.readString(log)).isTrue();
        Matcher matcher = PORT.matcher(Files.readString(log));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private HttpRequest post(String body) {
        return HttpRequest.newBuilder(uri("/api/v1/jobs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
