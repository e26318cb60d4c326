package io.poolmap.operation.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.NumbersFixtures;

class ExactMathTest {

    @Provide
    Arbitrary<Long> nearSquareRootOfLongMax() {
        return Arbitraries.longs().between(3_037_000_000L, 3_037_001_000L).flatMap(x -> Arbitraries.of(x, -x));
    }

    @Property(tries = 5000)
    void productFitsExactlyWhenTheBigIntegerProductFitsALong(@ForAll long a, @ForAll long b) {
        BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
        assertThat(ExactMath.productFits(a, b)).as("%d × %d", a, b).isEqualTo(product.bitLength() < 64);
    }

    @Property
    void productFitsIsExactAroundTheSquareRootOfLongMax(@ForAll("nearSquareRootOfLongMax") long a,
            @ForAll("nearSquareRootOfLongMax") long b) {
        BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
        assertThat(ExactMath.productFits(a, b)).as("%d × %d", a, b).isEqualTo(product.bitLength() < 64);
    }

    @Property
    void productOfARangeIsTheProductOfItsIntegers(@ForAll @IntRange(min = 1, max = 5000) int lo,
            @ForAll @IntRange(min = 0, max = 400) int length) {
        BigInteger expected = BigInteger.ONE;
        for (int k = lo; k < lo + length; k++) {
            expected = expected.multiply(BigInteger.valueOf(k));
        }
        assertThat(ExactMath.product(lo, lo + length - 1)).isEqualTo(expected);
    }

    @Property(tries = 2000)
    void digitsBoundTheDigitsOfAnyInteger(@ForAll long x, @ForAll @IntRange(min = 0, max = 80) int shift) {
        BigInteger value = BigInteger.valueOf(x).shiftLeft(shift);
        long digits = value.abs().toString().length();
        assertThat(ExactMath.digits(NumbersFixtures.numbers(NumbersFixtures.integer(value)), 0))
                .as("digits of %s", value).isGreaterThanOrEqualTo(digits).isLessThanOrEqualTo(digits + 1);
    }

    @Test
    void aDigitLimitAllowsExactlyThatManyDigitsForLongsAndBigIntegers() {
        for (int limit = 1; limit <= 25; limit++) {
            DigitLimit digits = new DigitLimit(limit);
            BigInteger largest = BigInteger.TEN.pow(limit).subtract(BigInteger.ONE);
            for (BigInteger allowed : new BigInteger[] {largest, largest.negate(), BigInteger.ZERO}) {
                assertThat(exceeds(digits, allowed)).as("%s within %d digits", allowed, limit).isFalse();
            }
            BigInteger smallestRefused = largest.add(BigInteger.ONE);
            for (BigInteger refused : new BigInteger[] {smallestRefused, smallestRefused.negate()}) {
                assertThat(exceeds(digits, refused)).as("%s beyond %d digits", refused, limit).isTrue();
            }
        }
        assertThat(new DigitLimit(18).exceeds(Long.MIN_VALUE)).isTrue();
        assertThat(new DigitLimit(19).exceeds(Long.MIN_VALUE)).isFalse();
        assertThat(new DigitLimit(19).exceeds(Long.MAX_VALUE)).isFalse();
    }

    private static boolean exceeds(DigitLimit limit, BigInteger value) {
        return value.bitLength() < 64 ? limit.exceeds(value.longValueExact()) : limit.exceeds(value);
    }
}
