package io.poolmap.operation.builtin;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.poolmap.operation.ItemCursor;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationException;
import io.poolmap.operation.OperationInfo;
import io.poolmap.operation.OperationKind;

/**
 * The common shape of the one-step arithmetic operations: integers stay exact ({@code long} until it would
 * overflow, then {@link BigInteger}), doubles follow IEEE-754 as Python's {@code float} and must stay finite. A
 * subclass gives its name and its four one-line functions, nothing else.
 */
abstract class ArithmeticOperation implements Operation {

    private final OperationInfo info;
    private final int digitGrowth;

    /**
     * @param digitGrowth how many times longer (in digits) the result can be than the input: 2 for square, 3 for cube
     */
    ArithmeticOperation(String name, String description, List<Object> numbers, List<Object> results, long costNanos,
            int digitGrowth) {
        this.info = new OperationInfo(name, description, OperationKind.CPU, "any number",
                "none: one arithmetic step per item", new OperationInfo.Example(numbers, results), costNanos);
        this.digitGrowth = digitGrowth;
    }

    /** True when {@link #applyLong} would overflow for {@code x}, so the item is computed in {@link BigInteger}. */
    abstract boolean overflows(long x);

    abstract long applyLong(long x);

    abstract BigInteger applyBig(BigInteger x);

    abstract double applyDouble(double x);

    @Override
    public final OperationInfo info() {
        return info;
    }

    @Override
    public final Optional<String> refusal(Numbers numbers, int i) {
        return numbers.kind(i) == Numbers.Kind.BOOLEAN ? Optional.of(info.name() + " needs a number") : Optional.empty();
    }

    @Override
    public final long resultDigits(Numbers numbers, int i) {
        return digitGrowth * ExactMath.digits(numbers, i) + 1;
    }

    /** Every {@code long} is a number; its result has at most {@code digitGrowth} times a long's 20 digits, plus one. */
    @Override
    public final OptionalLong resultDigitsOfAnyLong() {
        return OptionalLong.of(digitGrowth * ExactMath.digitsOfBits(64) + 1);
    }

    @Override
    public final void apply(Numbers in, int i, Numbers out) {
        switch (in.kind(i)) {
            case LONG -> applyToLong(in.longAt(i), i, out);
            case BIG -> out.setInteger(i, applyBig(in.bigAt(i)));
            case DOUBLE -> {
                double x = in.doubleAt(i);
                double result = applyDouble(x);
                if (!Double.isFinite(result)) {
                    throw new OperationException(info.name() + "(" + x + ") is not a finite number");
                }
                out.setDouble(i, result);
            }
            case BOOLEAN -> throw new OperationException(info.name() + " needs a number");
        }
    }

    /** The items in one loop: a batch of {@code long}s (the common case) needs no look at each item's kind. */
    @Override
    public final void applyRange(Numbers in, int to, Numbers out, ItemCursor at) {
        boolean longs = in.onlyLongs();
        for (int i = at.next(); i < to && !at.stopped(); i = at.advance()) {
            if (longs) {
                applyToLong(in.longAt(i), i, out);
            } else {
                apply(in, i, out);
            }
        }
    }

    private void applyToLong(long x, int i, Numbers out) {
        if (overflows(x)) {
            out.setInteger(i, applyBig(BigInteger.valueOf(x)));
        } else {
            out.setLong(i, applyLong(x));
        }
    }
}
