package io.poolmap.expression;

import java.math.BigInteger;

/**
 * Python's {@code int} arithmetic, exact at any size: on {@code long}s while the result fits (overflow is seen by a
 * branch, not an exception) and on {@link BigInteger}s beyond, every big result checked against the
 * {@link CostBudget}. Operands are ints already ({@code Long} or {@code BigInteger}, bools turned into ints).
 */
final class PyInt {

    private PyInt() {
    }

    static Object add(Object a, Object b, CostBudget budget) {
        if (a instanceof Long x && b instanceof Long y) {
            long sum = x + y;
            if (((x ^ sum) & (y ^ sum)) >= 0) {
                return sum;
            }
        }
        BigInteger x = PyValues.big(a);
        BigInteger y = PyValues.big(b);
        budget.charge(CostBudget.words(x) + CostBudget.words(y), "+");
        return budget.checked(x.add(y), "+");
    }

    static Object subtract(Object a, Object b, CostBudget budget) {
        if (a instanceof Long x && b instanceof Long y) {
            long difference = x - y;
            if (((x ^ y) & (x ^ difference)) >= 0) {
                return difference;
            }
        }
        BigInteger x = PyValues.big(a);
        BigInteger y = PyValues.big(b);
        budget.charge(CostBudget.words(x) + CostBudget.words(y), "-");
        return budget.checked(x.subtract(y), "-");
    }

    static Object multiply(Object a, Object b, CostBudget budget) {
        if (a instanceof Long x && b instanceof Long y && productFits(x, y)) {
            return x * y;
        }
        BigInteger x = PyValues.big(a);
        BigInteger y = PyValues.big(b);
        budget.refuseProduct(x.bitLength(), y.bitLength());
        budget.chargeProduct(x, y, "*");
        return budget.checked(x.multiply(y), "*");
    }

    /** True when {@code a * b} fits a {@code long}: the high word of the 128-bit product is the sign of the low one. */
    static boolean productFits(long a, long b) {
        return Math.multiplyHigh(a, b) == (a * b) >> 63;
    }

    static Object floorDivide(Object a, Object b, CostBudget budget) {
        if (a instanceof Long x && b instanceof Long y) {
            if (y == 0) {
                throw PyError.zeroDivision("integer division or modulo by zero");
            }
            if (x != Long.MIN_VALUE || y != -1) {
                return Math.floorDiv(x, y);
            }
        }
        BigInteger divisor = PyValues.big(b);
        if (divisor.signum() == 0) {
            throw PyError.zeroDivision("integer division or modulo by zero");
        }
        BigInteger dividend = PyValues.big(a);
        budget.chargeProduct(dividend, divisor, "//");
        BigInteger[] qr = dividend.divideAndRemainder(divisor);
        BigInteger quotient = qr[1].signum() != 0 && qr[1].signum() != divisor.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
        return budget.checked(quotient, "//");
    }

    static Object modulo(Object a, Object b, CostBudget budget) {
        if (a instanceof Long x && b instanceof Long y) {
            if (y == 0) {
                throw PyError.zeroDivision("integer modulo by zero");
            }
            return Math.floorMod(x, y);
        }
        BigInteger divisor = PyValues.big(b);
        if (divisor.signum() == 0) {
            throw PyError.zeroDivision("integer modulo by zero");
        }
        BigInteger dividend = PyValues.big(a);
        budget.chargeProduct(dividend, divisor, "%");
        BigInteger remainder = dividend.remainder(divisor);
        return PyValues.integer(remainder.signum() != 0 && remainder.signum() != divisor.signum() ? remainder.add(divisor) : remainder);
    }

    static Object negate(Object a, CostBudget budget) {
        if (a instanceof Long x && x != Long.MIN_VALUE) {
            return -x;
        }
        BigInteger x = PyValues.big(a);
        budget.charge(CostBudget.words(x), "-");
        return budget.checked(x.negate(), "-");
    }

    static Object abs(Object a, CostBudget budget) {
        if (a instanceof Long x && x != Long.MIN_VALUE) {
            return Math.abs(x);
        }
        BigInteger x = PyValues.big(a);
        budget.charge(CostBudget.words(x), "abs");
        return budget.checked(x.abs(), "abs");
    }

    /** {@code a ** b}: exact for {@code b ≥ 0}; for {@code b < 0} Python computes {@code float(a) ** float(b)}. */
    static Object power(Object a, Object b, CostBudget budget) {
        BigInteger exponent = PyValues.big(b);
        if (exponent.signum() < 0) {
            return PyFloat.power(PyValues.toDouble(a), PyValues.toDouble(b));
        }
        BigInteger base = PyValues.big(a);
        if (exponent.signum() == 0) {
            return 1L;
        }
        if (base.abs().bitLength() <= 1) {
            return base.signum() >= 0 || !exponent.testBit(0) ? (Object) base.abs().longValue() : (Object) (-1L);
        }
        budget.refusePower(base.abs().bitLength(), exponent);
        int e = exponent.intValue();
        if (a instanceof Long x) {
            long result = 1;
            long square = x;
            for (int rest = e; ; rest >>= 1) {
                if ((rest & 1) != 0) {
                    if (!productFits(result, square)) {
                        return bigPower(base, e, budget);
                    }
                    result *= square;
                }
                if (rest == 1) {
                    return result;
                }
                if (!productFits(square, square)) {
                    return bigPower(base, e, budget);
                }
                square *= square;
            }
        }
        return bigPower(base, e, budget);
    }

    /** A power by repeated squaring costs about the square of its result's words. */
    private static Object bigPower(BigInteger base, int exponent, CostBudget budget) {
        long words = (long) base.abs().bitLength() * exponent / 64 + 1;
        budget.charge(words * words, "**");
        return budget.checked(base.pow(exponent), "**");
    }
}
