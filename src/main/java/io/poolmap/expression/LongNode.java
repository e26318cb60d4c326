package io.poolmap.expression;

/**
 * A node of the tree specialised for an input {@code x} that is a {@code long}, whose Python value is an int that
 * fits a {@code long}: it computes without boxing, and throws {@link PyError#GIVE_UP} wherever the exact result
 * would not fit (an overflow, a division by zero, a negative exponent…), so that the {@link Interpreter} computes
 * that item instead. Nodes are immutable and shared by all threads.
 *
 * <p>A node reads an operand that is {@code x} itself or a constant, the commonest operands, without calling it
 * ({@code left instanceof X ? x : …}), in its own code: once many expressions have run in the JVM, the calls between
 * nodes are no longer inlined and cost more than the arithmetic; each node class keeps its own call sites, so that
 * within one expression they stay inlined.
 */
abstract class LongNode {

    abstract long eval(long x);


    static final class X extends LongNode {
        @Override
        long eval(long x) {
            return x;
        }
    }

    static final class Const extends LongNode {
        final long value;

        Const(long value) {
            this.value = value;
        }

        @Override
        long eval(long x) {
            return value;
        }
    }

    /** A bool used as an int. */
    static final class OfBool extends LongNode {
        private final BoolNode bool;

        OfBool(BoolNode bool) {
            this.bool = bool;
        }

        @Override
        long eval(long x) {
            return bool.eval(x) ? 1 : 0;
        }
    }

    static final class Add extends LongNode {
        private final LongNode left;
        private final LongNode right;

        Add(LongNode left, LongNode right) {
            this.left = left;
            this.right = right;
        }

        @Override
        long eval(long x) {
            long a = left instanceof X ? x : left instanceof Const c ? c.value : left.eval(x);
            long b = right instanceof X ? x : right instanceof Const c ? c.value : right.eval(x);
            long sum = a + b;
            if (((a ^ sum) & (b ^ sum)) < 0) {
                throw PyError.GIVE_UP;
            }
            return sum;
        }
    }

    static final class Subtract extends LongNode {
        private final LongNode left;
        private final LongNode right;

        Subtract(LongNode left, LongNode right) {
            this.left = left;
            this.right = right;
        }

        @Override
        long eval(long x) {
            long a = left instanceof X ? x : left instanceof Const c ? c.value : left.eval(x);
            long b = right instanceof X ? x : right instanceof Const c ? c.value : right.eval(x);
            long difference = a - b;
            if (((a ^ b) & (a ^ difference)) < 0) {
                throw PyError.GIVE_UP;
            }
            return difference;
        }
    }

    static final class Multiply extends LongNode {
        private final LongNode left;
        private final LongNode right;

        Multiply(LongNode left, LongNode right) {
            this.left = left;
            this.right = right;
        }

        @Override
        long eval(long x) {
            long a = left instanceof X ? x : left instanceof Const c ? c.value : left.eval(x);
            long b = right instanceof X ? x : right instanceof Const c ? c.value : right.eval(x);
            long product = a * b;
            if (Math.multiplyHigh(a, b) != product >> 63) {
                throw PyError.GIVE_UP;
            }
            return product;
        }
    }

    static final class Negate extends LongNode {
        private final LongNode operand;

        Negate(LongNode operand) {
            this.operand = operand;
        }

        @Override
        long eval(long x) {
            long a = operand instanceof X ? x : operand.eval(x);
            if (a == Long.MIN_VALUE) {
                throw PyError.GIVE_UP;
            }
            return -a;
        }
    }

    static final class Abs extends LongNode {
        private final LongNode operand;

        Abs(LongNode operand) {
            this.operand = operand;
        }

        @Override
        long eval(long x) {
            long a = operand instanceof X ? x : operand.eval(x);
            if (a == Long.MIN_VALUE) {
                throw PyError.GIVE_UP;
            }
            return Math.abs(a);
        }
    }

    /** {@code then if condition else otherwise}. */
    static final class Choice extends LongNode {
        private final BoolNode condition;
        private final LongNode then;
        private final LongNode otherwise;

        Choice(BoolNode condition, LongNode then, LongNode otherwise) {
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        long eval(long x) {
            return condition.eval(x) ? then.eval(x) : otherwise.eval(x);
        }
    }
}
