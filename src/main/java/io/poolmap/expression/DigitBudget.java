package io.poolmap.expression;

import java.math.BigInteger;

/**
 * The most decimal digits an integer may have anywhere in an evaluation ({@link ExpressionLimits#maxDigits()}),
 * checked against {@code 10^digits} by bit length, never by printing; {@link #refuseProduct} and
 * {@link #refusePower} look before a multiplication or a power is computed, so that {@code 10**10**10} costs
 * nothing.
 */
final class DigitBudget {

    private final int digits;
    private final BigInteger bound;
    private final int maxBits;

    DigitBudget(int digits) {
        if (digits < ExpressionLimits.MIN_DIGITS) {
            throw new IllegalArgumentException("poolmap.expressions.max-digits must be at least "
                    + ExpressionLimits.MIN_DIGITS + " (every long fits), not " + digits);
        }
        this.digits = digits;
        this.bound = BigInteger.TEN.pow(digits);
        this.maxBits = bound.bitLength();
    }

    /** No integer with more bits than this is within the budget (one with exactly as many may be). */
    int maxBits() {
        return maxBits;
    }

    int digits() {
        return digits;
    }

    /** {@code value} itself, normalised to a {@code Long} when it fits, when it has at most the allowed digits. */
    Object checked(BigInteger value, String operation) {
        int bits = value.bitLength();
        if (bits < 64) {
            return value.longValue();
        }
        if (bits > maxBits || bits == maxBits && value.abs().compareTo(bound) >= 0) {
            throw exceeded(operation);
        }
        return value;
    }

    /** Refuses, before computing it, a product of integers of these bit lengths that must pass the budget. */
    void refuseProduct(long bitsA, long bitsB) {
        if (bitsA > 0 && bitsB > 0 && bitsA + bitsB - 1 > maxBits) {
            throw exceeded("*");
        }
    }

    /**
     * Refuses, before computing it, {@code base ** exponent} for {@code |base| ≥ 2} of {@code baseBits} bits when the
     * result must pass the budget: it has at least {@code (baseBits - 1) × exponent + 1} bits. When this does not
     * refuse, the result has at most twice the budget's bits, so computing it stays cheap.
     */
    void refusePower(int baseBits, BigInteger exponent) {
        if (exponent.bitLength() > 31 || (long) (baseBits - 1) * exponent.intValue() + 1 > maxBits) {
            throw exceeded("**");
        }
    }

    PyError exceeded(String operation) {
        return PyError.limit("the result of " + operation + " would have more than " + digits
                + " digits (poolmap.expressions.max-digits)");
    }
}
