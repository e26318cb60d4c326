package io.poolmap.expression;

import io.poolmap.expression.Expr.CmpOp;

/**
 * A node of the specialised tree whose Python value is a bool, for an input {@code x} that is a {@code long}:
 * comparisons (exact between ints and floats), {@code not}, truth values, and {@code and}/{@code or}/{@code if}
 * over bools.
 */
abstract class BoolNode {

    abstract boolean eval(long x);

    static final class Const extends BoolNode {
        private final boolean value;

        Const(boolean value) {
            this.value = value;
        }

        @Override
        boolean eval(long x) {
            return value;
        }
    }

    static final class Not extends BoolNode {
        private final BoolNode operand;

        Not(BoolNode operand) {
            this.operand = operand;
        }

        @Override
        boolean eval(long x) {
            return !operand.eval(x);
        }
    }

    /** The truth of an int: not zero. */
    static final class OfLong extends BoolNode {
        private final LongNode operand;

        OfLong(LongNode operand) {
            this.operand = operand;
        }

        @Override
        boolean eval(long x) {
            return operand.eval(x) != 0;
        }
    }

    /** The truth of a float: not zero (NaN is true). */
    static final class OfDouble extends BoolNode {
        private final DoubleNode operand;

        OfDouble(DoubleNode operand) {
            this.operand = operand;
        }

        @Override
        boolean eval(long x) {
            return operand.eval(x) != 0.0;
        }
    }

    /** {@code a < b} (or another operator) between two ints: the commonest condition gets its own node. */
    static final class CompareLongs extends BoolNode {
        private final CmpOp op;
        private final LongNode left;
        private final LongNode right;

        CompareLongs(CmpOp op, LongNode left, LongNode right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        boolean eval(long x) {
            long a = left instanceof LongNode.X ? x : left.eval(x);
            long b = right instanceof LongNode.Const c ? c.value : right.eval(x);
            return switch (op) {
                case LT -> a < b;
                case LE -> a <= b;
                case GT -> a > b;
                case GE -> a >= b;
                case EQ -> a == b;
                case NE -> a != b;
            };
        }
    }

    /**
     * A comparison chain {@code a < b <= c} whose operands are ints ({@code longs[k]} set) or floats
     * ({@code doubles[k]} set), compared exactly, each operand evaluated once, stopping at the first false link.
     */
    static final class Chain extends BoolNode {
        private final LongNode[] longs;
        private final DoubleNode[] doubles;
        private final CmpOp[] ops;

        Chain(LongNode[] longs, DoubleNode[] doubles, CmpOp[] ops) {
            this.longs = longs;
            this.doubles = doubles;
            this.ops = ops;
        }

        @Override
        boolean eval(long x) {
            boolean leftIsLong = longs[0] != null;
            long leftLong = leftIsLong ? longs[0].eval(x) : 0;
            double leftDouble = leftIsLong ? 0.0 : doubles[0].eval(x);
            for (int k = 0; k < ops.length; k++) {
                boolean rightIsLong = longs[k + 1] != null;
                long rightLong = rightIsLong ? longs[k + 1].eval(x) : 0;
                double rightDouble = rightIsLong ? 0.0 : doubles[k + 1].eval(x);
                int outcome = leftIsLong
                        ? rightIsLong ? Long.compare(leftLong, rightLong) : PyCompare.compare(leftLong, rightDouble)
                        : rightIsLong ? PyCompare.flip(PyCompare.compare(rightLong, leftDouble))
                        : PyCompare.compare(leftDouble, rightDouble);
                if (!ops[k].test(outcome)) {
                    return false;
                }
                leftIsLong = rightIsLong;
                leftLong = rightLong;
                leftDouble = rightDouble;
            }
            return true;
        }
    }

    /** {@code a and b …} or {@code a or b …} over bools. */
    static final class Logical extends BoolNode {
        private final BoolNode[] operands;
        private final boolean and;

        Logical(BoolNode[] operands, boolean and) {
            this.operands = operands;
            this.and = and;
        }

        @Override
        boolean eval(long x) {
            boolean value = operands[0].eval(x);
            for (int k = 1; k < operands.length && value == and; k++) {
                value = operands[k].eval(x);
            }
            return value;
        }
    }

    static final class Choice extends BoolNode {
        private final BoolNode condition;
        private final BoolNode then;
        private final BoolNode otherwise;

        Choice(BoolNode condition, BoolNode then, BoolNode otherwise) {
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        boolean eval(long x) {
            return condition.eval(x) ? then.eval(x) : otherwise.eval(x);
        }
    }
}
