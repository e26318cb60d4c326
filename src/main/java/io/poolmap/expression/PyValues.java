package io.poolmap.expression;

import java.math.BigInteger;

/**
 * The values an expression computes with, as Python sees them: an {@code int} is a {@code Long} or, only beyond a
 * long, a {@code BigInteger}; a {@code float} is a {@code Double}; a {@code bool} is a {@code Boolean}, which is
 * also an int (Python's {@code True + 1 == 2}).
 */
final class PyValues {

    private static final Long ZERO = 0L;
    private static final Long ONE = 1L;

    private PyValues() {
    }

    /** An int as Python holds it, from any size. */
    static Object integer(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    /** {@code value} with a bool turned into the int it is equal to; anything else unchanged. */
    static Object unbool(Object value) {
        return value instanceof Boolean bool ? (bool ? ONE : ZERO) : value;
    }

    static boolean isInt(Object value) {
        return value instanceof Long || value instanceof BigInteger || value instanceof Boolean;
    }

    static BigInteger big(Object integer) {
        return switch (unbool(integer)) {
            case Long value -> BigInteger.valueOf(value);
            case BigInteger value -> value;
            default -> throw new IllegalArgumentException("not an int: " + integer);
        };
    }

    /** Python's truth value: false for {@code 0}, {@code 0.0}, {@code -0.0} and {@code False}; NaN is true. */
    static boolean truth(Object value) {
        return switch (value) {
            case Boolean bool -> bool;
            case Long integer -> integer != 0;
            case Double real -> real != 0.0;
            default -> ((BigInteger) value).signum() != 0;
        };
    }

    /** Python's {@code float(value)}: an int is rounded half to even, and one too large for a double overflows. */
    static double toDouble(Object value) {
        return switch (value) {
            case Double real -> real;
            case Long integer -> integer;
            case Boolean bool -> bool ? 1.0 : 0.0;
            default -> {
                double converted = ((BigInteger) value).doubleValue();
                if (Double.isInfinite(converted)) {
                    throw PyError.intTooLargeForFloat();
                }
                yield converted;
            }
        };
    }

    /** Python's {@code operator.index(value)}: an int (a bool as its int); a float raises {@code TypeError}. */
    static Object index(Object value) {
        if (value instanceof Double) {
            throw PyError.notAnInteger(value);
        }
        return unbool(value);
    }

    static String typeName(Object value) {
        return switch (value) {
            case Boolean ignored -> "bool";
            case Double ignored -> "float";
            default -> "int";
        };
    }
}
