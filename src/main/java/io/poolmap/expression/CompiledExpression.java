package io.poolmap.expression;

import java.math.BigInteger;

import io.poolmap.operation.Numbers;

/**
 * An expression compiled once, to be evaluated for every item of a batch: immutable and safe to use from many
 * threads at once. An input that is a {@code long} goes through the tree specialised for {@code long}s when the
 * expression has one, without boxing; every other input, and every item that tree gives up on (an overflow into
 * big integers, a Python error), goes through the interpreter, which gives Python's exact result or error.
 *
 * <p>A float result must be finite: Python's {@code 1e308 * 10} is {@code inf}, which a JSON number cannot hold, so
 * that item fails with {@code NonFiniteResult} (infinities and NaNs on the way to a finite result are fine).
 */
public final class CompiledExpression {

    private final String source;
    private final Expr tree;
    private final Interpreter interpreter;
    private final LongNode longRoot;
    private final DoubleNode doubleRoot;
    private final BoolNode boolRoot;
    private final ResultSize resultSize;

    CompiledExpression(String source, Expr tree, Interpreter interpreter, Object specialised, int maxDigits) {
        this.source = source;
        this.resultSize = new ResultSize(tree, maxDigits);
        this.tree = tree;
        this.interpreter = interpreter;
        this.longRoot = specialised instanceof LongNode root ? root : null;
        this.doubleRoot = specialised instanceof DoubleNode root ? root : null;
        this.boolRoot = specialised instanceof BoolNode root ? root : null;
    }

    /** The expression as the client wrote it. */
    public String source() {
        return source;
    }

    /**
     * Computes item {@code i} of {@code in} into item {@code i} of {@code out} (a {@code long}, a {@link BigInteger},
     * a {@code double} or a {@code boolean}, as Python's result is an int, a float or a bool).
     *
     * @throws ExpressionItemException when the item has no value: it names the Python exception
     */
    public void apply(Numbers in, int i, Numbers out) {
        if (in.kind(i) == Numbers.Kind.LONG && applySpecialised(in.longAt(i), i, out)) {
            return;
        }
        applyInterpreted(in, i, out);
    }

    /**
     * Computes items {@code from} … {@code to - 1} as {@link #apply} does, in one loop that makes no call per item
     * other than the expression's own when the batch holds only {@code long}s.
     *
     * @throws ExpressionItemException for the first item that has no value; the items before it are computed
     */
    public void applyRange(Numbers in, int from, int to, Numbers out) {
        boolean longs = in.onlyLongs();
        if (longs && longRoot != null) {
            long[] values = in.longsOrNull();
            for (int i = longRoot.evalRange(values, from, to, out); i < to; i = longRoot.evalRange(values, i + 1, to, out)) {
                applyInterpreted(in, i, out);
            }
            return;
        }
        for (int i = from; i < to; i++) {
            if (!(longs || in.kind(i) == Numbers.Kind.LONG) || !applySpecialised(in.longAt(i), i, out)) {
                applyInterpreted(in, i, out);
            }
        }
    }

    /**
     * An upper bound of the decimal digits of item {@code i}'s result, from the size of the item alone, without
     * computing it: at most {@code poolmap.expressions.max-digits} (an item that would pass it fails), and
     * {@value ResultSize#FIXED_DIGITS} for a result that is never an int (a float or a bool takes 8 bytes). Loose
     * where the expression's growth depends on {@code x} ({@code 2**x}), never low; cheap after the first item of
     * each size.
     */
    public int resultDigits(Numbers in, int i) {
        return switch (in.kind(i)) {
            case LONG -> resultSize.digits(false, 64 - Long.numberOfLeadingZeros(Math.abs(in.longAt(i))));
            case BIG -> resultSize.digits(false, in.bigAt(i).bitLength() + 1);
            case DOUBLE -> {
                double magnitude = Math.abs(in.doubleAt(i));
                yield resultSize.digits(true, magnitude < 1 ? 0 : Math.getExponent(magnitude) + 1);
            }
            case BOOLEAN -> resultSize.digits(false, 1);
        };
    }

    /** {@link #resultDigits} for the largest {@code long}: a bound for every item of a batch of longs. */
    public int resultDigitsOfAnyLong() {
        return resultSize.digits(false, 64);
    }

    /** The size of the syntax tree after constant folding, a measure of the cost of one item. */
    public int size() {
        return size(tree);
    }

    /** True when {@code long} inputs take the specialised path (for tests and benchmarks). */
    boolean specialised() {
        return longRoot != null || doubleRoot != null || boolRoot != null;
    }

    /** The value of the expression for {@code x} through the interpreter only, boxed (for tests). */
    Object interpret(Object x) {
        return interpreter.evaluate(tree, x);
    }

    private boolean applySpecialised(long x, int i, Numbers out) {
        try {
            if (longRoot != null) {
                out.setLong(i, longRoot.eval(x));
            } else if (doubleRoot != null) {
                double value = doubleRoot.eval(x);
                if (!Double.isFinite(value)) {
                    return false;
                }
                out.setDouble(i, value);
            } else if (boolRoot != null) {
                out.setBoolean(i, boolRoot.eval(x));
            } else {
                return false;
            }
            return true;
        } catch (PyError givesUp) {
            return false;
        }
    }

    private void applyInterpreted(Numbers in, int i, Numbers out) {
        try {
            switch (interpreter.evaluate(tree, in.valueAt(i))) {
                case Long value -> out.setLong(i, value);
                case BigInteger value -> out.setInteger(i, value);
                case Boolean value -> out.setBoolean(i, value);
                case Double value -> {
                    if (!Double.isFinite(value)) {
                        throw PyError.notFinite(value);
                    }
                    out.setDouble(i, value);
                }
                default -> throw new IllegalStateException("not a Python number");
            }
        } catch (PyError error) {
            throw new ExpressionItemException(i, error.type(), error.getMessage());
        }
    }

    private static int size(Expr expr) {
        return 1 + switch (expr) {
            case Expr.Unary unary -> size(unary.operand());
            case Expr.Binary binary -> size(binary.left()) + size(binary.right());
            case Expr.Compare compare -> compare.operands().stream().mapToInt(CompiledExpression::size).sum();
            case Expr.Logical logical -> logical.operands().stream().mapToInt(CompiledExpression::size).sum();
            case Expr.Not not -> size(not.operand());
            case Expr.IfElse choice -> size(choice.condition()) + size(choice.then()) + size(choice.otherwise());
            case Expr.Call call -> call.args().stream().mapToInt(CompiledExpression::size).sum();
            default -> 0;
        };
    }

    @Override
    public String toString() {
        return source;
    }
}
