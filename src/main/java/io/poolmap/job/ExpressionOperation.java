package io.poolmap.job;

import java.util.List;
import java.util.OptionalLong;

import io.poolmap.expression.CompiledExpression;
import io.poolmap.expression.ExpressionItemException;
import io.poolmap.operation.ItemCursor;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationInfo;
import io.poolmap.operation.OperationKind;
import io.poolmap.operation.registry.OperationRegistry;

/**
 * A client's expression, compiled once for its job, as an {@link Operation}: so that it runs exactly as the built-in
 * operations do, on the same workers and in the same chunks, timed and counted the same, under the one name
 * {@value #NAME} (meters and logs never carry the expression itself). Its items are computed in blocks of about
 * {@value #NODES_PER_BLOCK} tree nodes, with the job's stop signal read between blocks; its declared cost grows with
 * the size of the compiled tree, so that its first chunks are sized as a built-in operation's are.
 */
final class ExpressionOperation implements Operation {

    /** The operation name of every expression job: no operation may take it. */
    static final String NAME = OperationRegistry.EXPRESSION;

    private static final int NODES_PER_BLOCK = 4096;

    /**
     * A node's cost on the tree specialised for {@code long}s, where most batches go (JMH's {@code ExpressionBenchmark}
     * on a 2-core machine: {@code x*x}, 3 nodes, 0.5 to 1.7 ns an item; {@code x**2 + 3*x + 1}, 7 nodes, 3.1 to 6.3);
     * the interpreter of other inputs costs more, which the chunk sizing measures after the first chunk.
     */
    private static final long NANOS_PER_NODE = 1;

    private final CompiledExpression expression;
    private final OperationInfo info;
    private final int block;

    ExpressionOperation(CompiledExpression expression) {
        this.expression = expression;
        int nodes = expression.size();
        this.info = new OperationInfo(NAME, "a Python expression in x", OperationKind.CPU, "any number",
                "poolmap.expressions.*", new OperationInfo.Example(List.of(), List.of()), NANOS_PER_NODE * nodes);
        this.block = Math.max(1, NODES_PER_BLOCK / nodes);
    }

    /** The expression as the client wrote it. */
    String source() {
        return expression.source();
    }

    @Override
    public OperationInfo info() {
        return info;
    }

    @Override
    public long resultDigits(Numbers numbers, int i) {
        return expression.resultDigits(numbers, i);
    }

    @Override
    public OptionalLong resultDigitsOfAnyLong() {
        return OptionalLong.of(expression.resultDigitsOfAnyLong());
    }

    @Override
    public void apply(Numbers in, int i, Numbers out) {
        expression.apply(in, i, out);
    }

    @Override
    public void applyRange(Numbers in, int to, Numbers out, ItemCursor at) {
        while (at.next() < to && !at.stopped()) {
            int end = Math.min(to, at.next() + block);
            try {
                expression.applyRange(in, at.next(), end, out);
            } catch (ExpressionItemException failed) {
                at.advanceTo(failed.index());
                throw failed;
            }
            at.advanceTo(end);
        }
    }
}
