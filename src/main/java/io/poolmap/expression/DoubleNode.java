package io.poolmap.expression;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import io.poolmap.expression.Expr.BinOp;

/**
 * A node of the specialised tree whose Python value is a float, for an input {@code x} that is a {@code long}:
 * computes on primitive doubles; any Python error on the way gives up the item to the {@link Interpreter}, which
 * raises it exactly.
 */
abstract class DoubleNode {

    abstract double eval(long x);

    static final class Const extends DoubleNode {
        private final double value;

        Const(double value) {
            this.value = value;
        }

        @Override
        double eval(long x) {
            return value;
        }
    }

    /** Python's {@code float(i)} of an int that fits a long: Java's conversion rounds half to even, as Python's. */
    static final class OfLong extends DoubleNode {
        private final LongNode operand;

        OfLong(LongNode operand) {
            this.operand = operand;
        }

        @Override
        double eval(long x) {
            return operand instanceof LongNode.X ? x : operand.eval(x);
        }
    }

    static final class Add extends DoubleNode {
        private final DoubleNode left;
        private final DoubleNode right;

        Add(DoubleNode left, DoubleNode right) {
            this.left = left;
            this.right = right;
        }

        @Override
        double eval(long x) {
            return left.eval(x) + right.eval(x);
        }
    }

    static final class Multiply extends DoubleNode {
        private final DoubleNode left;
        private final DoubleNode right;

        Multiply(DoubleNode left, DoubleNode right) {
            this.left = left;
            this.right = right;
        }

        @Override
        double eval(long x) {
            return left.eval(x) * right.eval(x);
        }
    }

    /** Any other float operator ({@code - / // % **}), through {@link PyArithmetic#floats}. */
    static final class Operator extends DoubleNode {
        private final BinOp op;
        private final DoubleNode left;
        private final DoubleNode right;

        Operator(BinOp op, DoubleNode left, DoubleNode right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        double eval(long x) {
            double a = left.eval(x);
            return PyArithmetic.floats(op, a, right.eval(x));
        }
    }

    /** Python's {@code int / int}, correctly rounded. */
    static final class Divide extends DoubleNode {
        private final LongNode left;
        private final LongNode right;

        Divide(LongNode left, LongNode right) {
            this.left = left;
            this.right = right;
        }

        @Override
        double eval(long x) {
            long a = left instanceof LongNode.X ? x : left.eval(x);
            return TrueDivision.divide(a, right instanceof LongNode.Const c ? c.value : right.eval(x));
        }
    }

    /** A function of one float: {@code -}, {@code abs}, {@code sqrt}, {@code exp}, {@code log}. */
    static final class Function1 extends DoubleNode {
        private final DoubleNode operand;
        private final DoubleUnaryOperator function;

        Function1(DoubleNode operand, DoubleUnaryOperator function) {
            this.operand = operand;
            this.function = function;
        }

        @Override
        double eval(long x) {
            return function.applyAsDouble(operand.eval(x));
        }
    }

    /** A function of two floats: {@code log(x, base)}, {@code round(x, n)}, {@code min}, {@code max}. */
    static final class Function2 extends DoubleNode {
        private final DoubleNode left;
        private final DoubleNode right;
        private final DoubleBinaryOperator function;

        Function2(DoubleNode left, DoubleNode right, DoubleBinaryOperator function) {
            this.left = left;
            this.right = right;
            this.function = function;
        }

        @Override
        double eval(long x) {
            double a = left.eval(x);
            return function.applyAsDouble(a, right.eval(x));
        }
    }

    static final class Choice extends DoubleNode {
        private final BoolNode condition;
        private final DoubleNode then;
        private final DoubleNode otherwise;

        Choice(BoolNode condition, DoubleNode then, DoubleNode otherwise) {
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        double eval(long x) {
            return condition.eval(x) ? then.eval(x) : otherwise.eval(x);
        }
    }

    /** {@code a and b …} or {@code a or b …} over floats: the operand that decided (NaN is true). */
    static final class Logical extends DoubleNode {
        private final DoubleNode[] operands;
        private final boolean and;

        Logical(DoubleNode[] operands, boolean and) {
            this.operands = operands;
            this.and = and;
        }

        @Override
        double eval(long x) {
            double value = operands[0].eval(x);
            for (int k = 1; k < operands.length && (value != 0.0) == and; k++) {
                value = operands[k].eval(x);
            }
            return value;
        }
    }
}
