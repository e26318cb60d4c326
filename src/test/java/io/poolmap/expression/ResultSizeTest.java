package io.poolmap.expression;

import static io.poolmap.expression.Expressions.compile;
import static io.poolmap.testing.ForAll.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;

import io.poolmap.operation.Numbers;
import org.junit.jupiter.api.Test;

/**
 * The bound on an item's result digits, which refuses a job whose results would be too large before it runs: never
 * below the digits of a result poolmap really computes, for thousands of generated expressions over every edge value,
 * and close to them where the growth is known.
 */
class ResultSizeTest {

    @Test
    void theBoundIsNeverBelowTheDigitsOfAnIntegerResult() {
        forAll(1500, random -> new ExpressionGenerator(random.nextLong()).next(), source -> {
            CompiledExpression compiled;
            try {
                compiled = compile(source);
            } catch (ExpressionSyntaxException refused) {
                return;
            }
            List<Object> values = EdgeValues.sample(new Random(source.hashCode()), 12);
            Numbers in = EdgeValues.numbers(values);
            Numbers out = Numbers.forResults(in.size());
            for (int i = 0; i < in.size(); i++) {
                int bound = compiled.resultDigits(in, i);
                assertThat(bound).as("bound of %s for x = %s", source, values.get(i))
                        .isBetween(1, ExpressionLimits.defaults().maxDigits());
                if (in.kind(i) == Numbers.Kind.LONG) {
                    assertThat(compiled.resultDigitsOfAnyLong()).as("any long bounds %s", values.get(i)).isGreaterThanOrEqualTo(bound);
                }
                try {
                    compiled.apply(in, i, out);
                } catch (ExpressionItemException noValue) {
                    continue;
                }
                if (out.isInteger(i)) {
                    assertThat(bound).as("%s for x = %s is %s", source, values.get(i), out.valueAt(i))
                            .isGreaterThanOrEqualTo(digits(out.bigIntegerAt(i)));
                }
            }
        });
    }

    @Test
    void aKnownGrowthGivesACloseBound() {
        assertThat(bound("x**3", Long.MAX_VALUE)).isEqualTo(57);
        assertThat(digits(BigInteger.valueOf(Long.MAX_VALUE).pow(3))).isEqualTo(57);
        assertThat(bound("x**2 + 3*x + 1", 1_000_000)).isEqualTo(13);
        assertThat(bound("2**x", 100)).as("2**100 has 31 digits").isBetween(31, 80);
        assertThat(bound("x * 10**100", 1)).isEqualTo(101);
        assertThat(bound("x // 1000", 1_000_000)).isEqualTo(4);
    }

    @Test
    void aResultThatIsNeverAnIntegerCountsAsALong() {
        assertThat(bound("x / 3", Long.MAX_VALUE)).isEqualTo(20);
        assertThat(bound("sqrt(x) + 0.5", 12)).isEqualTo(20);
        assertThat(bound("x > 3 and x < 10", 12)).isEqualTo(1);
    }

    @Test
    void aGrowthThatDependsOnXIsBoundedByTheDigitLimit() {
        assertThat(bound("2**x", Long.MAX_VALUE)).isEqualTo(ExpressionLimits.defaults().maxDigits());
        assertThat(bound("2**x", 10)).as("a negative x would make it a float").isEqualTo(20);
        assertThat(bound("floor(x / 0.001)", 5)).as("5000").isBetween(4, 5);
        assertThat(compile("floor(1 / (x + 0.5))").resultDigits(Numbers.ofLongs(3), 0)).as("a float divisor may be tiny")
                .isEqualTo(309);
    }

    private static int bound(String source, long x) {
        return compile(source).resultDigits(Numbers.ofLongs(x), 0);
    }

    private static int digits(BigInteger value) {
        return value.abs().toString().length();
    }
}
