package io.poolmap.operation.builtin;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.poolmap.operation.BenchOperations;
import io.poolmap.operation.Numbers;

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
 * The yardstick of the CPU-heavy target: a plain Java loop on {@code threads} platform threads over a
 * {@code long[]}, no job, no {@link Numbers}, no checks; blocks of 4,096 items interleaved between the threads
 * so that both finish together. collatz_steps over 1 … 1,000,000; is_prime over 100,000 odd numbers from 10^9 + 1.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class PlainLoopBenchmark {

    private static final int BLOCK = 4096;

    @Param({"collatz_steps", "is_prime"})
    public String operation;

    @Param({"2"})
    public int threads;

    private long[] in;
    private long[] out;
    private ExecutorService pool;

    @Setup
    public void setUp() {
        in = BenchOperations.inputs(operation, operation.equals("is_prime") ? 100_000 : 1_000_000);
        out = new long[in.length];
        pool = Executors.newFixedThreadPool(threads);
    }

    @TearDown
    public void tearDown() {
        pool.shutdownNow();
    }

    /** Milliseconds for the whole batch; items/s = batch size / that. */
    @Benchmark
    public long[] wholeBatch() throws Exception {
        boolean prime = operation.equals("is_prime");
        Future<?>[] running = new Future<?>[threads];
        for (int t = 0; t < threads; t++) {
            int first = t;
            running[t] = pool.submit(() -> {
                for (int block = first * BLOCK; block < in.length; block += threads * BLOCK) {
                    int end = Math.min(in.length, block + BLOCK);
                    for (int i = block; i < end; i++) {
                        out[i] = prime ? (LongPrimality.isPrime(in[i]) ? 1 : 0) : collatzSteps(in[i]);
                    }
                }
            });
        }
        for (Future<?> thread : running) {
            thread.get();
        }
        return out;
    }

    /** The same steps as {@code CollatzStepsOperation}'s {@code long} path: halve all trailing zeros at once. */
    static long collatzSteps(long x) {
        long steps = 0;
        while (x != 1) {
            if ((x & 1) == 0) {
                int zeros = Long.numberOfTrailingZeros(x);
                x >>>= zeros;
                steps += zeros;
            } else {
                x = 3 * x + 1;
                steps++;
            }
        }
        return steps;
    }
}
