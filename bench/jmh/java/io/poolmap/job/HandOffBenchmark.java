package io.poolmap.job;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.poolmap.PoolmapProperties;
import io.poolmap.operation.BenchOperations;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
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
 * Chunk hand-off and scheduling: a {@code square} job submitted to {@link JobService} on a two-worker pool and
 * awaited, against the same items computed in a plain loop on the caller; the difference is what admission,
 * chunking, hand-off to the workers and completion cost at each batch size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class HandOffBenchmark {

    @Param({"10", "1000", "100000", "1000000"})
    public int size;

    private TestJobEngine engine;
    private JobService jobs;
    private Operation square;
    private JobSubmission request;

    @Setup
    public void setUp() {
        PoolmapProperties properties = aPoolmapProperties().workers(2).queueCapacity(4_000_000).maxRetainedJobs(10).build();
        square = BenchOperations.named("square");
        engine = TestJobEngine.start(properties, BenchOperations.all(), List.of(), Clock.systemUTC());
        jobs = engine.jobs();
        request = new JobSubmission("square", Numbers.ofLongs(BenchOperations.inputs("square", size)), null, null, null);
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        engine.close();
    }

    /** Submit, run on the pool, await: the whole job path without HTTP or JSON. */
    @Benchmark
    public Numbers submitAndAwait() throws InterruptedException {
        Job job = jobs.submit(request);
        job.await(Duration.ofMinutes(1));
        return job.resultsIf(job.status());
    }

    /** The same items computed on the calling thread with no job at all: the floor. */
    @Benchmark
    public Numbers plainLoop() throws InterruptedException {
        Numbers in = request.numbers();
        Numbers out = Numbers.forResults(in.size());
        for (int i = 0; i < in.size(); i++) {
            square.apply(in, i, out);
        }
        return out;
    }
}
