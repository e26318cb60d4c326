package io.poolmap.expression;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.poolmap.operation.BenchOperations;
import io.poolmap.operation.ItemCursor;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.StopSignal;
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

/**
 * A client's expression against the built-in operation it imitates, over 1,000,000 longs (1 … 1,000,000) on one
 * thread, ns per item: {@code x*x} must reach at least half the items/s of {@code square}. {@code profile=shared}
 * first runs other expressions through the same JVM, as a service that has seen many jobs has, so that the nodes'
 * calls are no longer monomorphic and the JIT cannot inline the whole tree into the loop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExpressionBenchmark {

    private static final int ITEMS = 1_000_000;
    private static final List<String> OTHERS = List.of("x + 1", "x - 3 * x", "x * x * x", "2 * x + x * 5",
            "x // 3 + x % 7", "-x * (x - 1)", "abs(x) * 2", "max(x, 10) * x", "x ** 3 - x", "x * 7 - 1");

    @Param({"square", "x*x", "x**2 + 3*x + 1"})
    public String function;

    @Param({"alone", "shared"})
    public String profile;

    private Operation square;
    private CompiledExpression expression;
    private Numbers in;
    private Numbers out;

    @Setup
    public void setUp() {
        in = Numbers.ofLongs(BenchOperations.inputs("square", ITEMS));
        out = Numbers.forResults(ITEMS);
        ExpressionCompiler compiler = new ExpressionCompiler(ExpressionLimits.defaults());
        if (profile.equals("shared")) {
            for (int round = 0; round < 20; round++) {
                for (String other : OTHERS) {
                    compiler.compile(other).applyRange(in, 0, 100_000, out);
                }
            }
        }
        if (function.equals("square")) {
            square = BenchOperations.named("square");
        } else {
            expression = compiler.compile(function);
        }
    }

    /** Nanoseconds per item. */
    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public Numbers applyRange() throws InterruptedException {
        if (square != null) {
            square.applyRange(in, ITEMS, out, new ItemCursor(new StopSignal(), 0));
        } else {
            expression.applyRange(in, 0, ITEMS, out);
        }
        return out;
    }
}
