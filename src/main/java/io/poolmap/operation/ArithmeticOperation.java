package io.poolmap.operation;

import java.math.BigInteger;

/**
 * The common shape of the one-step arithmetic operations: integers stay exact ({@code long} until it would
 * overflow, then {@link BigInteger}), doubles follow IEEE-754 as Python's {@code float} and must stay finite.
 */
abstract class ArithmeticOperation implements Operation {

    /** True when {@link #applyLong} would overflow for {@code x}, so the item is computed in {@link BigInteger}. */
    abstract boolean overflows(long x);

    abstract long applyLong(long x);

    abstract BigInteger applyBig(BigInteger x);

    abstract double applyDouble(double x);

    /** How many times longer (in digits) the result can be than the input: 2 for {@code square}, 3 for {@code cube}. */
    int digitGrowth() {
        return 1;
    }

    @Override
    public String domain() {
        return "any number";
    }

    @Override
    public String limit() {
        return "none: one arithmetic step per item";
    }

    @Override
    public final String checkDomain(Numbers numbers, int i) {
        return numbers.kind(i) == Numbers.Kind.BOOLEAN ? name() + " needs a number" : null;
    }

    @Override
    public final long resultDigits(Numbers numbers, int i) {
        return digitGrowth() * ExactMath.digits(numbers, i) + 1;
    }

    /** Every {@code long} is a number; its result has at most {@code digitGrowth()} times a long's 20 digits, plus one. */
    @Override
    public final long resultDigitsOfAnyLong() {
        return digitGrowth() * ExactMath.digitsOfBits(64) + 1;
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
                    throw new OperationException(name() + "(" + x + ") is not a finite number");
                }
                out.setDouble(i, result);
            }
            case BOOLEAN -> throw new OperationException(name() + " needs a number");
        }
    }

    /** The items in one loop: a batch of {@code long}s (the common case) needs no look at each item's kind. */
    @Override
    public final void applyRange(Numbers in, int to, Numbers out, ItemCursor at) {
        boolean longs = in.onlyLongs();
        for (int i = at.next; i < to && !at.stopped(); at.next = ++i) {
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
