package io.poolmap.expression;

import java.math.BigInteger;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

import io.poolmap.expression.Expr.Binary;
import io.poolmap.expression.Expr.BinOp;
import io.poolmap.expression.Expr.Call;
import io.poolmap.expression.Expr.Num;

/**
 * An upper bound of the digits of an expression's result from the size of {@code x} alone, without computing it, so
 * that a job whose results would not fit {@code poolmap.max-result-digits} or the heap is refused before it runs, as
 * the built-in operations' are ({@code x**3} over a million longs near 2^63 has 58 million digits of results).
 *
 * <p>Each node is bounded by the base-10 logarithm of its value's magnitude, apart for the case where the value is an
 * int (whose size grows with its digits; a bool counts as the int 1) and the case where it is a float (8 bytes
 * whatever its value); {@code -∞} means "never of that type". An int is never longer than {@code max-digits}, since
 * an item that would make one fails with {@code LimitError}, and a float never beyond {@code 1.8e308}. The bound is
 * loose where the value is unknown ({@code 2**x} takes {@code x} as large as its magnitude allows), never low.
 * Bounds are kept per bit length of {@code x}, so that a million items cost a million array reads.
 */
final class ResultSize {

    /** What a result that is never an int counts, as the built-in operations count a {@code long} or a double. */
    static final int FIXED_DIGITS = 20;

    private static final double NONE = Double.NEGATIVE_INFINITY;
    private static final double LOG2 = Math.log10(2);
    private static final double FLOAT_MAX = Math.log10(Double.MAX_VALUE);

    /** Log10 bounds of a value's magnitude when it is an int (or bool) and when it is a float; {@link #NONE} if never. */
    private record Bound(double ints, double floats) {

        double any() {
            return Math.max(ints, floats);
        }
    }

    /** Bit lengths of {@code x} whose bounds are kept: every double, and ints of up to 1,233 digits. */
    private static final int CACHED_BITS = 4096;

    private final Expr tree;
    private final int maxDigits;
    /** Bounds by bit length of {@code x}, ints then floats, 0 until computed; filled by whichever thread asks first. */
    private int[] cache;

    ResultSize(Expr tree, int maxDigits) {
        this.tree = tree;
        this.maxDigits = maxDigits;
    }

    /** The bound for an int {@code x} of {@code bits} bits (its magnitude below 2^bits), or a float below 2^bits. */
    int digits(boolean floatX, int bits) {
        int at = Math.max(0, bits);
        if (at >= CACHED_BITS) {
            return compute(floatX, at);
        }
        int[] known = cache;
        if (known == null) {
            known = new int[2 * CACHED_BITS];
            cache = known;
        }
        int slot = (floatX ? CACHED_BITS : 0) + at;
        if (known[slot] == 0) {
            known[slot] = compute(floatX, at);
        }
        return known[slot];
    }

    private int compute(boolean floatX, int bits) {
        double log10 = bits * LOG2;
        Bound result = bound(tree, floatX ? new Bound(NONE, log10) : new Bound(log10, NONE));
        int digits = result.ints() == NONE ? FIXED_DIGITS : (int) Math.min(maxDigits, Math.floor(result.ints()) + 1);
        return result.floats() == NONE ? digits : Math.max(digits, FIXED_DIGITS);
    }

    private Bound bound(Expr expr, Bound x) {
        Bound bound = switch (expr) {
            case Num num -> constant(num.value());
            case Expr.Var ignored -> x;
            case Expr.Unary unary -> bound(unary.operand(), x);
            case Binary binary -> binary(binary, bound(binary.left(), x), bound(binary.right(), x));
            case Expr.Compare ignored -> new Bound(0, NONE);
            case Expr.Not ignored -> new Bound(0, NONE);
            case Expr.Logical logical -> join(logical.operands(), x);
            case Expr.IfElse choice -> join(List.of(choice.then(), choice.otherwise()), x);
            case Call call -> call(call, x);
        };
        return new Bound(cap(bound.ints(), maxDigits), cap(bound.floats(), FLOAT_MAX));
    }

    /** At most {@code max}; a NaN (from a constant such as {@code 1e400 - 1e400}) knows nothing, so it is {@code max}. */
    private static double cap(double log10, double max) {
        return Double.isNaN(log10) ? max : Math.min(log10, max);
    }

    private static Bound constant(Object value) {
        return switch (value) {
            case Double real -> new Bound(NONE, Math.abs(real) <= 1 ? 0 : Math.log10(Math.abs(real)));
            case Long integer -> new Bound((64 - Long.numberOfLeadingZeros(Math.abs(integer))) * LOG2, NONE);
            case BigInteger integer -> new Bound(integer.abs().bitLength() * LOG2, NONE);
            default -> new Bound(0, NONE);
        };
    }

    /** A lower bound of log10 of a constant's magnitude, {@link #NONE} for zero or a node that is not a constant. */
    private static double lowLog10(Expr expr) {
        return switch (expr instanceof Num num ? num.value() : null) {
            case Double real when real != 0 -> Math.log10(Math.abs(real)) - 1e-9;
            case Long integer when integer != 0 -> Math.log10(Math.abs((double) integer)) - 1e-9;
            case BigInteger integer -> (integer.abs().bitLength() - 1) * LOG2;
            case Boolean bool when bool -> 0;
            case null, default -> NONE;
        };
    }

    private Bound binary(Binary binary, Bound a, Bound b) {
        double divisor = lowLog10(binary.right());
        boolean floatResult = a.floats() != NONE || b.floats() != NONE;
        return switch (binary.op()) {
            case ADD, SUB -> combine(a, b, (p, q) -> Math.max(p, q) + LOG2);
            case MUL -> combine(a, b, Double::sum);
            case DIV -> new Bound(NONE, quotient(a, b, divisor));
            case FLOOR_DIV -> new Bound(both(a.ints(), b.ints(), (p, q) -> (divisor == NONE ? p : Math.max(0, p - divisor)) + LOG2),
                    floatResult ? quotient(a, b, divisor) + LOG2 : NONE);
            case MOD -> combine(a, b, (p, q) -> q);
            case POW -> power(binary, a, b);
        };
    }

    /** An int result when both are ints, a float when either is a float, each bounded by {@code f} of the two. */
    private static Bound combine(Bound a, Bound b, DoubleBinaryOperator f) {
        double ints = both(a.ints(), b.ints(), f);
        double floats = Math.max(both(a.floats(), b.any(), f), both(a.any(), b.floats(), f));
        return new Bound(ints, floats);
    }

    /** {@code a / b}: by a constant, the quotient's magnitude; by an int (at least 1 in magnitude), at most {@code a}'s; by a float, any. */
    private static double quotient(Bound a, Bound b, double divisor) {
        if (divisor != NONE) {
            return Math.max(0, a.any() - divisor);
        }
        return b.floats() != NONE ? FLOAT_MAX : a.any();
    }

    private static Bound power(Binary binary, Bound a, Bound b) {
        Double exponent = binary.right() instanceof Num num && !Double.isNaN(exponent(num.value()))
                ? exponent(num.value()) : null;
        boolean mayBeNegative = exponent == null || exponent < 0;
        double largest = exponent != null ? Math.abs(exponent) : Math.pow(10, b.any());
        DoubleBinaryOperator grows = (p, q) -> p == 0 ? 0 : p * largest;
        double ints = exponent != null && exponent < 0 ? NONE : both(a.ints(), b.ints(), grows);
        double floats = Math.max(both(a.floats(), b.any(), grows), both(a.any(), b.floats(), grows));
        if (mayBeNegative && a.ints() != NONE && b.ints() != NONE) {
            floats = Math.max(floats, 0); // an int to a negative int power: a float of magnitude at most 1
        }
        if (mayBeNegative && a.floats() != NONE) {
            floats = FLOAT_MAX; // a float below 1 to a negative power: as large as a float goes
        }
        return new Bound(ints, floats);
    }

    /** A constant exponent as a double: an int beyond a double's range is as good as infinite. */
    private static double exponent(Object value) {
        return switch (value) {
            case Double real -> real;
            case Long integer -> integer;
            case BigInteger integer -> integer.signum() * Double.POSITIVE_INFINITY;
            case Boolean bool -> bool ? 1 : 0;
            default -> Double.POSITIVE_INFINITY;
        };
    }

    private Bound call(Call call, Bound x) {
        List<Bound> args = call.args().stream().map(arg -> bound(arg, x)).toList();
        Bound first = args.isEmpty() ? new Bound(0, NONE) : args.getFirst();
        double m = first.any();
        return switch (call.function()) {
            case ABS -> first;
            case MIN, MAX -> join(args);
            case ROUND -> args.size() == 1 ? new Bound(m + LOG2, NONE) : new Bound(first.ints() + LOG2, first.floats() + LOG2);
            case FLOOR, CEIL -> new Bound(m + LOG2, NONE);
            case SQRT -> new Bound(NONE, m / 2);
            case ISQRT -> new Bound(first.ints() / 2, NONE);
            case LOG -> new Bound(NONE, args.size() == 1 ? Math.log10(Math.max(m * Math.log(10), 745)) : FLOAT_MAX);
            case EXP -> new Bound(NONE, Math.min(FLOAT_MAX, Math.pow(10, m) * Math.log10(Math.E)));
            case GCD -> new Bound(join(args).ints() == NONE ? 0 : join(args).ints(), NONE);
        };
    }

    private Bound join(List<Expr> exprs, Bound x) {
        return join(exprs.stream().map(expr -> bound(expr, x)).toList());
    }

    private static Bound join(List<Bound> bounds) {
        double ints = NONE;
        double floats = NONE;
        for (Bound bound : bounds) {
            ints = Math.max(ints, bound.ints());
            floats = Math.max(floats, bound.floats());
        }
        return new Bound(ints, floats);
    }

    /** {@code f(p, q)}, or {@link #NONE} when either is. */
    private static double both(double p, double q, DoubleBinaryOperator f) {
        return p == NONE || q == NONE ? NONE : f.applyAsDouble(p, q);
    }
}
