package io.poolmap.expression;

import java.math.BigInteger;

/**
 * The cost limits of one item ({@link ExpressionLimits}): the most decimal digits an integer may have anywhere in
 * its evaluation, checked against {@code 10^digits} by bit length, never by printing; and the most work it may do on
 * integers beyond a {@code long}, charged before each operation in 64-bit word products (a product of {@code m} and
 * {@code n} words costs {@code m × n}, a gcd 128 times its square). Both refuse an operation before it is computed,
 * so that {@code 10**10**10} costs nothing. The compiler holds a template; each item gets its own copy
 * ({@link #forItem()}), whose work is used up by that item alone.
 */
final class CostBudget {

    private final int digits;
    private final BigInteger bound;
    private final int maxBits;
    private final long maxWork;
    private long workLeft;

    CostBudget(int digits, long maxWork) {
        if (digits < ExpressionLimits.MIN_DIGITS) {
            throw new IllegalArgumentException("poolmap.expressions.max-digits must be at least "
                    + ExpressionLimits.MIN_DIGITS + " (every long fits), not " + digits);
        }
        this.digits = digits;
        this.bound = BigInteger.TEN.pow(digits);
        this.maxBits = bound.bitLength();
        this.maxWork = maxWork;
        this.workLeft = maxWork;
    }

    private CostBudget(CostBudget template) {
        this.digits = template.digits;
        this.bound = template.bound;
        this.maxBits = template.maxBits;
        this.maxWork = template.maxWork;
        this.workLeft = template.maxWork;
    }

    /** A fresh budget for one item, to be used by one thread. */
    CostBudget forItem() {
        return new CostBudget(this);
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
            throw digitsExceeded(operation);
        }
        return value;
    }

    /** Refuses, before computing it, a product of integers of these bit lengths that must pass the budget. */
    void refuseProduct(long bitsA, long bitsB) {
        if (bitsA > 0 && bitsB > 0 && bitsA + bitsB - 1 > maxBits) {
            throw digitsExceeded("*");
        }
    }

    /**
     * Refuses, before computing it, {@code base ** exponent} for {@code |base| ≥ 2} of {@code baseBits} bits when the
     * result must pass the budget: it has at least {@code (baseBits - 1) × exponent + 1} bits. When this does not
     * refuse, the result has at most twice the budget's bits, so computing it stays cheap.
     */
    void refusePower(int baseBits, BigInteger exponent) {
        if (exponent.bitLength() > 31 || (long) (baseBits - 1) * exponent.intValue() + 1 > maxBits) {
            throw digitsExceeded("**");
        }
    }

    /** Charges {@code work} word products for {@code operation}, refusing it when the item has not that much left. */
    void charge(long work, String operation) {
        workLeft -= work;
        if (workLeft < 0) {
            throw PyError.limit("the item would do more than " + maxWork + " units of work on large integers, at "
                    + operation + " (poolmap.expressions.max-work)");
        }
    }

    /** The work of a product or quotient of these integers: one word product per pair of words. */
    void chargeProduct(BigInteger a, BigInteger b, String operation) {
        charge(words(a) * words(b), operation);
    }

    /** The 64-bit words of {@code value}, at least one. */
    static long words(BigInteger value) {
        return (value.bitLength() >> 6) + 1;
    }

    PyError digitsExceeded(String operation) {
        return PyError.limit("the result of " + operation + " would have more than " + digits
                + " digits (poolmap.expressions.max-digits)");
    }
}
