package io.poolmap.operation;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Each operation's kernel over a batch held in {@link Numbers}, on one thread: the cost per item a worker pays. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class KernelBenchmark {

    private static final int ITEMS = 10_000;

    @Param({"double", "square", "cube", "negate", "abs", "increment", "sqrt", "factorial", "fibonacci", "is_prime",
        "collatz_steps"})
    public String operation;

    private Operation kernel;
    private Numbers in;
    private Numbers out;

    @Setup
    public void setUp() {
        kernel = BenchOperations.named(operation);
        in = Numbers.ofLongs(BenchOperations.inputs(operation, ITEMS));
        out = Numbers.forResults(ITEMS);
    }

    /** Nanoseconds per item. */
    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public Numbers applyPerItem() throws InterruptedException {
        for (int i = 0; i < ITEMS; i++) {
            kernel.apply(in, i, out);
        }
        return out;
    }
}
