package io.poolmap.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Python's {@code sqrt exp log floor ceil round} as CPython 3.11 computes them ({@code math_1}, {@code loghelper},
 * {@code float___round__}, {@code long_round}), with its error types and messages. {@code log} of an int too large
 * for a double is computed from its mantissa and exponent, as CPython does, so {@code log(10**400)} works.
 */
final class PyMath {

    private static final double LN2 = Math.log(2.0);
    /** CPython's {@code NDIGITS_MAX}: rounding a double to more decimals than this changes nothing. */
    private static final int ROUND_DIGITS_MAX = 323;
    /** CPython's {@code NDIGITS_MIN}: rounding a double to fewer decimals than this gives a zero. */
    private static final int ROUND_DIGITS_MIN = -308;

    private PyMath() {
    }

    static double sqrt(double x) {
        double result = Math.sqrt(x);
        if (Double.isNaN(result) && !Double.isNaN(x)) {
            throw domainError();
        }
        return result;
    }

    static double exp(double x) {
        double result = Math.exp(x);
        if (Double.isInfinite(result) && Double.isFinite(x)) {
            throw PyError.overflow("math range error");
        }
        return result;
    }

    static double log(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x > 0.0) {
            return Math.log(x);
        }
        throw domainError();
    }

    /** {@code math.log(x)} of any number: an int beyond a double is split into mantissa and exponent first. */
    static double log(Object x) {
        Object value = PyValues.unbool(x);
        if (value instanceof BigInteger big) {
            if (big.signum() <= 0) {
                throw domainError();
            }
            double converted = big.doubleValue();
            if (Double.isInfinite(converted)) {
                return logOfHuge(big);
            }
            return log(converted);
        }
        return log(PyValues.toDouble(value));
    }

    /** {@code math.log(x, base)}: {@code log(x) / log(base)}, a float division. */
    static double log(Object x, Object base) {
        double numerator = log(x);
        return PyFloat.divide(numerator, log(base));
    }

    /** CPython's {@code _PyLong_Frexp}: {@code n = m × 2^e}, {@code m} in [0.5, 1) rounded half to even. */
    private static double logOfHuge(BigInteger n) {
        int bits = n.bitLength();
        int shift = bits - 55;
        long top = n.shiftRight(shift).longValueExact() | (n.getLowestSetBit() < shift ? 1 : 0);
        double mantissa = Math.scalb((double) top, -55);
        int exponent = bits;
        if (mantissa == 1.0) {
            mantissa = 0.5;
            exponent++;
        }
        return Math.log(mantissa) + LN2 * exponent;
    }

    /** {@code math.floor}: an int is itself; a float's floor as an exact int. */
    static Object floor(Object x, CostBudget budget) {
        Object value = PyValues.unbool(x);
        return value instanceof Double real ? toInt(Math.floor(real), budget) : value;
    }

    static Object ceil(Object x, CostBudget budget) {
        Object value = PyValues.unbool(x);
        return value instanceof Double real ? toInt(Math.ceil(real), budget) : value;
    }

    /** {@code round(x)}: an int is itself; a float rounds half to even to an int. */
    static Object round(Object x, CostBudget budget) {
        Object value = PyValues.unbool(x);
        return value instanceof Double real ? toInt(Math.rint(real), budget) : value;
    }

    /** {@code round(x, n)}: {@code n} must be an int; an int stays an int, a float stays a float. */
    static Object round(Object x, Object n, CostBudget budget) {
        Object digits = PyValues.index(n);
        Object value = PyValues.unbool(x);
        if (value instanceof Double real) {
            long clamped = digits instanceof Long small ? small : ((BigInteger) digits).signum() * Long.MAX_VALUE;
            return roundDouble(real, clamped);
        }
        BigInteger integer = PyValues.big(value);
        BigInteger places = PyValues.big(digits);
        if (places.signum() >= 0) {
            return value;
        }
        long decimals = (long) (integer.bitLength() * 0.30103) + 1;
        if (places.negate().compareTo(BigInteger.valueOf(decimals)) > 0) {
            return 0L;
        }
        int powerOfTen = places.negate().intValueExact();
        long unitWords = (long) (powerOfTen * 3.33) / 64 + 1;
        budget.charge(unitWords * (unitWords + CostBudget.words(integer)), "round");
        BigInteger unit = BigInteger.TEN.pow(powerOfTen);
        BigInteger[] qr = integer.divideAndRemainder(unit);
        BigInteger remainder = qr[1].signum() < 0 ? qr[1].add(unit) : qr[1];
        BigInteger quotient = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        int half = remainder.shiftLeft(1).compareTo(unit);
        if (half > 0 || half == 0 && quotient.testBit(0)) {
            remainder = remainder.subtract(unit);
        }
        return budget.checked(integer.subtract(remainder), "round");
    }

    /** A double rounded to {@code n} decimals, half to even on the exact decimal value, as CPython's dtoa does. */
    static double roundDouble(double x, long n) {
        if (!Double.isFinite(x) || n > ROUND_DIGITS_MAX) {
            return x;
        }
        if (n < ROUND_DIGITS_MIN) {
            return 0.0 * x;
        }
        double rounded = new BigDecimal(Math.abs(x)).setScale((int) n, RoundingMode.HALF_EVEN).doubleValue();
        if (Double.isInfinite(rounded)) {
            throw PyError.overflow("rounded value too large to represent");
        }
        return Math.copySign(rounded, x);
    }

    /** CPython's {@code PyLong_FromDouble} of an integral double. */
    static Object toInt(double integral, CostBudget budget) {
        if (Double.isNaN(integral)) {
            throw PyError.value("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(integral)) {
            throw PyError.overflow("cannot convert float infinity to integer");
        }
        if (Math.abs(integral) < 0x1p63) {
            return (long) integral;
        }
        return budget.checked(new BigDecimal(integral).toBigIntegerExact(), "conversion to int");
    }

    static PyError domainError() {
        return PyError.value("math domain error");
    }
}
