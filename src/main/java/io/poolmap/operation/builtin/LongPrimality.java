package io.poolmap.operation.builtin;

/**
 * Exact primality of every {@code long}, with no {@link java.math.BigInteger}: trial division by the primes below
 * 100, then deterministic Miller–Rabin with the first twelve primes as bases (enough below 2^64), stopping after
 * fewer bases where a smaller bound is proven (Jaeschke 1993; Sorenson and Webster 2015).
 */
final class LongPrimality {

    private static final int[] SMALL_PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61,
        67, 71, 73, 79, 83, 89, 97};
    /** Below 101², a number with no prime factor below 100 is prime. */
    private static final long TRIAL_DIVISION_PROVES_BELOW = 101 * 101;
    private static final long[] BASES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};
    /** A number below {@code ENOUGH_BELOW[k]} that passes bases {@code 0..k} is prime; 0 where no bound is known. */
    private static final long[] ENOUGH_BELOW = {2_047L, 1_373_653L, 25_326_001L, 3_215_031_751L, 2_152_302_898_747L,
        3_474_749_660_383L, 341_550_071_728_321L, 341_550_071_728_321L, 3_825_123_056_546_413_051L, 0, 0, 0};
    /** Below this, a product of two residues fits a {@code long}, so plain {@code %} works. */
    private static final long PLAIN_PRODUCTS_BELOW = 3_037_000_499L;

    private LongPrimality() {
    }

    static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        for (int p : SMALL_PRIMES) {
            if (n % p == 0) {
                return n == p;
            }
        }
        if (n < TRIAL_DIVISION_PROVES_BELOW) {
            return true;
        }
        int s = Long.numberOfTrailingZeros(n - 1);
        long d = (n - 1) >>> s;
        if (n < PLAIN_PRODUCTS_BELOW) {
            for (int k = 0; k < BASES.length; k++) {
                if (!passesPlain(n, BASES[k], d, s)) {
                    return false;
                }
                if (n < ENOUGH_BELOW[k]) {
                    return true;
                }
            }
            return true;
        }
        long nInverse = inverse(n);
        long one = Long.remainderUnsigned(-n, n);
        long rSquared = one;
        for (int bit = 0; bit < 64; bit++) {
            rSquared = rSquared << 1;
            if (rSquared < 0 || rSquared >= n) {
                rSquared -= n;
            }
        }
        for (int k = 0; k < BASES.length; k++) {
            long base = multiply(BASES[k], rSquared, n, nInverse);
            if (!passesMontgomery(n, nInverse, one, base, d, s)) {
                return false;
            }
            if (n < ENOUGH_BELOW[k]) {
                return true;
            }
        }
        return true;
    }

    private static boolean passesPlain(long n, long a, long d, int s) {
        long x = 1;
        for (long b = a, e = d; e > 0; e >>>= 1, b = b * b % n) {
            if ((e & 1) != 0) {
                x = x * b % n;
            }
        }
        for (int r = 0; x != 1 && x != n - 1; r++) {
            if (r == s - 1) {
                return false;
            }
            x = x * x % n;
            if (x == 1) {
                return false;
            }
        }
        return true;
    }

    private static boolean passesMontgomery(long n, long nInverse, long one, long base, long d, int s) {
        long minusOne = n - one;
        long x = one;
        for (long b = base, e = d; e > 0; e >>>= 1, b = multiply(b, b, n, nInverse)) {
            if ((e & 1) != 0) {
                x = multiply(x, b, n, nInverse);
            }
        }
        for (int r = 0; x != one && x != minusOne; r++) {
            if (r == s - 1) {
                return false;
            }
            x = multiply(x, x, n, nInverse);
            if (x == one) {
                return false;
            }
        }
        return true;
    }

    /** Montgomery product a·b / 2^64 mod n for odd n < 2^63 and residues below n; the low words cancel exactly. */
    static long multiply(long a, long b, long n, long nInverse) {
        long m = a * b * nInverse;
        long t = Math.multiplyHigh(a, b) - Math.unsignedMultiplyHigh(m, n);
        return t < 0 ? t + n : t;
    }

    /** n^-1 mod 2^64 for odd n by Newton's iteration, each step doubling the correct low bits (3, 6, …, 96). */
    static long inverse(long n) {
        long x = n;
        for (int i = 0; i < 5; i++) {
            x *= 2 - n * x;
        }
        return x;
    }
}
