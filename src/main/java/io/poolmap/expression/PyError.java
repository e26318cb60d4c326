package io.poolmap.expression;

/**
 * An item that cannot be computed, thrown while an expression is evaluated: Python's exception (its type name and,
 * where practical, its exact message) or one of poolmap's own refusals. It has no stack trace, because it is how an
 * ordinary item ends, and {@link CompiledExpression} turns it into an {@link ExpressionItemException} that names
 * the item.
 */
final class PyError extends RuntimeException {

    static final String ZERO_DIVISION = "ZeroDivisionError";
    static final String VALUE = "ValueError";
    static final String OVERFLOW = "OverflowError";
    static final String TYPE = "TypeError";
    /** poolmap's own: a cost limit of {@link ExpressionLimits} would be passed. */
    static final String LIMIT = "LimitError";
    /** poolmap's own: Python would give a complex number, which poolmap does not compute. */
    static final String COMPLEX = "ComplexResult";
    /** poolmap's own: Python would give {@code inf} or {@code nan}, which a JSON number cannot hold. */
    static final String NOT_FINITE = "NonFiniteResult";

    /**
     * Thrown by the specialised {@code long} nodes where the exact result is not what they can hold (an overflow, a
     * float where an int was expected, a Python error): the item is then evaluated again by the {@link Interpreter},
     * which gives the exact result or the exact error. Shared: it carries nothing.
     */
    static final PyError GIVE_UP = new PyError("GiveUp", "the specialised path gave up on this item");

    private final String type;

    private PyError(String type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    /** Python's exception name ({@code ZeroDivisionError}…) or poolmap's ({@code LimitError}…). */
    String type() {
        return type;
    }

    static PyError zeroDivision(String message) {
        return new PyError(ZERO_DIVISION, message);
    }

    static PyError value(String message) {
        return new PyError(VALUE, message);
    }

    static PyError overflow(String message) {
        return new PyError(OVERFLOW, message);
    }

    static PyError type(String message) {
        return new PyError(TYPE, message);
    }

    static PyError limit(String message) {
        return new PyError(LIMIT, message);
    }

    static PyError complex(double base, double exponent) {
        return new PyError(COMPLEX, "(" + PyFloat.repr(base) + ") ** " + PyFloat.repr(exponent)
                + " is a complex number in Python; expressions compute real numbers only");
    }

    static PyError notFinite(double value) {
        return new PyError(NOT_FINITE, "the result is " + PyFloat.repr(value)
                + ", which a JSON number cannot hold");
    }

    static PyError notAnInteger(Object value) {
        return type("'" + PyValues.typeName(value) + "' object cannot be interpreted as an integer");
    }

    static PyError intTooLargeForFloat() {
        return overflow("int too large to convert to float");
    }
}
