package io.poolmap.expression;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Python's comparisons of numbers: exact between an int and a float ({@code 2**53 + 1 > 2.0**53} is true, although
 * the int would round to that float), IEEE-754 between floats (NaN is unordered: only {@code !=} holds; {@code -0.0
 * == 0.0}).
 */
final class PyCompare {

    /** The outcome of comparing with a NaN. */
    static final int UNORDERED = 2;

    private static final double TWO_TO_63 = 0x1p63;

    private PyCompare() {
    }

    /** -1, 0 or 1 as {@code a} is less than, equal to or greater than {@code b}, or {@link #UNORDERED}. */
    static int compare(Object a, Object b) {
        Object x = PyValues.unbool(a);
        Object y = PyValues.unbool(b);
        if (x instanceof Double u) {
            return y instanceof Double v ? compare((double) u, (double) v) : flip(compare(y, (double) u));
        }
        if (y instanceof Double v) {
            return compare(x, (double) v);
        }
        if (x instanceof Long u && y instanceof Long v) {
            return Long.compare(u, v);
        }
        return PyValues.big(x).compareTo(PyValues.big(y));
    }

    static int compare(double a, double b) {
        return a < b ? -1 : a > b ? 1 : a == b ? 0 : UNORDERED;
    }

    /** An int (not a bool) against a double, exactly. */
    private static int compare(Object integer, double b) {
        return integer instanceof Long x ? compare((long) x, b) : compare((BigInteger) integer, b);
    }

    /** A long against a double, exactly: below 2^63 in magnitude the double's floor is a long. */
    static int compare(long a, double b) {
        if (Double.isNaN(b)) {
            return UNORDERED;
        }
        if (b >= TWO_TO_63) {
            return -1;
        }
        if (b < -TWO_TO_63) {
            return 1;
        }
        double floor = Math.floor(b);
        int outcome = Long.compare(a, (long) floor);
        if (outcome != 0) {
            return outcome;
        }
        return floor == b ? 0 : -1;
    }

    private static int compare(BigInteger a, double b) {
        if (Double.isNaN(b)) {
            return UNORDERED;
        }
        if (Double.isInfinite(b)) {
            return b > 0 ? -1 : 1;
        }
        if (a.bitLength() > 1100) {
            return a.signum();
        }
        return new BigDecimal(a).compareTo(new BigDecimal(b));
    }

    /** The opposite outcome: {@code compare(b, a)} from {@code compare(a, b)}. */
    static int flip(int outcome) {
        return outcome == UNORDERED ? UNORDERED : -outcome;
    }
}
