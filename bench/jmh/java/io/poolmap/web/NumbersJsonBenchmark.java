package io.poolmap.web;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import io.poolmap.InProcessLimitBenchmark;
import io.poolmap.job.web.JobRequestBodies;
import io.poolmap.operation.Numbers;
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
 * poolmap's own JSON hot paths for a 1M batch: reading the body into {@link Numbers}, writing results from it; and a
 * whole job request read as {@code POST /api/v1/jobs} reads it (by {@code JobRequestConverter}'s fast path) beside
 * Spring MVC's Jackson converter alone, for the 1M body and for a tiny one (5 numbers, in ns per read).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 15)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class NumbersJsonBenchmark {

    /** The part of a job request that these benchmarks read. */
    public record Request(String operation, Numbers numbers) {
    }

    private final JsonMapper mapper = JsonMapper.builder().addModule(NumbersJson.module(100_000_000, 1000)).build();
    private final JobRequestBodies requests = new JobRequestBodies(1_000_000);
    private byte[] body;
    private byte[] tinyBody;
    private Numbers squares;

    @Setup
    public void setUp() {
        body = InProcessLimitBenchmark.requestBody("square", 1_000_000);
        tinyBody = InProcessLimitBenchmark.requestBody("square", 5);
        requests.requireFastPath(body);
        requests.requireFastPath(tinyBody);
        squares = Numbers.forResults(1_000_000);
        for (int i = 0; i < squares.size(); i++) {
            squares.setLong(i, (i + 1L) * (i + 1L));
        }
    }

    @Benchmark
    public Numbers readBatch() {
        return mapper.readValue(body, Request.class).numbers();
    }

    @Benchmark
    public Numbers readRequestJackson() throws IOException {
        return requests.readJackson(body);
    }

    @Benchmark
    public Numbers readRequestFast() throws IOException {
        return requests.readFast(body);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 5, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Numbers readTinyRequestJackson() throws IOException {
        return requests.readJackson(tinyBody);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 5, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Numbers readTinyRequestFast() throws IOException {
        return requests.readFast(tinyBody);
    }

    @Benchmark
    public byte[] writeResults() {
        return mapper.writeValueAsBytes(squares);
    }
}
