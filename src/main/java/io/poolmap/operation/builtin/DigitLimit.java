package io.poolmap.operation.builtin;

import java.math.BigInteger;

/** The most decimal digits an integer input may have, checked against {@code 10^digits} and never by printing it. */
final class DigitLimit {

    private static final int LONG_DIGITS = 18;

    private final int digits;
    private final long longBound;
    private final BigInteger bigBound;

    DigitLimit(int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("a digit limit must be at least 1, not " + digits);
        }
        this.digits = digits;
        this.longBound = digits <= LONG_DIGITS ? BigInteger.TEN.pow(digits).longValueExact() : 0;
        this.bigBound = BigInteger.TEN.pow(digits);
    }

    int digits() {
        return digits;
    }

    /** The largest positive {@code long} within the limit, for a bulk loop that checks {@code 1 <= x <= largestLong()}. */
    long largestLong() {
        return digits <= LONG_DIGITS ? longBound - 1 : Long.MAX_VALUE;
    }

    /** True when integer {@code x} has more than the allowed digits (its sign not counted). */
    boolean exceeds(long x) {
        return digits <= LONG_DIGITS && (x >= longBound || x <= -longBound);
    }

    /** True when integer {@code x} has more than the allowed digits (its sign not counted). */
    boolean exceeds(BigInteger x) {
        return x.bitLength() >= bigBound.bitLength()
                && (x.signum() >= 0 ? x.compareTo(bigBound) >= 0 : x.negate().compareTo(bigBound) >= 0);
    }
}
