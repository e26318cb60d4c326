package io.poolmap.expression;

import static io.poolmap.expression.Specialiser.asDouble;
import static io.poolmap.expression.Specialiser.asLong;
import static io.poolmap.expression.Specialiser.isInt;

import java.util.List;

/**
 * The specialised forms of the {@link Builtin} calls, for {@link Specialiser}: ints stay {@code long}s where Python
 * keeps an int ({@code abs}, {@code floor} of an int, {@code gcd}…), floats become {@code double}s, and a call
 * whose result type depends on the values ({@code min} of an int and a float) has no specialised form.
 */
final class SpecialisedCalls {

    private SpecialisedCalls() {
    }

    static Object call(Builtin function, List<Object> args) {
        Object first = args.isEmpty() ? null : args.getFirst();
        return switch (function) {
            case ABS -> isInt(first) ? new LongFunctions.Abs(asLong(first)) : new DoubleNode.Function1(asDouble(first), Math::abs);
            case MIN, MAX -> pick(args, function == Builtin.MAX);
            case ROUND -> round(first, args.size() == 2 ? args.get(1) : null);
            case FLOOR -> isInt(first) ? asLong(first) : new LongFunctions.OfDouble(asDouble(first), Math::floor);
            case CEIL -> isInt(first) ? asLong(first) : new LongFunctions.OfDouble(asDouble(first), Math::ceil);
            case SQRT -> new DoubleNode.Function1(asDouble(first), PyMath::sqrt);
            case EXP -> new DoubleNode.Function1(asDouble(first), PyMath::exp);
            case LOG -> args.size() == 1 ? new DoubleNode.Function1(asDouble(first), PyMath::log)
                    : new DoubleNode.Function2(asDouble(first), asDouble(args.get(1)),
                            (x, base) -> PyFloat.divide(PyMath.log(x), PyMath.log(base)));
            case GCD -> new LongFunctions.Gcd(args.stream().map(SpecialisedCalls::integer).toArray(LongNode[]::new));
            case ISQRT -> new LongFunctions.Isqrt(integer(first));
        };
    }

    private static Object pick(List<Object> args, boolean max) {
        if (args.stream().allMatch(node -> node instanceof LongNode)) {
            return new LongFunctions.Pick(args.toArray(LongNode[]::new), max);
        }
        if (!args.stream().allMatch(node -> node instanceof DoubleNode)) {
            throw Specialiser.notSpecialised();
        }
        DoubleNode best = (DoubleNode) args.getFirst();
        for (Object candidate : args.subList(1, args.size())) {
            best = new DoubleNode.Function2(best, (DoubleNode) candidate,
                    max ? (a, b) -> b > a ? b : a : (a, b) -> b < a ? b : a);
        }
        return best;
    }

    private static Object round(Object value, Object digits) {
        if (digits == null) {
            return isInt(value) ? asLong(value) : new LongFunctions.OfDouble(asDouble(value), Math::rint);
        }
        LongNode places = integer(digits);
        if (!isInt(value)) {
            return new DoubleNode.Function2(asDouble(value), new DoubleNode.OfLong(places),
                    (x, n) -> PyMath.roundDouble(x, (long) n));
        }
        if (places instanceof LongNode.Const && places.eval(0) >= 0) {
            return asLong(value);
        }
        throw Specialiser.notSpecialised();
    }

    /** An argument that Python requires to be an int; a float would raise {@code TypeError} in the interpreter. */
    private static LongNode integer(Object arg) {
        if (!isInt(arg)) {
            throw Specialiser.notSpecialised();
        }
        return asLong(arg);
    }
}
