package io.poolmap.operation.builtin;

import static io.poolmap.testing.ForAll.forAll;
import static io.poolmap.testing.Generators.ints;
import static io.poolmap.testing.Generators.longs;
import static io.poolmap.testing.Generators.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import io.poolmap.testing.Generator;
import org.junit.jupiter.api.Test;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.NumbersFixtures;

class ExactMathTest {

    /** Two longs, or an int and a long: the arguments of one check. */
    private record Pair<A, B>(A first, B second) {

        static <A, B> Generator<Pair<A, B>> of(Generator<A> first, Generator<B> second) {
            return random -> new Pair<>(first.next(random), second.next(random));
        }
    }

    @Test
    void productFitsExactlyWhenTheBigIntegerProductFitsALong() {
        forAll(5000, Pair.of(longs(), longs()), pair -> assertProductFitsExactly(pair.first(), pair.second()));
    }

    @Test
    void productFitsIsExactAroundTheSquareRootOfLongMax() {
        Generator<Long> near = longs(3_037_000_000L, 3_037_001_000L);
        Generator<Long> nearSquareRootOfLongMax = oneOf(near, near.map(x -> -x));
        forAll(1000, Pair.of(nearSquareRootOfLongMax, nearSquareRootOfLongMax),
                pair -> assertProductFitsExactly(pair.first(), pair.second()));
    }

    @Test
    void productOfARangeIsTheProductOfItsIntegers() {
        forAll(1000, Pair.of(ints(1, 5000), ints(0, 400)), pair -> {
            int lo = pair.first();
            int length = pair.second();
            BigInteger expected = BigInteger.ONE;
            for (int k = lo; k < lo + length; k++) {
                expected = expected.multiply(BigInteger.valueOf(k));
            }
            assertThat(ExactMath.product(lo, lo + length - 1)).isEqualTo(expected);
        });
    }

    @Test
    void digitsBoundTheDigitsOfAnyInteger() {
        forAll(2000, Pair.of(longs(), ints(0, 80)), pair -> {
            BigInteger value = BigInteger.valueOf(pair.first()).shiftLeft(pair.second());
            long digits = value.abs().toString().length();
            assertThat(ExactMath.digits(NumbersFixtures.numbers(NumbersFixtures.integer(value)), 0))
                    .as("digits of %s", value).isGreaterThanOrEqualTo(digits).isLessThanOrEqualTo(digits + 1);
        });
    }

    private static void assertProductFitsExactly(long a, long b) {
        BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
        assertThat(ExactMath.productFits(a, b)).as("%d × %d", a, b).isEqualTo(product.bitLength() < 64);
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
