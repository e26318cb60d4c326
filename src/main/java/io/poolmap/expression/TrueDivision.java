package io.poolmap.expression;

import java.math.BigInteger;

/**
 * Python's {@code int / int}: the exact quotient rounded once to the nearest double (half to even), however large
 * the operands ({@code 10**400 / 10**399 == 10.0}), as CPython's {@code long_true_divide} does: a quotient of 55 or
 * 56 bits plus a sticky bit for the remainder, rounded by hand, then scaled exactly. A quotient too large for a
 * double raises {@code OverflowError}; one too small becomes a zero with the quotient's sign.
 */
final class TrueDivision {

    private static final long TWO_TO_53 = 1L << 53;
    private static final int MANTISSA_BITS = 53;
    private static final int MIN_EXPONENT = -1021;
    private static final int MAX_EXPONENT = 1024;

    private TrueDivision() {
    }

    static double divide(long a, long b) {
        if (b == 0) {
            throw PyError.zeroDivision("division by zero");
        }
        if (-TWO_TO_53 <= a && a <= TWO_TO_53 && -TWO_TO_53 <= b && b <= TWO_TO_53) {
            return (double) a / (double) b;
        }
        return divide(BigInteger.valueOf(a), BigInteger.valueOf(b));
    }

    static double divide(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return divide((long) x, (long) y);
        }
        return divide(PyValues.big(a), PyValues.big(b));
    }

    static double divide(BigInteger a, BigInteger b) {
        if (b.signum() == 0) {
            throw PyError.zeroDivision("division by zero");
        }
        boolean negative = (a.signum() < 0) != (b.signum() < 0);
        double magnitude = a.signum() == 0 ? 0.0 : divideMagnitudes(a.abs(), b.abs());
        return negative ? -magnitude : magnitude;
    }

    private static double divideMagnitudes(BigInteger n, BigInteger d) {
        int diff = n.bitLength() - d.bitLength();
        if (diff > MAX_EXPONENT) {
            throw overflow();
        }
        if (diff < MIN_EXPONENT - MANTISSA_BITS - 1) {
            return 0.0;
        }
        int shift = Math.max(diff, MIN_EXPONENT) - MANTISSA_BITS - 2;
        boolean inexact = false;
        BigInteger x;
        if (shift <= 0) {
            x = n.shiftLeft(-shift);
        } else {
            x = n.shiftRight(shift);
            inexact = n.getLowestSetBit() < shift;
        }
        BigInteger[] qr = x.divideAndRemainder(d);
        inexact |= qr[1].signum() != 0;
        long q = qr[0].longValueExact();
        int qBits = 64 - Long.numberOfLeadingZeros(q);
        int extraBits = Math.max(qBits, MIN_EXPONENT - shift) - MANTISSA_BITS;
        long mask = 1L << (extraBits - 1);
        long low = q | (inexact ? 1 : 0);
        if ((low & mask) != 0 && (low & (3 * mask - 1)) != 0) {
            low += mask;
        }
        q = low & ~(2 * mask - 1);
        double dx = (double) q;
        if (shift + qBits >= MAX_EXPONENT && (shift + qBits > MAX_EXPONENT || dx == Math.scalb(1.0, qBits))) {
            throw overflow();
        }
        return Math.scalb(dx, shift);
    }

    private static PyError overflow() {
        return PyError.overflow("integer division result too large for a float");
    }
}
