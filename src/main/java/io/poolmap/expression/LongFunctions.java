package io.poolmap.expression;

import java.util.function.DoubleUnaryOperator;

/**
 * The {@link LongNode}s of functions and logic: a bool as an int, unary {@code -}, {@code abs}, {@code if}/{@code
 * else}, {@code min}/{@code max}, {@code and}/{@code or}, {@code gcd}, {@code isqrt}, and a double rounded to an int;
 * each gives up where Python's result would not be a {@code long} or Python would raise.
 */
final class LongFunctions {

    private LongFunctions() {
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

    static final class Negate extends LongNode {
        private final LongNode operand;

        Negate(LongNode operand) {
            this.operand = operand;
        }

        @Override
        long eval(long x) {
            long a = operand instanceof LongNode.X ? x : operand.eval(x);
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
            long a = operand instanceof LongNode.X ? x : operand.eval(x);
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

    /** Python's {@code min} ({@code sign} -1) or {@code max} (1): the first operand that no later one beats strictly. */
    static final class Pick extends LongNode {
        private final LongNode[] operands;
        private final boolean max;

        Pick(LongNode[] operands, boolean max) {
            this.operands = operands;
            this.max = max;
        }

        @Override
        long eval(long x) {
            long best = operands[0].eval(x);
            for (int k = 1; k < operands.length; k++) {
                long value = operands[k].eval(x);
                if (max ? value > best : value < best) {
                    best = value;
                }
            }
            return best;
        }
    }

    /** {@code a and b …} or {@code a or b …} over ints: the operand that decided. */
    static final class Logical extends LongNode {
        private final LongNode[] operands;
        private final boolean and;

        Logical(LongNode[] operands, boolean and) {
            this.operands = operands;
            this.and = and;
        }

        @Override
        long eval(long x) {
            long value = operands[0].eval(x);
            for (int k = 1; k < operands.length && (value != 0) == and; k++) {
                value = operands[k].eval(x);
            }
            return value;
        }
    }

    static final class Gcd extends LongNode {
        private final LongNode[] operands;

        Gcd(LongNode[] operands) {
            this.operands = operands;
        }

        @Override
        long eval(long x) {
            long result = 0;
            for (LongNode operand : operands) {
                long value = operand.eval(x);
                if (value == Long.MIN_VALUE) {
                    throw PyError.GIVE_UP;
                }
                result = PyFunctions.gcd(result, value);
            }
            return result;
        }
    }

    static final class Isqrt extends LongNode {
        private final LongNode operand;

        Isqrt(LongNode operand) {
            this.operand = operand;
        }

        @Override
        long eval(long x) {
            long n = operand.eval(x);
            if (n < 0) {
                throw PyError.GIVE_UP;
            }
            return PyFunctions.isqrt(n);
        }
    }

    /** {@code floor}, {@code ceil} or {@code round} of a double, when the integral result fits a {@code long}. */
    static final class OfDouble extends LongNode {
        private final DoubleNode operand;
        private final DoubleUnaryOperator integral;

        OfDouble(DoubleNode operand, DoubleUnaryOperator integral) {
            this.operand = operand;
            this.integral = integral;
        }

        @Override
        long eval(long x) {
            double value = integral.applyAsDouble(operand.eval(x));
            if (!(Math.abs(value) < 0x1p63)) {
                throw PyError.GIVE_UP;
            }
            return (long) value;
        }
    }
}
