package io.poolmap;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * The in-process limit of the 1M {@code square} scenario: parse the request body with plain Jackson into a
 * {@code long[]}, square it on one thread, write the results back as JSON bytes. No HTTP, no job, no exactness
 * beyond {@code long}: the most any service on this stack could do with the same body.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 15)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class InProcessLimitBenchmark {

    /** The body bench/run posts: {@code {"operation":"square","numbers":[1,…,1000000]}}. */
    public record Request(String operation, long[] numbers) {
    }

    public record Response(long[] results) {
    }

    private final JsonMapper mapper = JsonMapper.builder().build();
    private byte[] body;

    @Setup
    public void setUp() {
        body = requestBody("square", 1_000_000);
    }

    /** The JSON body of a {@code square} job over 1 … n. */
    public static byte[] requestBody(String operation, int n) {
        StringBuilder json = new StringBuilder(n * 8).append("{\"operation\":\"").append(operation).append("\",\"numbers\":[");
        for (int i = 1; i <= n; i++) {
            json.append(i == 1 ? "" : ",").append(i);
        }
        return json.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Benchmark
    public byte[] parseSquareWrite() {
        Request request = mapper.readValue(body, Request.class);
        long[] numbers = request.numbers();
        long[] results = new long[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            results[i] = Math.multiplyExact(numbers[i], numbers[i]);
        }
        return mapper.writeValueAsBytes(new Response(results));
    }
}
