package io.poolmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole service over real HTTP: the README's examples, metrics, the workers endpoint and the docs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "poolmap.workers=2")
@AutoConfigureMetrics
class PoolmapIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private JsonMapper json;

    @Test
    void aJobRequestIsReadByTheFastConverterAheadOfSpringMvcsOwn(@Autowired RequestMappingHandlerAdapter handlers) {
        assertThat(handlers.getMessageConverters().getFirst().getClass().getSimpleName()).isEqualTo("JobRequestConverter");
    }

    @Test
    void doubleOverOneToFiveWithFourWorkersGivesTheResultsInOrder() throws Exception {
        HttpResponse<String> response = post("{\"operation\":\"double\",\"numbers\":[1,2,3,4,5],\"parallelism\":4}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode job = json.readTree(response.body());
        assertThat(job.get("results").toString()).isEqualTo("[2,4,6,8,10]");
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("parallelism").asInt()).isEqualTo(2);
        assertThat(response.headers().firstValue("Content-Location")).hasValue("/api/v1/jobs/" + job.get("id").asString());
        // sent whole when the handler ends, not flushed early and then chunked: one write per small answer
        assertThat(response.headers().firstValue("Content-Length")).hasValue(String.valueOf(response.body().length()));
        assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
    }

    @Test
    void squareOfALargeIntegerStaysExactAndIsWrittenInFull() throws Exception {
        HttpResponse<String> response = post("{\"operation\":\"square\",\"numbers\":[3037000500, 123456789012345678901234567890, 1.5]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"results\":[9223372037000250000,"
                + "15241578753238836750495351562536198787501905199875019052100,2.25]");
    }

    @Test
    void anAsynchronousJobIsJoinedWithWait() throws Exception {
        HttpResponse<String> accepted = post("{\"operation\":\"square\",\"numbers\":[1,2,3],\"async\":true}");

        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(accepted.headers().firstValue("Content-Length")).hasValue(String.valueOf(accepted.body().length()));
        JsonNode joined = json.readTree(get(location + "?wait=10s").body());
        assertThat(joined.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(joined.get("results").toString()).isEqualTo("[1,4,9]");
    }

    @Test
    void everyWorkersBusySecondsRiseInPrometheusUnderACpuJob() throws Exception {
        Map<String, Double> before = busySeconds(get("/actuator/prometheus").body());
        StringBuilder numbers = new StringBuilder();
        for (int n = 1; n <= 400_000; n++) {
            numbers.append(n == 1 ? "" : ",").append(n);
        }

        HttpResponse<String> response = post("{\"operation\":\"collatz_steps\",\"numbers\":[" + numbers + "],\"chunkSize\":1000}");

        assertThat(response.statusCode()).isEqualTo(200);
        String scrape = get("/actuator/prometheus").body();
        Map<String, Double> after = busySeconds(scrape);
        assertThat(after).containsOnlyKeys("worker-1", "worker-2");
        after.forEach((worker, seconds) -> assertThat(seconds).as(worker).isGreaterThan(before.getOrDefault(worker, 0.0)));
        assertThat(scrape)
                .contains("poolmap_worker_items_total{", "poolmap_worker_utilization{", "poolmap_queue_items ")
                .contains("poolmap_jobs_submitted_total{", "operation=\"collatz_steps\"")
                .containsPattern("poolmap_jobs_finished_total\\{[^}]*operation=\"collatz_steps\"[^}]*status=\"SUCCEEDED\"")
                .contains("poolmap_job_duration_seconds_bucket{", "executor_active_threads{", "name=\"poolmap.workers\"");
    }

    @Test
    void theWorkersEndpointShowsEachWorkerWithItsUtilization() throws Exception {
        post("{\"operation\":\"square\",\"numbers\":[1,2,3,4,5,6,7,8],\"chunkSize\":1}");

        JsonNode report = json.readTree(get("/actuator/workers").body());

        assertThat(report.get("poolSize").asInt()).isEqualTo(2);
        assertThat(report.get("workers")).hasSize(2);
        JsonNode first = report.get("workers").get(0);
        assertThat(first.get("name").asString()).isEqualTo("worker-1");
        assertThat(first.get("state").asString()).isIn("IDLE", "BUSY");
        assertThat(first.get("utilization").has("1m")).isTrue();
        assertThat(first.get("utilization").has("15m")).isTrue();
        long items = report.get("workers").get(0).get("itemsCompleted").asLong() + report.get("workers").get(1).get("itemsCompleted").asLong();
        assertThat(items).isGreaterThanOrEqualTo(8);
    }

    @Test
    void theItemsOfAJobNameTheWorkerOfEachNumber() throws Exception {
        String numbers = IntStream.rangeClosed(1, 100).mapToObj(Integer::toString).collect(Collectors.joining(","));
        JsonNode job = json.readTree(post("{\"operation\":\"square\",\"numbers\":[" + numbers + "],\"chunkSize\":1}").body());

        JsonNode items = json.readTree(get("/api/v1/jobs/" + job.get("id").asString() + "/items").body());

        assertThat(items.get("total").asInt()).isEqualTo(100);
        for (JsonNode item : items.get("items")) {
            assertThat(item.get("result").asLong()).isEqualTo(item.get("input").asLong() * item.get("input").asLong());
            assertThat(item.get("worker").asString()).matches("worker-[12]");
        }
    }

    @Test
    void aTinyJobIsComputedByANamedWorkerWhoseFiguresRise() throws Exception {
        Map<String, Double> itemsBefore = workerSeries(get("/actuator/prometheus").body(), "poolmap_worker_items_total");

        JsonNode job = json.readTree(post("{\"operation\":\"square\",\"numbers\":[1,2,3,4,5]}").body());

        assertThat(job.get("workers").propertyNames()).singleElement().asString().matches("worker-[12]");
        String worker = job.get("workers").propertyNames().iterator().next();
        JsonNode items = json.readTree(get("/api/v1/jobs/" + job.get("id").asString() + "/items").body());
        for (JsonNode item : items.get("items")) {
            assertThat(item.get("worker").asString()).isEqualTo(worker);
        }
        Map<String, Double> itemsAfter = workerSeries(get("/actuator/prometheus").body(), "poolmap_worker_items_total");
        assertThat(itemsAfter.get(worker) - itemsBefore.getOrDefault(worker, 0.0)).isGreaterThanOrEqualTo(5);
        assertThat(get("/actuator/prometheus").body()).doesNotContain("inline");
    }

    @Test
    void healthShowsThePoolAndInfoShowsTheBuild() throws Exception {
        JsonNode health = json.readTree(get("/actuator/health").body());
        assertThat(health.at("/components/pool/status").asString()).isEqualTo("UP");
        // without API keys poolmap is open, health details included
        assertThat(health.at("/components/diskSpace/details").has("path")).isTrue();
        assertThat(health.at("/components/storeDisk/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/storeDisk/details/path").asString()).contains("test-stores");
        assertThat(health.at("/components/pool/details/workers").asInt()).isEqualTo(2);

        String infoBody = get("/actuator/info").body();
        JsonNode info = json.readTree(infoBody);
        assertThat(info.at("/build/artifact").asString()).isEqualTo("poolmap");
        // info is open even with API keys: the commit, but never who built or committed it, where, or the remote's URL
        assertThat(infoBody).doesNotContain("email", "\"host\"", "remote", "\"message\"");
    }

    @Test
    void swaggerUiAndTheOpenApiSpecAreServed() throws Exception {
        // the document is not a request body: read it without the request limits of the application's mapper
        JsonNode spec = JsonMapper.builder().build().readTree(get("/v3/api-docs").body());
        assertThat(spec.at("/paths").propertyNames()).contains("/api/v1/jobs", "/api/v1/jobs/{id}", "/api/v1/jobs/{id}/items",
                "/api/v1/operations");
        assertThat(spec.at("/paths/~1api~1v1~1jobs/post/responses").propertyNames())
                .contains("200", "202", "400", "406", "409", "413", "415", "422", "429", "503", "504").doesNotContain("401");
        assertThat(spec.at("/security").toString()).as("without keys the key is optional").isEqualTo("[{},{\"apiKey\":[]}]");
        assertThat(spec.at("/info/license/name").asString()).isEqualTo("Apache-2.0");

        HttpResponse<String> ui = http.send(HttpRequest.newBuilder(uri("/swagger-ui/index.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(get("/swagger-ui.html").statusCode()).isIn(200, 302);
    }

    @Test
    void aUrlThatTomcatRefusesIsStillAProblemDetailWithoutTheServerVersion() throws Exception {
        for (String path : new String[] {"/api/v1/jobs/%00", "/api/v1/jobs/a%2Fb"}) {
            HttpResponse<String> response = get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("type").asString()).isEqualTo("urn:poolmap:problem:bad-request");
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(response.body()).doesNotContain("Tomcat", "<html");
        }
    }

    @Test
    void theLivePageIsServedAtTheRootWithAContentSecurityPolicyThatAllowsNoInlineCode() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"/app/main.js\"></script>").doesNotContain("<style", " style=\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'",
                        "require-trusted-types-for 'script'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:"));
        assertThat(get("/app/main.js").headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    }

    private Map<String, Double> busySeconds(String scrape) {
        return workerSeries(scrape, "poolmap_worker_busy_seconds_total");
    }

    /** Worker name → value of each series of {@code metric} in a Prometheus scrape. */
    private static Map<String, Double> workerSeries(String scrape, String metric) {
        Map<String, Double> values = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("(?m)^" + metric + "\\{[^}]*worker=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)$").matcher(scrape);
        while (matcher.find()) {
            values.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        return values;
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/jobs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
