package io.poolmap.operation.builtin;

import static io.poolmap.operation.NumbersFixtures.apply;
import static io.poolmap.operation.NumbersFixtures.integer;
import static io.poolmap.operation.NumbersFixtures.refusal;
import static io.poolmap.testing.ForAll.forAll;
import static io.poolmap.testing.Generators.bigIntegers;
import static io.poolmap.testing.Generators.doubles;
import static io.poolmap.testing.Generators.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationKind;
import io.poolmap.operation.OperationException;
import io.poolmap.operation.NumbersFixtures;

class ArithmeticOperationsTest {

    private static final BigInteger TEN_TO_60 = BigInteger.TEN.pow(60);

    private final Operation twice = new DoubleOperation();
    private final Operation square = new SquareOperation();
    private final Operation cube = new CubeOperation();
    private final Operation negate = new NegateOperation();
    private final Operation abs = new AbsOperation();
    private final Operation increment = new IncrementOperation();

    @Test
    void everyOperationIsExactForAnyLong() {
        forAll(2000, longs(), x -> assertExact(x, BigInteger.valueOf(x)));
    }

    @Test
    void everyOperationIsExactForIntegersOfUpToSixtyDigits() {
        forAll(2000, bigIntegers(TEN_TO_60.negate(), TEN_TO_60), x -> assertExact(integer(x), x));
    }

    @Test
    void everyOperationRoundsDoublesAsIeee754() {
        forAll(2000, doubles(), this::roundsAsIeee754);
    }

    @Test
    void everyOperationMatchesJavaDoubleArithmeticForModerateDoubles() {
        forAll(1000, doubles(), this::matchesJavaDoubleArithmetic);
    }

    private void roundsAsIeee754(double x) throws Exception {
        BigDecimal exact = new BigDecimal(x);
        assertDouble(twice, x, exact.multiply(BigDecimal.TWO).doubleValue());
        assertDouble(square, x, exact.multiply(exact).doubleValue());
        double squared = exact.multiply(exact).doubleValue();
        double cubed = Double.isInfinite(squared) ? squared : new BigDecimal(squared).multiply(exact).doubleValue();
        assertDouble(cube, x, cubed);
        assertDouble(negate, x, exact.negate().doubleValue());
        assertDouble(abs, x, exact.abs().doubleValue());
        assertDouble(increment, x, exact.add(BigDecimal.ONE).doubleValue());
    }

    private void matchesJavaDoubleArithmetic(double x) throws Exception {
        double y = x / 1e206;
        assertThat(apply(twice, y)).isEqualTo(2 * y);
        assertThat(apply(square, y)).isEqualTo(y * y);
        assertThat(apply(cube, y)).isEqualTo(y * y * y);
        assertThat(apply(negate, y)).isEqualTo(-y);
        assertThat(apply(abs, y)).isEqualTo(Math.abs(y));
        assertThat(apply(increment, y)).isEqualTo(y + 1);
    }

    @Test
    void squareOfLargeIntegerStaysExact() throws Exception {
        assertThat(apply(square, 3037000500L)).isEqualTo(new BigInteger("9223372037000250000"));
        assertThat(apply(square, 3037000499L)).isEqualTo(9223372030926249001L);
        assertThat(apply(square, -3037000500L)).isEqualTo(new BigInteger("9223372037000250000"));
    }

    @Test
    void negationAndAbsoluteValueOfTheSmallestLongBecomeBigIntegers() throws Exception {
        BigInteger twoTo63 = BigInteger.TWO.pow(63);
        assertThat(apply(negate, Long.MIN_VALUE)).isEqualTo(twoTo63);
        assertThat(apply(abs, Long.MIN_VALUE)).isEqualTo(twoTo63);
        assertThat(apply(negate, twoTo63)).isEqualTo(Long.MIN_VALUE);
        assertThat(apply(increment, Long.MAX_VALUE)).isEqualTo(twoTo63);
        assertThat(apply(twice, Long.MIN_VALUE)).isEqualTo(twoTo63.shiftLeft(1).negate());
    }

    @Test
    void resultsThatFitALongAreStoredAsLongsEvenFromBigInputs() throws Exception {
        BigInteger twoTo63 = BigInteger.TWO.pow(63);
        assertThat(apply(increment, twoTo63.negate().subtract(BigInteger.ONE))).isEqualTo(Long.MIN_VALUE);
        assertThat(apply(negate, twoTo63.negate().subtract(BigInteger.ONE))).isEqualTo(twoTo63.add(BigInteger.ONE));
    }

    @Test
    void signOfZeroFollowsIeee754AsInPython() throws Exception {
        assertThat(apply(twice, -0.0)).isEqualTo(-0.0);
        assertThat(apply(square, -0.0)).isEqualTo(0.0);
        assertThat(apply(cube, -0.0)).isEqualTo(-0.0);
        assertThat(apply(negate, 0.0)).isEqualTo(-0.0);
        assertThat(apply(negate, -0.0)).isEqualTo(0.0);
        assertThat(apply(abs, -0.0)).isEqualTo(0.0);
        assertThat(apply(increment, -1.0)).isEqualTo(0.0);
    }

    @Test
    void doublesStayDoublesEvenWhenIntegral() throws Exception {
        assertThat(apply(twice, 2.0)).isEqualTo(4.0);
        assertThat(apply(increment, 1e16)).isEqualTo(1e16);
        assertThat(apply(square, 0.1)).isEqualTo(0.010000000000000002);
    }

    @Test
    void aDoubleResultThatIsNotFiniteFailsTheItemWithAClearReason() {
        assertThatThrownBy(() -> apply(square, 1e200)).isInstanceOf(OperationException.class)
                .hasMessage("square(1.0E200) is not a finite number");
        assertThatThrownBy(() -> apply(twice, -Double.MAX_VALUE)).isInstanceOf(OperationException.class)
                .hasMessageContaining("double(");
        assertThatThrownBy(() -> apply(cube, 1e103)).isInstanceOf(OperationException.class);
    }

    @Test
    void everyNumberIsInsideTheDomain() {
        for (Operation operation : new Operation[] {twice, square, cube, negate, abs, increment}) {
            assertThat(refusal(operation, Long.MIN_VALUE)).isNull();
            assertThat(refusal(operation, -1e300)).isNull();
            assertThat(refusal(operation, TEN_TO_60)).isNull();
            assertThat(operation.info().kind()).isEqualTo(OperationKind.CPU);
        }
    }

    @Test
    void resultDigitsBoundTheDigitsOfTheResult() throws Exception {
        BigInteger big = TEN_TO_60.subtract(BigInteger.ONE);
        Object[] inputs = {0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, big, big.negate(), -1.5e300};
        for (Operation operation : new Operation[] {twice, square, cube, negate, abs, increment}) {
            for (Object input : inputs) {
                Object result;
                try {
                    result = apply(operation, input);
                } catch (OperationException notFinite) {
                    continue;
                }
                long digits = result.toString().replace("-", "").replace(".", "").length();
                if (!(result instanceof Double)) {
                    assertThat(operation.resultDigits(NumbersFixtures.numbers(input), 0))
                            .as("%s(%s)", operation.name(), input).isGreaterThanOrEqualTo(digits);
                }
            }
        }
    }

    private void assertExact(Object input, BigInteger x) throws Exception {
        assertInteger(twice, input, x.multiply(BigInteger.TWO));
        assertInteger(square, input, x.pow(2));
        assertInteger(cube, input, x.pow(3));
        assertInteger(negate, input, BigInteger.ZERO.subtract(x));
        assertInteger(abs, input, x.signum() < 0 ? BigInteger.ZERO.subtract(x) : x);
        assertInteger(increment, input, x.add(BigInteger.ONE));
    }

    private static void assertInteger(Operation operation, Object input, BigInteger expected) throws Exception {
        assertThat(apply(operation, input)).as("%s(%s)", operation.name(), input).isEqualTo(integer(expected));
    }

    private static void assertDouble(Operation operation, double x, double expected) throws Exception {
        if (Double.isInfinite(expected)) {
            assertThatThrownBy(() -> apply(operation, x)).as("%s(%s)", operation.name(), x)
                    .isInstanceOf(OperationException.class).hasMessageContaining("is not a finite number");
        } else if (expected == 0) {
            assertThat((double) apply(operation, x)).as("%s(%s)", operation.name(), x).isZero();
        } else {
            assertThat(apply(operation, x)).as("%s(%s)", operation.name(), x).isEqualTo(expected);
        }
    }
}
