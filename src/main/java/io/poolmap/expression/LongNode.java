package io.poolmap.expression;

import io.poolmap.operation.Numbers;

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

    /**
     * Computes items {@code from} … {@code to - 1} of a batch of longs into {@code out}, up to the first item this
     * tree gives up on; returns that item's index, or {@code to}. The commonest roots ({@code + - *} and squares)
     * repeat this loop word for word: the JIT compiles each class's copy apart, with a direct call to its own
     * {@code eval}, so a batch costs no call per item even when many expressions have run in the JVM.
     */
    int evalRange(long[] in, int from, int to, Numbers out) {
        int i = from;
        try {
            for (; i < to; i++) {
                out.setLong(i, eval(in[i]));
            }
        } catch (PyError givesUp) {
            return i;
        }
        return i;
    }

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

        @Override
        int evalRange(long[] in, int from, int to, Numbers out) {
            int i = from;
            try {
                for (; i < to; i++) {
                    out.setLong(i, eval(in[i]));
                }
            } catch (PyError givesUp) {
                return i;
            }
            return i;
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

        @Override
        int evalRange(long[] in, int from, int to, Numbers out) {
            int i = from;
            try {
                for (; i < to; i++) {
                    out.setLong(i, eval(in[i]));
                }
            } catch (PyError givesUp) {
                return i;
            }
            return i;
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

        @Override
        int evalRange(long[] in, int from, int to, Numbers out) {
            int i = from;
            try {
                for (; i < to; i++) {
                    out.setLong(i, eval(in[i]));
                }
            } catch (PyError givesUp) {
                return i;
            }
            return i;
        }
    }

}
