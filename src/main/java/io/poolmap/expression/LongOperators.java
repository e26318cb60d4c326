package io.poolmap.expression;

import io.poolmap.operation.Numbers;

/**
 * The {@link LongNode}s of the operators beyond {@code + - *}: floored division and modulo, and powers; each gives up
 * where Python's result would not be a {@code long} or Python would raise.
 */
final class LongOperators {

    private LongOperators() {
    }

    static final class FloorDivide extends LongNode {
        private final LongNode left;
        private final LongNode right;

        FloorDivide(LongNode left, LongNode right) {
            this.left = left;
            this.right = right;
        }

        @Override
        long eval(long x) {
            long a = left instanceof LongNode.X ? x : left.eval(x);
            long b = right instanceof LongNode.Const c ? c.value : right.eval(x);
            if (b == 0 || b == -1 && a == Long.MIN_VALUE) {
                throw PyError.GIVE_UP;
            }
            return Math.floorDiv(a, b);
        }
    }

    static final class Modulo extends LongNode {
        private final LongNode left;
        private final LongNode right;

        Modulo(LongNode left, LongNode right) {
            this.left = left;
            this.right = right;
        }

        @Override
        long eval(long x) {
            long a = left instanceof LongNode.X ? x : left.eval(x);
            long b = right instanceof LongNode.Const c ? c.value : right.eval(x);
            if (b == 0) {
                throw PyError.GIVE_UP;
            }
            return Math.floorMod(a, b);
        }
    }

    /** {@code a ** b} for {@code b ≥ 0} by repeated squaring, giving up on a negative exponent or an overflow. */
    static final class Power extends LongNode {
        private final LongNode base;
        private final LongNode exponent;

        Power(LongNode base, LongNode exponent) {
            this.base = base;
            this.exponent = exponent;
        }

        @Override
        long eval(long x) {
            long square = base instanceof LongNode.X ? x : base.eval(x);
            long rest = exponent instanceof LongNode.Const c ? c.value : exponent.eval(x);
            if (rest < 0 || rest > 64 && (square < -1 || square > 1)) {
                throw PyError.GIVE_UP;
            }
            long result = 1;
            while (rest != 0) {
                if ((rest & 1) != 0) {
                    if (!PyInt.productFits(result, square)) {
                        throw PyError.GIVE_UP;
                    }
                    result *= square;
                }
                rest >>= 1;
                if (rest != 0) {
                    if (!PyInt.productFits(square, square)) {
                        throw PyError.GIVE_UP;
                    }
                    square *= square;
                }
            }
            return result;
        }
    }

    /** {@code a ** 2}, the commonest power, as one multiplication of {@code a} evaluated once. */
    static final class Square extends LongNode {
        private final LongNode base;

        Square(LongNode base) {
            this.base = base;
        }

        @Override
        long eval(long x) {
            long a = base instanceof LongNode.X ? x : base.eval(x);
            if (!PyInt.productFits(a, a)) {
                throw PyError.GIVE_UP;
            }
            return a * a;
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
