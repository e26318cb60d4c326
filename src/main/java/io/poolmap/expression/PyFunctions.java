package io.poolmap.expression;

import java.math.BigInteger;

/**
 * Calls a {@link Builtin} on evaluated arguments, as Python's {@code abs min max round} and {@code math}'s functions
 * do; the argument count was checked when the expression was compiled.
 */
final class PyFunctions {

    private PyFunctions() {
    }

    static Object call(Builtin function, Object[] args, CostBudget budget) {
        return switch (function) {
            case ABS -> abs(args[0], budget);
            case MIN -> pick(args, -1);
            case MAX -> pick(args, 1);
            case ROUND -> args.length == 1 ? PyMath.round(args[0], budget) : PyMath.round(args[0], args[1], budget);
            case SQRT -> PyMath.sqrt(PyValues.toDouble(args[0]));
            case EXP -> PyMath.exp(PyValues.toDouble(args[0]));
            case LOG -> args.length == 1 ? PyMath.log(args[0]) : PyMath.log(args[0], args[1]);
            case FLOOR -> PyMath.floor(args[0], budget);
            case CEIL -> PyMath.ceil(args[0], budget);
            case GCD -> gcd(args, budget);
            case ISQRT -> isqrt(args[0], budget);
        };
    }

    static Object abs(Object x, CostBudget budget) {
        Object value = PyValues.unbool(x);
        return value instanceof Double real ? (Object) Math.abs(real) : PyInt.abs(value, budget);
    }

    /** Python's {@code min} ({@code sign} -1) or {@code max} (1): the first item that no later item beats strictly. */
    private static Object pick(Object[] args, int sign) {
        Object best = args[0];
        for (int k = 1; k < args.length; k++) {
            if (PyCompare.compare(args[k], best) == sign) {
                best = args[k];
            }
        }
        return best;
    }

    /**
     * {@code math.gcd(*ints)}: every argument must be an int; the result is never negative. A gcd of large ints costs
     * about 128 times the square of their words (a binary gcd), far more than their product.
     */
    private static Object gcd(Object[] args, CostBudget budget) {
        if (args.length == 0) {
            return 0L;
        }
        BigInteger[] values = new BigInteger[args.length];
        for (int k = 0; k < args.length; k++) {
            values[k] = PyValues.big(PyValues.index(args[k]));
        }
        BigInteger result = values[0].abs();
        for (int k = 1; k < values.length; k++) {
            long words = Math.max(CostBudget.words(result), CostBudget.words(values[k]));
            budget.charge(128 * words * words, "gcd");
            result = result.gcd(values[k]);
        }
        return PyValues.integer(result);
    }

    static long gcd(long a, long b) {
        long x = Math.abs(a);
        long y = Math.abs(b);
        while (y != 0) {
            long r = x % y;
            x = y;
            y = r;
        }
        return x;
    }

    private static Object isqrt(Object n, CostBudget budget) {
        Object value = PyValues.index(n);
        if (value instanceof Long small) {
            if (small < 0) {
                throw isqrtOfNegative();
            }
            return isqrt((long) small);
        }
        BigInteger big = (BigInteger) value;
        if (big.signum() < 0) {
            throw isqrtOfNegative();
        }
        budget.charge(2 * CostBudget.words(big) * CostBudget.words(big), "isqrt");
        return PyValues.integer(big.sqrt());
    }

    /** The floor of the square root of {@code n ≥ 0}, exactly: the double estimate corrected by at most a step. */
    static long isqrt(long n) {
        long root = (long) Math.sqrt((double) n);
        while (root > 0 && (root > 3037000499L || root * root > n)) {
            root--;
        }
        while (root < 3037000499L && (root + 1) * (root + 1) <= n) {
            root++;
        }
        return root;
    }

    static PyError isqrtOfNegative() {
        return PyError.value("isqrt() argument must be nonnegative");
    }
}
