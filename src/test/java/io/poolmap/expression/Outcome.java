package io.poolmap.expression;

import java.math.BigInteger;

import io.poolmap.operation.Numbers;
import tools.jackson.databind.JsonNode;

/**
 * What evaluating an expression for one input gave, in a form both poolmap and Python can be compared in: an int
 * in decimal, a float by its exact bits (so {@code -0.0} differs from {@code 0.0}), a bool, an error by its type,
 * or a syntax error.
 */
record Outcome(String kind, String value) {

    static Outcome of(Numbers out, int i) {
        return switch (out.kind(i)) {
            case LONG, BIG -> new Outcome("int", out.bigIntegerAt(i).toString());
            case DOUBLE -> ofDouble(out.doubleAt(i));
            case BOOLEAN -> new Outcome("bool", String.valueOf(out.booleanAt(i)));
        };
    }

    /** A value of the interpreter, boxed; a non-finite float is what poolmap refuses to give. */
    static Outcome ofValue(Object value) {
        return switch (value) {
            case Long integer -> new Outcome("int", integer.toString());
            case BigInteger integer -> new Outcome("int", integer.toString());
            case Double real -> Double.isFinite(real) ? ofDouble(real) : error(PyError.NOT_FINITE);
            case Boolean bool -> new Outcome("bool", bool.toString());
            default -> throw new IllegalArgumentException(String.valueOf(value));
        };
    }

    static Outcome error(String type) {
        return new Outcome("error", type);
    }

    static Outcome syntaxError() {
        return new Outcome("syntax", "SyntaxError");
    }

    /** One result of {@code python_oracle.py}; a float that is not finite is an item poolmap must refuse. */
    static Outcome ofPython(JsonNode result) {
        if (result.has("int")) {
            return new Outcome("int", result.get("int").asString());
        }
        if (result.has("float")) {
            double real = Double.longBitsToDouble(Long.parseLong(result.get("float").asString()));
            return Double.isFinite(real) ? ofDouble(real) : error(PyError.NOT_FINITE);
        }
        if (result.has("bool")) {
            return new Outcome("bool", String.valueOf(result.get("bool").asBoolean()));
        }
        if (result.has("error")) {
            return error(result.get("error").asString());
        }
        return new Outcome("other", result.path("other").asString());
    }

    private static Outcome ofDouble(double value) {
        return new Outcome("float", Long.toString(Double.doubleToRawLongBits(value)));
    }

    /** Both floats, of the same sign, at most one unit in the last place apart. */
    boolean withinOneUlpOf(Outcome other) {
        if (!kind.equals("float") || !other.kind.equals("float")) {
            return false;
        }
        long a = Long.parseLong(value);
        long b = Long.parseLong(other.value);
        return (a ^ b) >= 0 && Math.abs(a - b) <= 1;
    }

    @Override
    public String toString() {
        return kind.equals("float") ? "float " + PyFloat.repr(Double.longBitsToDouble(Long.parseLong(value))) : kind + " " + value;
    }
}
