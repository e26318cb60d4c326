package io.poolmap.job;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.poolmap.PoolmapProperties;
import io.poolmap.operation.BenchOperations;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.builtin.PlainLoop;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import static io.poolmap.PoolmapPropertiesBuilder.aPoolmapProperties;

/**
 * The CPU-heavy target measured in one JVM: a {@code collatz_steps} job over 1 … 1,000,000 and an {@code is_prime}
 * job over 100,000 odd numbers from 10^9 + 1, submitted to {@link JobService} on a two-worker pool with the default
 * chunk sizing and {@code parallelism} 2 or 1, beside {@link PlainLoop} on as many threads, so that job / plain is a
 * ratio of one run. Setup checks that the job's results are the plain loop's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class JobPathBenchmark {

    @Param({"collatz_steps", "is_prime"})
    public String operation;

    @Param({"2", "1"})
    public int parallelism;

    private TestJobEngine engine;
    private JobService jobs;
    private JobSubmission request;
    private PlainLoop plain;

    @Setup
    public void setUp() throws Exception {
        long[] inputs = BenchOperations.inputs(operation, operation.equals("is_prime") ? 100_000 : 1_000_000);
        PoolmapProperties properties = aPoolmapProperties().workers(2).queueCapacity(4_000_000).maxRetainedJobs(4).build();
        engine = TestJobEngine.start(properties, BenchOperations.all(), List.of(), Clock.systemUTC());
        jobs = engine.jobs();
        request = new JobSubmission(operation, Numbers.ofLongs(inputs), parallelism, null, null);
        plain = new PlainLoop(operation, inputs, parallelism);
        requireSameResults(job(), plain.run());
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        plain.close();
        engine.close();
    }

    /** Submit, compute on the workers chunk by chunk, await: the job path without HTTP or JSON. */
    @Benchmark
    public Numbers job() throws InterruptedException {
        Job job = jobs.submit(request);
        if (!job.await(Duration.ofMinutes(1)) || job.status() != JobStatus.SUCCEEDED) {
            throw new IllegalStateException("job " + job.id() + " ended " + job.status());
        }
        return job.resultsIf(job.status());
    }

    /** The same items in a plain loop on {@code parallelism} platform threads: the yardstick. */
    @Benchmark
    public long[] plainLoop() throws Exception {
        return plain.run();
    }

    private void requireSameResults(Numbers job, long[] expected) {
        for (int i = 0; i < expected.length; i++) {
            long got = job.kind(i) == Numbers.Kind.BOOLEAN ? (job.booleanAt(i) ? 1 : 0) : job.longAt(i);
            if (got != expected[i]) {
                throw new IllegalStateException(operation + " item " + i + ": the job gave " + got + ", the plain loop " + expected[i]);
            }
        }
    }
}
