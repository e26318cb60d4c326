package io.poolmap.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.LongStream;

import io.poolmap.expression.ExpressionCompiler;
import io.poolmap.expression.ExpressionItemException;
import io.poolmap.expression.ExpressionLimits;
import io.poolmap.operation.ItemCursor;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.OperationKind;
import io.poolmap.operation.StopSignal;
import org.junit.jupiter.api.Test;

/** A compiled expression as an operation: blocks of items, the cursor where a run stopped or failed, its declared cost. */
class ExpressionOperationTest {

    private static final ExpressionCompiler COMPILER = new ExpressionCompiler(ExpressionLimits.defaults());

    private static ExpressionOperation operation(String source) {
        return new ExpressionOperation(COMPILER.compile(source));
    }

    @Test
    void aRangeIsComputedWholeAcrossBlocksAndTheCursorEndsAtItsEnd() {
        Numbers in = Numbers.ofLongs(LongStream.range(0, 10_000).toArray());
        Numbers out = Numbers.forResults(in.size());
        ItemCursor at = new ItemCursor(new StopSignal(), 100);

        operation("x * x + 1").applyRange(in, 9_000, out, at);

        assertThat(at.next()).isEqualTo(9_000);
        assertThat(out.longAt(100)).isEqualTo(10_001);
        assertThat(out.longAt(8_999)).isEqualTo(8_999L * 8_999 + 1);
        assertThat(out.longAt(9_000)).as("past the range").isZero();
    }

    @Test
    void aFailingItemLeavesTheCursorOnItWithTheItemsBeforeItComputed() {
        Numbers in = Numbers.ofLongs(LongStream.range(-5_000, 5_000).toArray());
        Numbers out = Numbers.forResults(in.size());
        ItemCursor at = new ItemCursor(new StopSignal(), 0);

        ExpressionItemException failure = catchThrowableOfType(ExpressionItemException.class,
                () -> operation("100 // x").applyRange(in, in.size(), out, at));

        assertThat(failure.errorType()).isEqualTo("ZeroDivisionError");
        assertThat(at.next()).isEqualTo(5_000).isEqualTo(failure.index());
        assertThat(out.longAt(4_999)).isEqualTo(-100);
    }

    @Test
    void aStoppedJobComputesNothingMore() {
        StopSignal stop = new StopSignal();
        stop.stop();
        Numbers in = Numbers.ofLongs(1, 2, 3);
        Numbers out = Numbers.forResults(3);
        ItemCursor at = new ItemCursor(stop, 0);

        operation("x + 1").applyRange(in, 3, out, at);

        assertThat(at.next()).isZero();
        assertThat(out.longAt(0)).isZero();
    }

    @Test
    void theHeapEstimateOfAJobGrowsWithTheDigitsItsExpressionMayGive() {
        Numbers in = Numbers.ofLongs(LongStream.rangeClosed(1, 10_000).map(x -> x * 1_000_003).toArray());

        long small = MemoryEstimate.of(operation("x + 1"), in);
        long large = MemoryEstimate.of(operation("x ** 500"), in);

        assertThat(small).as("a long's slot and a kind per result").isEqualTo(in.heapBytes() + 9L * in.size());
        assertThat(large).as("x below 2^34: results of up to 5,118 digits").isGreaterThan(small + 10_000L * 1_000);
    }

    @Test
    void itIsACpuOperationNamedExpressionWhoseDeclaredCostGrowsWithTheTree() {
        ExpressionOperation small = operation("x*x");
        ExpressionOperation large = operation("x**2 + 3*x + 1 + abs(x - 7) * (x // 3)");

        assertThat(small.name()).isEqualTo("expression");
        assertThat(small.info().kind()).isEqualTo(OperationKind.CPU);
        assertThat(large.info().costNanos()).isGreaterThan(small.info().costNanos());
        assertThat(small.source()).isEqualTo("x*x");
    }
}
