package io.poolmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.poolmap.operation.plugin.PluginJars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example plug-in ({@code examples/operation-plugin}) as an operator uses it: its sources compiled against the
 * operation API jar alone (so that jar is all a plug-in needs), jarred with its services file, dropped into
 * {@code poolmap.plugins.dir} of the real jar; {@code digit_sum} is then listed, computed on the named workers and
 * counted like a built-in operation. Two jars with one operation stop the start, naming both.
 */
class PluginIT {

    private static final Path EXAMPLE = Paths.get("examples/operation-plugin");

    @TempDir
    static Path work;

    private static Path plugin;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void buildTheExamplePlugin() throws IOException {
        Path api = Paths.get(System.getProperty("poolmap.operation-api.jar", "target/poolmap-0.1.0-SNAPSHOT-operation-api.jar"));
        assertThat(api).as("the operation API jar (run this test in the integration-test phase)").exists();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(EXAMPLE.resolve("src/main/java"))) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        Path classes = Files.createDirectories(work.resolve("classes"));
        PluginJars.compile(sources, classes, List.of(api));
        String services = Files.readString(EXAMPLE.resolve("src/main/resources/META-INF/services/io.poolmap.operation.Operation"));
        plugin = PluginJars.jar(work.resolve("plugins/digit-sum-plugin.jar"), classes, services);
    }

    @Test
    void theExamplePluginIsListedAndComputedOnTheWorkersLikeABuiltInOperation() throws Exception {
        try (RunningJar jar = RunningJar.start("--poolmap.workers=2", "--poolmap.plugins.dir=" + plugin.getParent())) {
            JsonNode digitSum = null;
            for (JsonNode operation : json.readTree(get(jar, "/api/v1/operations").body())) {
                digitSum = operation.get("name").asString().equals("digit_sum") ? operation : digitSum;
            }
            assertThat(digitSum).as("digit_sum is listed").isNotNull();
            assertThat(digitSum.get("kind").asString()).isEqualTo("cpu");
            assertThat(digitSum.get("domain").asString()).isEqualTo("any integer");
            assertThat(digitSum.at("/example/results").toString()).isEqualTo("[0,10,24,180]");

            StringBuilder numbers = new StringBuilder();
            List<Long> expected = new ArrayList<>();
            for (long n = 1; n <= 5_000; n++) {
                long x = n * 7_919_993L;
                numbers.append(n == 1 ? "" : ",").append(x);
                expected.add(String.valueOf(x).chars().map(c -> c - '0').asLongStream().sum());
            }
            numbers.append(",").append(BigInteger.TEN.pow(40).subtract(BigInteger.ONE));
            expected.add(360L);
            HttpResponse<String> answer = post(jar, "{\"operation\":\"digit_sum\",\"numbers\":[" + numbers + "],\"chunkSize\":100}");

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode job = json.readTree(answer.body());
            assertThat(job.get("results").toString()).isEqualTo(expected.toString().replace(" ", ""));
            assertThat(job.get("workers").propertyNames()).allMatch(worker -> worker.matches("worker-[12]"));
            assertThat(get(jar, "/actuator/prometheus").body())
                    .contains("poolmap_jobs_finished_total{operation=\"digit_sum\",status=\"SUCCEEDED\"} 1.0");
            assertThat(post(jar, "{\"operation\":\"digit_sum\",\"numbers\":[1, 2.5]}").statusCode()).as("outside its domain").isEqualTo(422);
        }
    }

    @Test
    void twoJarsWithOneOperationStopTheStartNamingBoth() throws Exception {
        Path clash = Files.createDirectories(work.resolve("clash"));
        Files.copy(plugin, clash.resolve("a.jar"));
        Files.copy(plugin, clash.resolve("b.jar"));
        Path log = work.resolve("clash.log");
        Path jar = Paths.get(System.getProperty("poolmap.jar", "target/poolmap-0.1.0-SNAPSHOT.jar"));
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("clash-tmp")), "-jar", jar.toString(), "--server.port=0",
                "--poolmap.store.path=" + work.resolve("clash-store"), "--poolmap.plugins.dir=" + clash)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the start stops").isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("APPLICATION FAILED TO START", "two operations are named 'digit_sum': the plug-in "
                + clash.resolve("a.jar").toAbsolutePath() + " (com.example.digitsum.DigitSumOperation) and the plug-in "
                + clash.resolve("b.jar").toAbsolutePath());
    }

    private HttpResponse<String> get(RunningJar jar, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(jar.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(RunningJar jar, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(jar.uri("/api/v1/jobs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
