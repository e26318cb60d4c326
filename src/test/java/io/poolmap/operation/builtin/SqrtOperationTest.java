package io.poolmap.operation.builtin;

import static io.poolmap.operation.NumbersFixtures.apply;
import static io.poolmap.operation.NumbersFixtures.integer;
import static io.poolmap.operation.NumbersFixtures.refusal;
import static io.poolmap.testing.ForAll.forAll;
import static io.poolmap.testing.Generators.bigIntegers;
import static io.poolmap.testing.Generators.doubles;
import static io.poolmap.testing.Generators.longs;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import io.poolmap.operation.Operation;
import io.poolmap.operation.NumbersFixtures;

class SqrtOperationTest {

    /** The smallest integer that rounds to infinity as a double: halfway between Double.MAX_VALUE and 2^1024. */
    private static final BigInteger ROUNDS_TO_INFINITY = BigInteger.TWO.pow(1024).subtract(BigInteger.TWO.pow(970));

    private final Operation sqrt = new SqrtOperation();

    @Test
    void sqrtOfALongIsTheSqrtOfItsCorrectlyRoundedDouble() {
        forAll(2000, longs(0, Long.MAX_VALUE),
                x -> assertThat(apply(sqrt, x)).isEqualTo(Math.sqrt(new BigDecimal(x).doubleValue())));
    }

    @Test
    void sqrtOfAHugeIntegerIsTheSqrtOfItsCorrectlyRoundedDouble() {
        forAll(2000, bigIntegers(BigInteger.ZERO, ROUNDS_TO_INFINITY.subtract(BigInteger.ONE)), x -> {
            assertThat(refusal(sqrt, integer(x))).isNull();
            assertThat(apply(sqrt, integer(x))).isEqualTo(Math.sqrt(new BigDecimal(x).doubleValue()));
        });
    }

    @Test
    void sqrtOfADoubleIsMathSqrt() {
        forAll(2000, doubles(0, Double.MAX_VALUE), x -> assertThat(apply(sqrt, x)).isEqualTo(Math.sqrt(x)));
    }

    @Test
    void sqrtIsAlwaysADoubleAsInPython() throws Exception {
        assertThat(apply(sqrt, 4L)).isEqualTo(2.0);
        assertThat(apply(sqrt, 0L)).isEqualTo(0.0);
        assertThat(apply(sqrt, 2L)).isEqualTo(1.4142135623730951);
        assertThat(apply(sqrt, -0.0)).isEqualTo(-0.0);
        assertThat(apply(sqrt, Long.MAX_VALUE)).isEqualTo(3.037000499976050E9);
        assertThat(apply(sqrt, BigInteger.TEN.pow(300))).isEqualTo(1e150);
    }

    @Test
    void negativeNumbersAreOutsideTheDomain() {
        assertThat(refusal(sqrt, -1L)).isEqualTo("sqrt needs a number ≥ 0");
        assertThat(refusal(sqrt, Long.MIN_VALUE)).isEqualTo("sqrt needs a number ≥ 0");
        assertThat(refusal(sqrt, -1e-300)).isEqualTo("sqrt needs a number ≥ 0");
        assertThat(refusal(sqrt, BigInteger.TEN.pow(30).negate())).isEqualTo("sqrt needs a number ≥ 0");
        assertThat(refusal(sqrt, 0L)).isNull();
        assertThat(refusal(sqrt, -0.0)).isNull();
    }

    @Test
    void integersThatDoNotFitADoubleAreOutsideTheDomainAsPythonRaisesOverflowError() {
        assertThat(refusal(sqrt, ROUNDS_TO_INFINITY)).isEqualTo("sqrt needs an integer that fits a double");
        assertThat(refusal(sqrt, BigInteger.TEN.pow(400))).isEqualTo("sqrt needs an integer that fits a double");
        assertThat(refusal(sqrt, ROUNDS_TO_INFINITY.subtract(BigInteger.ONE))).isNull();
    }
}
