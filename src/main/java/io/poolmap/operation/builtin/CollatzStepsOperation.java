package io.poolmap.operation.builtin;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import io.poolmap.operation.ItemCursor;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationException;
import io.poolmap.operation.OperationInfo;
import io.poolmap.operation.OperationKind;
import org.springframework.stereotype.Component;

/**
 * The number of Collatz steps (n → n/2 when even, 3n + 1 when odd) from n to 1, in {@code long} arithmetic until
 * 3n + 1 would overflow; bounded by {@code poolmap.operations.collatz-max-steps} steps and
 * {@code poolmap.operations.collatz-max-digits} input digits, since nobody has proven that every n reaches 1.
 */
@Component
class CollatzStepsOperation implements Operation {

    private static final long LONG_SAFE_ODD = (Long.MAX_VALUE - 1) / 3;

    private final int maxSteps;
    private final DigitLimit digits;
    private final OperationInfo info;

    CollatzStepsOperation(OperationLimits limits) {
        this.maxSteps = limits.collatzMaxSteps();
        this.digits = new DigitLimit(limits.collatzMaxDigits());
        this.info = new OperationInfo("collatz_steps", "How many Collatz steps (n/2 if even, 3n + 1 if odd) take n to 1.",
                OperationKind.CPU, "integer n ≥ 1 of at most " + digits.digits() + " digits",
                "at most " + maxSteps + " steps (poolmap.operations.collatz-max-steps) and " + digits.digits()
                        + " digits (poolmap.operations.collatz-max-digits)",
                new OperationInfo.Example(List.of(1L, 6L, 27L, 97L), List.of(0L, 8L, 111L, 118L)), 300);
    }

    @Override
    public OperationInfo info() {
        return info;
    }

    @Override
    public Optional<String> refusal(Numbers numbers, int i) {
        boolean inside = switch (numbers.kind(i)) {
            case LONG -> numbers.longAt(i) >= 1 && !digits.exceeds(numbers.longAt(i));
            case BIG -> numbers.bigAt(i).signum() > 0 && !digits.exceeds(numbers.bigAt(i));
            case DOUBLE, BOOLEAN -> false;
        };
        return inside ? Optional.empty()
                : Optional.of("collatz_steps needs an integer n ≥ 1 of at most " + digits.digits() + " digits");
    }

    @Override
    public void apply(Numbers in, int i, Numbers out) {
        requireInDomain(in, i);
        out.setLong(i, in.kind(i) == Numbers.Kind.BIG ? steps(0, in.bigAt(i)) : steps(in.longAt(i), null));
    }

    /** The items in one loop: a {@code long} inside the domain goes straight to the {@code long} steps. */
    @Override
    public void applyRange(Numbers in, int to, Numbers out, ItemCursor at) {
        long[] longs = in.onlyLongs() ? in.longsOrNull() : null;
        long largest = digits.largestLong();
        int limit = maxSteps;
        for (int i = at.next(); i < to && !at.stopped(); i = at.advance()) {
            long x = longs != null ? longs[i] : 0;
            long steps = x >= 1 && x <= largest ? longSteps(x, limit) : -1;
            if (steps >= 0) {
                out.setLong(i, steps);
            } else {
                apply(in, i, out);
            }
        }
    }

    /**
     * The steps from {@code x} to 1 in {@code long}s, or {@code -1} when 3x + 1 would overflow or the count reaches
     * the limit of steps: {@link #steps} then takes the item from the start, exactly. One turn of the loop is an odd
     * step and every halving after it (3x + 1 of an odd x is even), so the branch on parity is gone and the two checks
     * cost little; JMH's {@code JobPathBenchmark} holds it to {@code PlainLoop}, the same loop without the checks.
     */
    private static long longSteps(long x, int maxSteps) {
        int zeros = Long.numberOfTrailingZeros(x);
        x >>>= zeros;
        long steps = zeros;
        while (x != 1) {
            if (x > LONG_SAFE_ODD) {
                return -1;
            }
            x = 3 * x + 1;
            zeros = Long.numberOfTrailingZeros(x);
            x >>>= zeros;
            steps += zeros + 1;
            if (steps >= maxSteps) {
                return -1;
            }
        }
        return steps < maxSteps ? steps : -1;
    }

    /**
     * The steps from {@code x} (or from {@code big} when it is not null) to 1: a {@code long} loop as tight as a plain
     * one for the hot path, and {@link BigInteger} steps only while 3x + 1 would overflow a {@code long}.
     */
    private long steps(long x, BigInteger big) {
        long steps = 0;
        while (true) {
            if (big == null) {
                while (x != 1) {
                    if ((x & 1) == 0) {
                        int zeros = Long.numberOfTrailingZeros(x);
                        x >>>= zeros;
                        steps += zeros;
                    } else if (x <= LONG_SAFE_ODD) {
                        x = 3 * x + 1;
                        steps++;
                    } else {
                        big = BigInteger.valueOf(x);
                        break;
                    }
                    checkSteps(steps, x == 1);
                }
                if (big == null) {
                    return steps;
                }
            }
            boolean fits;
            do {
                int zeros = big.getLowestSetBit();
                big = zeros == 0 ? big.shiftLeft(1).add(big).add(BigInteger.ONE) : big.shiftRight(zeros);
                steps += Math.max(zeros, 1);
                fits = big.bitLength() < 63;
                checkSteps(steps, fits && big.longValue() == 1);
            } while (!fits);
            x = big.longValue();
            big = null;
        }
    }

    /** Fails the item once it has taken more than the limit of steps, or the limit without reaching 1. */
    private void checkSteps(long steps, boolean atOne) {
        if (steps >= maxSteps && (steps > maxSteps || !atOne)) {
            throw new OperationException("collatz_steps did not reach 1 within " + maxSteps
                    + " steps (poolmap.operations.collatz-max-steps)");
        }
    }
}
