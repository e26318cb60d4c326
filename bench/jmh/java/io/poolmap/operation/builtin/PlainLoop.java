package io.poolmap.operation.builtin;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The CPU yardstick that the job path is held to, shared by {@link PlainLoopBenchmark} and
 * {@code JobPathBenchmark}: {@code collatz_steps} or {@code is_prime} over a {@code long[]} on {@code threads}
 * platform threads, no job, no {@code Numbers}, no checks; blocks of 4,096 items interleaved between the threads so
 * that they finish together.
 */
public final class PlainLoop implements AutoCloseable {

    private static final int BLOCK = 4096;

    private final boolean prime;
    private final int threads;
    private final long[] in;
    private final long[] out;
    private final ExecutorService pool;

    /** A loop of {@code operation} ({@code collatz_steps} or {@code is_prime}) over {@code in} on {@code threads} threads. */
    public PlainLoop(String operation, long[] in, int threads) {
        if (!operation.equals("collatz_steps") && !operation.equals("is_prime")) {
            throw new IllegalArgumentException("a plain loop of collatz_steps or is_prime, not " + operation);
        }
        this.prime = operation.equals("is_prime");
        this.threads = threads;
        this.in = in;
        this.out = new long[in.length];
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /** Computes every item once on the threads and returns the results (is_prime: 1 for prime, 0 for not). */
    public long[] run() throws Exception {
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

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** The same steps as {@code CollatzStepsOperation}'s {@code long} path without its checks: an odd step and every halving after it per turn. */
    static long collatzSteps(long x) {
        int zeros = Long.numberOfTrailingZeros(x);
        x >>>= zeros;
        long steps = zeros;
        while (x != 1) {
            x = 3 * x + 1;
            zeros = Long.numberOfTrailingZeros(x);
            x >>>= zeros;
            steps += zeros + 1;
        }
        return steps;
    }
}
