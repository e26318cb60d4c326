package io.poolmap.expression;

import io.poolmap.operation.OperationException;

/**
 * An item for which an expression has no value: the Python exception that Python would raise for it
 * ({@code ZeroDivisionError: division by zero}), or poolmap's refusal of a result it cannot give
 * ({@code LimitError}, {@code ComplexResult}, {@code NonFiniteResult}). The message starts with that type's name.
 */
public final class ExpressionItemException extends OperationException {

    private final int index;
    private final String errorType;

    ExpressionItemException(int index, String errorType, String message) {
        super(errorType + ": " + message);
        this.index = index;
        this.errorType = errorType;
    }

    /** The index of the item in its batch. */
    public int index() {
        return index;
    }

    /**
     * {@code ZeroDivisionError}, {@code ValueError}, {@code OverflowError} or {@code TypeError} as Python would
     * raise; or poolmap's own {@code LimitError} (a cost limit), {@code ComplexResult} (Python would give a complex
     * number) or {@code NonFiniteResult} (Python would give {@code inf} or {@code nan}).
     */
    public String errorType() {
        return errorType;
    }
}
