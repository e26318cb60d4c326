package io.poolmap.expression;

import static io.poolmap.expression.Expressions.big;
import static io.poolmap.expression.Expressions.compile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.IntStream;

import io.poolmap.operation.Numbers;
import io.poolmap.operation.OperationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompiledExpressionTest {

    @Test
    void aRangeOfLongsIsComputedExactlyWithBigIntegersWhereALongOverflows() {
        Numbers in = Numbers.ofLongs(3, -1, 3037000500L, Long.MIN_VALUE);
        Numbers out = Numbers.forResults(4);

        compile("x * x").applyRange(in, 0, 4, out);

        assertThat(out.longAt(0)).isEqualTo(9);
        assertThat(out.longAt(1)).isEqualTo(1);
        assertThat(out.kind(2)).isEqualTo(Numbers.Kind.BIG);
        assertThat(out.bigAt(2)).isEqualTo(big("9223372037000250000"));
        assertThat(out.bigAt(3)).isEqualTo(BigInteger.TWO.pow(126));
    }

    @Test
    void afterAnItemThatOverflowsALongTheRestOfTheBatchStaysOnLongs() {
        Numbers in = Numbers.ofLongs(3, 3037000500L, 4, -5);
        Numbers out = Numbers.forResults(4);

        compile("x * x + 1").applyRange(in, 0, 4, out);

        assertThat(out.valueAt(0)).isEqualTo(10L);
        assertThat(out.valueAt(1)).isEqualTo(big("9223372037000250001"));
        assertThat(out.valueAt(2)).isEqualTo(17L);
        assertThat(out.valueAt(3)).isEqualTo(26L);
    }

    @Test
    void eachResultIsStoredAsTheKindPythonGives() {
        Numbers in = EdgeValues.numbers(List.of(4L, big("1" + "0".repeat(30)), 2.5, true));
        Numbers out = Numbers.forResults(4);

        compile("x * 2 if x != 4 else x > 3").applyRange(in, 0, 4, out);

        assertThat(out.valueAt(0)).isEqualTo(true);
        assertThat(out.valueAt(1)).isEqualTo(big("2" + "0".repeat(30)));
        assertThat(out.valueAt(2)).isEqualTo(5.0);
        assertThat(out.valueAt(3)).isEqualTo(2L);
    }

    @Test
    void aRangeStopsAtTheFirstItemWithoutAValueAndNamesIt() {
        Numbers in = Numbers.ofLongs(4, 2, 0, 1);
        Numbers out = Numbers.forResults(4);

        ExpressionItemException failure = catchThrowableOfType(ExpressionItemException.class,
                () -> compile("8 // x").applyRange(in, 1, 4, out));

        assertThat(failure).isInstanceOf(OperationException.class);
        assertThat(failure.index()).isEqualTo(2);
        assertThat(failure.getMessage()).isEqualTo("ZeroDivisionError: integer division or modulo by zero");
        assertThat(out.longAt(1)).isEqualTo(4);
        assertThat(out.longAt(0)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x*x", "x**2 + 3*x + 1", "0 < x < 10", "sqrt(abs(x))", "x if x > 0 else -x",
        "x / 7 + 0.5", "round(x / 3, 2)", "max(x, 0) % 7", "x and 5 or 3", "not x % 2", "gcd(x, 12)",
        "floor(log(x + 1))", "2 ** x", "x >= 0.5"})
    void commonExpressionsComputeLongInputsWithoutTheInterpreter(String source) {
        assertThat(compile(source).specialised()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"max(x, 0.5)", "x + 10**20", "x if x else 0.5", "x > 0 and x", "gcd(x, 1.5)",
        "isqrt(x * 1.0)", "round(x, -1)", "max(x > 0, x < 0)"})
    void expressionsWhoseTypeDependsOnTheValuesAreInterpreted(String source) {
        assertThat(compile(source).specialised()).isFalse();
    }

    @Test
    void itsSourceAndSizeDescribeIt() {
        CompiledExpression compiled = compile("x**2 + 3*x + (2 - 1)");

        assertThat(compiled.source()).isEqualTo("x**2 + 3*x + (2 - 1)").isEqualTo(compiled.toString());
        assertThat(compiled.size()).as("9 nodes, the constant 2 - 1 folded into one").isEqualTo(9);
    }

    @Test
    void oneCompiledExpressionServesManyThreadsAtOnce() {
        CompiledExpression compiled = compile("x ** 3 - 2 * x if x % 3 else x / 3");
        long[] values = IntStream.range(-50_000, 50_000).asLongStream().map(v -> v * 104_729).toArray();
        Numbers in = Numbers.ofLongs(values);
        Numbers sequential = Numbers.forResults(values.length);
        Numbers parallel = Numbers.forResults(values.length);

        compiled.applyRange(in, 0, values.length, sequential);
        IntStream.range(0, 100).parallel().forEach(block -> compiled.applyRange(in, block * 1000, block * 1000 + 1000, parallel));

        for (int i = 0; i < values.length; i++) {
            assertThat(parallel.valueAt(i)).isEqualTo(sequential.valueAt(i));
        }
    }
}
