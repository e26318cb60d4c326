package io.poolmap.job.web;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.poolmap.job.JobService;
import io.poolmap.job.JobStatus;
import io.poolmap.job.TestOperations.Gate;
import io.poolmap.worker.WorkerStatistics;
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
 * What streams cost over real HTTP: a thousand open event streams hold no platform thread each (Tomcat serves them
 * on virtual threads that park between looks at the job), and a client that stops reading a million results does
 * not make poolmap buffer them (the writer blocks on the socket with one page in hand). Measured on a 2-core machine:
 * 28 platform threads before and 29 with the thousand streams open (33 and 1,022 with
 * {@code spring.threads.virtual.enabled=false}); 0.2 MB of heap held by the stalled million-result stream (75 MB when
 * the stream was first written to a buffer).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "poolmap.workers=2")
@Import(StreamsHttpTestConfiguration.class)
class JobStreamsAtScaleTest {

    private static final int STREAMS = 1_000;
    private static final int MILLION = 1_000_000;
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
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(workers.busyWorkers()).isZero());
        gate.reset();
    }

    @Test
    void aThousandOpenEventStreamsCostNoPlatformThreads() throws Exception {
        String id = submit("{\"operation\":\"test_blocking\",\"numbers\":[1,2],\"parallelism\":1}");
        await().atMost(Duration.ofSeconds(10)).until(() -> gate.entered() == 1);
        int platformThreadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        List<Socket> streams = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS; i++) {
                Socket socket = new Socket("localhost", port);
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(("GET /api/v1/jobs/" + id + "/events HTTP/1.1\r\nHost: localhost\r\n"
                        + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                streams.add(socket);
                assertThat(readUntil(socket.getInputStream(), "event: progress")).as("stream %d's first event", i).contains("HTTP/1.1 200");
            }
            int platformThreadsWithStreamsOpen = ManagementFactory.getThreadMXBean().getThreadCount();

            gate.open();

            for (Socket socket : streams) {
                assertThat(readUntil(socket.getInputStream(), "\r\n0\r\n\r\n")).as("the status event, then the end of the response")
                        .contains("event: status", "\"status\":\"SUCCEEDED\"");
            }
            assertThat(platformThreadsWithStreamsOpen - platformThreadsBefore)
                    .as("platform threads started while %d event streams were open (%d before, %d with them)", STREAMS,
                            platformThreadsBefore, platformThreadsWithStreamsOpen)
                    // a JVM-wide count that the JIT, the GC and other tests' idle pools also move; a platform thread per
                    // stream would add ~1,000, and a bounded pool of them could not hold a thousand streams open at all
                    .isLessThan(100);
        } finally {
            for (Socket socket : streams) {
                socket.close();
            }
        }
    }

    @Test
    void aClientThatStopsReadingAMillionResultsDoesNotMakePoolmapBufferThem() throws Exception {
        StringBuilder numbers = new StringBuilder("{\"operation\":\"double\",\"numbers\":[");
        for (int n = 1; n <= MILLION; n++) {
            numbers.append(n == 1 ? "" : ",").append(n);
        }
        String id = submit(numbers.append("]}").toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> jobs.find(id).status() == JobStatus.SUCCEEDED);
        long heapBefore = heapAfterGc();

        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(16 * 1024);
            socket.connect(new java.net.InetSocketAddress("localhost", port));
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET /api/v1/jobs/" + id + "/results HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: application/x-ndjson\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = new BufferedInputStream(socket.getInputStream(), 8 * 1024);
            assertThat(readUntil(in, "{\"index\":0,\"result\":2}")).contains("HTTP/1.1 200");

            // the client reads nothing more: the server writes until the socket's buffers are full, then its write blocks
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(heapAfterGc() - heapBefore)
                            .as("heap held while a million results (~30 MB of NDJSON) wait for the client").isLessThan(16L << 20));

            BufferedReader rest = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            long lines = 0;
            String last = null;
            for (String line = rest.readLine(); line != null; line = rest.readLine()) {
                if (line.startsWith("{")) {
                    lines++;
                    last = line;
                }
            }
            assertThat(lines).as("lines after the first").isEqualTo(MILLION);
            assertThat(last).isEqualTo("{\"end\":true,\"status\":\"SUCCEEDED\",\"count\":" + MILLION + ",\"total\":" + MILLION + "}");
        }
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Reads until {@code marker} has arrived and returns what was read. */
    private static String readUntil(InputStream in, String marker) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] last = marker.getBytes(StandardCharsets.UTF_8);
        int matched = 0;
        while (matched < last.length) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("the stream ended before " + marker + ": " + read.toString(StandardCharsets.UTF_8));
            }
            read.write(b);
            matched = b == last[matched] ? matched + 1 : (b == last[0] ? 1 : 0);
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    private String submit(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/jobs"))
                .header("Content-Type", "application/json").header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        @SuppressWarnings("unchecked")
        Map<String, Object> job = JSON.readValue(response.body(), Map.class);
        return (String) job.get("id");
    }
}
