package io.poolmap.operation.builtin;

import java.util.concurrent.TimeUnit;

import io.poolmap.operation.BenchOperations;

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

/**
 * The yardstick of the CPU-heavy target: {@link PlainLoop} on {@code threads} platform threads, no job, no
 * {@link io.poolmap.operation.Numbers}, no checks. collatz_steps over 1 … 1,000,000; is_prime over 100,000 odd numbers
 * from 10^9 + 1. {@code io.poolmap.job.JobPathBenchmark} measures the job path beside the same loop in one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class PlainLoopBenchmark {

    @Param({"collatz_steps", "is_prime"})
    public String operation;

    @Param({"2"})
    public int threads;

    private PlainLoop loop;

    @Setup
    public void setUp() {
        loop = new PlainLoop(operation, BenchOperations.inputs(operation, operation.equals("is_prime") ? 100_000 : 1_000_000), threads);
    }

    @TearDown
    public void tearDown() {
        loop.close();
    }

    /** Milliseconds for the whole batch; items/s = batch size / that. */
    @Benchmark
    public long[] wholeBatch() throws Exception {
        return loop.run();
    }
}
