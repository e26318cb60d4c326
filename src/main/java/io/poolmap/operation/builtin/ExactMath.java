package io.poolmap.operation.builtin;

import java.math.BigInteger;

import io.poolmap.operation.Numbers;

/** Exact-integer helpers that tell an overflow by a branch, not an exception, so that hot loops stay cheap. */
final class ExactMath {

    private static final double DIGITS_PER_BIT = Math.log10(2);

    private ExactMath() {
    }

    /** True when {@code a * b} fits a {@code long}: the high word of the 128-bit product is the sign of the low one. */
    static boolean productFits(long a, long b) {
        return Math.multiplyHigh(a, b) == (a * b) >> 63;
    }

    /** An upper bound on the decimal digits of a non-negative integer below {@code 2^bits}. */
    static long digitsOfBits(long bits) {
        return (long) (bits * DIGITS_PER_BIT) + 1;
    }

    /** An upper bound on the decimal digits of item {@code i}, sign not counted; a double counts as 17 digits. */
    static long digits(Numbers numbers, int i) {
        return switch (numbers.kind(i)) {
            case LONG -> {
                long x = numbers.longAt(i);
                yield digitsOfBits(64 - Long.numberOfLeadingZeros(x == Long.MIN_VALUE ? x : Math.abs(x)));
            }
            case BIG -> digitsOfBits(numbers.bigAt(i).bitLength() + 1);
            case DOUBLE -> 17;
            case BOOLEAN -> 1;
        };
    }

    /** The product lo × … × hi by binary splitting, so that the big multiplications are of balanced sizes. */
    static BigInteger product(int lo, int hi) {
        if (hi - lo < 16) {
            BigInteger result = BigInteger.ONE;
            long partial = 1;
            for (long k = lo; k <= hi; k++) {
                if (productFits(partial, k)) {
                    partial *= k;
                } else {
                    result = result.multiply(BigInteger.valueOf(partial));
                    partial = k;
                }
            }
            return result.multiply(BigInteger.valueOf(partial));
        }
        int mid = (lo + hi) >>> 1;
        return product(lo, mid).multiply(product(mid + 1, hi));
    }
}
