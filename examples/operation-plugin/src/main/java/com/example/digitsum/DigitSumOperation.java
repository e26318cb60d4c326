package com.example.digitsum;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationException;
import io.poolmap.operation.OperationInfo;
import io.poolmap.operation.OperationKind;

/**
 * {@code digit_sum}: the sum of the decimal digits of an integer, as Python's {@code sum(map(int, str(abs(n))))}.
 * Exact for integers of any size; a decimal is outside its domain, refused before a job is created.
 *
 * <p>poolmap makes one instance with the public constructor without arguments (listed in
 * {@code META-INF/services/io.poolmap.operation.Operation}) and calls it from every worker at once: it keeps no state.
 */
public final class DigitSumOperation implements Operation {

    private static final OperationInfo INFO = new OperationInfo("digit_sum",
            "The sum of the decimal digits of |n|; exact for integers of any size.",
            OperationKind.CPU, "any integer", "none: one pass over the digits (at most poolmap.max-digits)",
            new OperationInfo.Example(List.of(0L, 1234L, -987L, new BigInteger("99999999999999999999")),
                    List.of(0L, 10L, 24L, 180L)),
            30);

    @Override
    public OperationInfo info() {
        return INFO;
    }

    /** Integers only: Python's {@code str(1.5)} has a point in it, which is not a digit. */
    @Override
    public Optional<String> refusal(Numbers numbers, int i) {
        return numbers.isInteger(i) ? Optional.empty() : Optional.of("digit_sum needs an integer");
    }

    /** The sum of at most 19 nines for a long: 171, three digits. */
    @Override
    public OptionalLong resultDigitsOfAnyLong() {
        return OptionalLong.of(3);
    }

    @Override
    public void apply(Numbers in, int i, Numbers out) {
        switch (in.kind(i)) {
            case LONG -> out.setLong(i, digitSum(in.longAt(i)));
            case BIG -> out.setLong(i, digitSum(in.bigAt(i)));
            default -> throw new OperationException("digit_sum needs an integer");
        }
    }

    static long digitSum(long n) {
        long sum = 0;
        // negative, so that Long.MIN_VALUE needs no special case
        for (long rest = n > 0 ? -n : n; rest != 0; rest /= 10) {
            sum -= rest % 10;
        }
        return sum;
    }

    static long digitSum(BigInteger n) {
        long sum = 0;
        for (char digit : n.abs().toString().toCharArray()) {
            sum += digit - '0';
        }
        return sum;
    }
}
