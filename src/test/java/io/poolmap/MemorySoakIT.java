package io.poolmap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's test of issue 16, bounded for the build: the real jar with {@code -Xmx256m} and default settings,
 * a mixed load of 24 clients for about a minute (tiny and 1M-item synchronous jobs, 10k–200k asynchronous ones,
 * sleeps that are cancelled, tiny timeouts, bad requests, lists and item pages). Every request must be answered with
 * a documented status, every accepted job must end and a succeeded one be exact, the process must never run out of
 * memory, and once the load is over and a collection has run the heap holds no more than what retention may keep.
 * {@code bench/soak} runs it for longer, on another heap or another jar ({@code poolmap.soak.seconds},
 * {@code poolmap.jar.heap}, {@code poolmap.jar}), sampling it every 10 s ({@code poolmap.soak.samples}).
 */
class MemorySoakIT {

    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("poolmap.soak.seconds", 60));
    private static final int CLIENTS = 24;
    private static final Set<Integer> DOCUMENTED = Set.of(200, 202, 400, 404, 409, 413, 422, 429, 503, 504);
    private static final Pattern HEAP_USED = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\",[^}]*} (\\S+)$");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    /** Each accepted job: for a square job, its first input and its size (its inputs are consecutive); else empty. */
    private final Map<String, long[]> accepted = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

    @Test
    void aMixedLoadOnA256MegabyteHeapIsAnsweredWholeAndLosesNothing(@TempDir Path store) throws Exception {
        try (RunningJar jar = RunningJar.start(store, "--management.endpoints.web.exposure.include=health,prometheus")) {
            long heapAtStart = heapUsedAfterCollection(jar);
            long deadline = System.nanoTime() + LOAD.toNanos();
            try (AutoCloseable samples = SoakSamples.startIfAsked(jar, statuses);
                    ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = LongStream.range(0, CLIENTS).mapToObj(seed -> clients.submit(() -> {
                    client(jar, new Random(seed), deadline);
                    return null;
                })).collect(Collectors.toList());
                for (Future<?> client : running) {
                    try {
                        client.get(LOAD.toSeconds() + 120, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException failed) {
                        throw new AssertionError("a client failed; the service's errors:\n" + errors(jar.log())
                                + "\nits log ends:\n" + tail(jar.log()), failed);
                    }
                }
            }

            assertThat(jar.process().isAlive()).as("the process lives; its log ends:%n%s", tail(jar.log())).isTrue();
            assertThat(jar.log()).doesNotContain("OutOfMemoryError", "out of memory");
            assertThat(statuses.keySet()).as("statuses answered: %s; the service's errors:%n%s", statuses, errors(jar.log()))
                    .isSubsetOf(DOCUMENTED);
            assertThat(statuses.get(200).get()).as("enough work to mean something: %s", statuses).isGreaterThan(200);
            // what retention keeps and what answers may still read, not a minute of writes (1.4 GB before the bound)
            long storeBytes = bytesIn(store);
            assertThat(storeBytes).as("the store's disk after the load, bytes").isLessThan(heapOfTheJar() * 2);
            for (Map.Entry<String, long[]> job : accepted.entrySet()) {
                checkEnded(jar, job.getKey(), job.getValue());
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(health(jar)).isEqualTo("UP"));
            // finished big jobs move their numbers to the store off the request threads: once the writes have caught
            // up (a slow disk takes a while), a collection leaves no more than retention may keep
            long bound = heapOfTheJar() / 100 * 15 + (32L << 20);
            AtomicLong heapAfter = new AtomicLong();
            try {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5)).until(() -> {
                    heapAfter.set(heapUsedAfterCollection(jar));
                    return heapAfter.get() - heapAtStart < bound;
                });
            } catch (org.awaitility.core.ConditionTimeoutException held) {
                throw new AssertionError("heap kept after the load: %d MB at start, %d MB after (at most %d MB more); what it holds:%n%s"
                        .formatted(heapAtStart >> 20, heapAfter.get() >> 20, bound >> 20, histogram(jar)), held);
            }
            System.out.printf("MemorySoakIT: statuses %s; heap after a collection %d MB at start, %d MB after the load; store %d MB%n",
                    statuses, heapAtStart >> 20, heapAfter.get() >> 20, storeBytes >> 20);
        }
    }

    private static long bytesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    /** The jar's {@code -Xmx} in bytes. */
    private static long heapOfTheJar() {
        String heap = RunningJar.HEAP.toLowerCase(java.util.Locale.ROOT);
        long unit = heap.endsWith("g") ? 1L << 30 : heap.endsWith("m") ? 1L << 20 : heap.endsWith("k") ? 1L << 10 : 1;
        return Long.parseLong(heap.replaceAll("[gmk]$", "")) * unit;
    }

    /** One client's mix, by the shares, until the deadline. */
    private void client(RunningJar jar, Random random, long deadline) throws Exception {
        while (System.nanoTime() < deadline) {
            int pick = random.nextInt(100);
            if (pick < 40) {
                submit(jar, "square", range(random, 1 + random.nextInt(5)), false, null);
            } else if (pick < 55) {
                submit(jar, "square", range(random, 10_000 + random.nextInt(190_000)), true, null);
            } else if (pick < 60) {
                submit(jar, "square", range(random, 1_000_000), false, null);
            } else if (pick < 68) {
                String id = submit(jar, "sleep", new long[] {2_000, 2_000, 2_000}, true, null);
                if (id != null) {
                    send(HttpRequest.newBuilder(jar.uri("/api/v1/jobs/" + id)).DELETE().build());
                }
            } else if (pick < 76) {
                submit(jar, "collatz_steps", range(random, 50_000), false, 1L);
            } else if (pick < 86) {
                send(post(jar, random.nextBoolean() ? "{\"operation\":\"square\",\"numbers\":[1,]}" : "{\"operation\":\"sqrt\",\"numbers\":[-1]}"));
            } else {
                send(HttpRequest.newBuilder(jar.uri("/api/v1/jobs?size=100")).build());
                List<String> ids = List.copyOf(accepted.keySet());
                if (!ids.isEmpty()) {
                    send(HttpRequest.newBuilder(jar.uri("/api/v1/jobs/" + ids.get(random.nextInt(ids.size())) + "/items?limit=10000")).build());
                }
            }
        }
    }

    private static long[] range(Random random, int size) {
        long start = random.nextInt(1_000_000);
        return LongStream.range(start, start + size).toArray();
    }

    /** Submits, remembers an accepted job with the inputs to check it against; returns its id, or null if refused. */
    private String submit(RunningJar jar, String operation, long[] numbers, boolean async, Long timeoutMs) throws Exception {
        StringBuilder body = new StringBuilder(numbers.length * 8 + 64).append("{\"operation\":\"").append(operation)
                .append("\",\"numbers\":[");
        for (int i = 0; i < numbers.length; i++) {
            body.append(i == 0 ? "" : ",").append(numbers[i]);
        }
        body.append("],\"async\":").append(async).append(timeoutMs == null ? "" : ",\"timeoutMs\":" + timeoutMs).append('}');
        HttpResponse<String> answer = send(post(jar, body.toString()));
        if (answer == null || (answer.statusCode() != 200 && answer.statusCode() != 202 && answer.statusCode() != 504)) {
            return null;
        }
        JsonNode job = json.readTree(answer.body());
        String id = job.has("id") ? job.get("id").asString() : job.get("jobId").asString();
        accepted.put(id, operation.equals("square") ? new long[] {numbers[0], numbers.length} : new long[0]);
        return id;
    }

    private HttpRequest post(RunningJar jar, String body) {
        return HttpRequest.newBuilder(jar.uri("/api/v1/jobs")).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Sends and counts the status; a request that is not answered fails the test. */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException unanswered) {
            throw new IOException(request.method() + " " + request.uri() + " (body of "
                    + request.bodyPublisher().map(body -> body.contentLength()).orElse(0L) + " bytes) was not answered", unanswered);
        }
        statuses.computeIfAbsent(answer.statusCode(), status -> new AtomicLong()).incrementAndGet();
        return answer;
    }

    /** The job has ended; if it succeeded and is still kept, its results are the squares of its inputs. */
    private void checkEnded(RunningJar jar, String id, long[] range) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(jar.uri("/api/v1/jobs/" + id + "?wait=60s"))
                .timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 404) {
            return; // forgotten by retention: allowed, it ended before
        }
        JsonNode job = json.readTree(answer.body());
        String status = job.get("status").asString();
        assertThat(status).as("job %s", id).isIn("SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT");
        if (status.equals("SUCCEEDED") && range.length > 0) {
            JsonNode results = job.get("results");
            long first = range[0];
            int size = (int) range[1];
            assertThat(results.size()).isEqualTo(size);
            for (int i = 0; i < size; i += Math.max(1, size / 1000)) {
                assertThat(results.get(i).asLong()).as("job %s item %d", id, i).isEqualTo((first + i) * (first + i));
            }
        }
    }

    private String health(RunningJar jar) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(jar.uri("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("status").asString();
    }

    /** Asks the JVM for a full collection with jcmd, then reads the heap it uses from Prometheus. */
    private long heapUsedAfterCollection(RunningJar jar) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, Long.toString(jar.process().pid()), "GC.run").redirectErrorStream(true).start()
                .waitFor(30, TimeUnit.SECONDS);
        String scrape = http.send(HttpRequest.newBuilder(jar.uri("/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher used = HEAP_USED.matcher(scrape);
        long total = 0;
        while (used.find()) {
            total += (long) Double.parseDouble(used.group(1));
        }
        return total;
    }

    /** The classes that hold most of the process's heap, from jcmd, for a failure message. */
    private static String histogram(RunningJar jar) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process histogram = new ProcessBuilder(jcmd, Long.toString(jar.process().pid()), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String lines = new String(histogram.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        histogram.waitFor(30, TimeUnit.SECONDS);
        return lines.lines().limit(30).collect(Collectors.joining("\n"));
    }

    /** The log's ERROR lines and the lines after each, for a failure message. */
    private static String errors(String log) {
        StringBuilder found = new StringBuilder();
        String[] lines = log.split("\n");
        for (int i = 0; i < lines.length && found.length() < 8000; i++) {
            if (lines[i].contains(" ERROR ")) {
                for (int k = i; k < Math.min(lines.length, i + 12); k++) {
                    found.append(lines[k]).append('\n');
                }
            }
        }
        return found.toString();
    }

    private static String tail(String log) {
        return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
    }
}
