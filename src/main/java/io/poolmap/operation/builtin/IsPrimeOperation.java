package io.poolmap.operation.builtin;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.poolmap.operation.ItemCursor;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationInfo;
import io.poolmap.operation.OperationKind;
import org.springframework.stereotype.Component;

/**
 * Whether an integer is prime: exact for every {@code long} ({@link LongPrimality}); above that
 * {@link BigInteger#isProbablePrime} with certainty 100, so a composite is called prime with probability below
 * 2^-100; inputs are capped at {@code poolmap.operations.is-prime-max-digits} digits.
 */
@Component
class IsPrimeOperation implements Operation {

    private static final int CERTAINTY = 100;

    private final DigitLimit digits;
    private final OperationInfo info;

    IsPrimeOperation(OperationLimits limits) {
        this.digits = new DigitLimit(limits.isPrimeMaxDigits());
        this.info = new OperationInfo("is_prime", "Whether n is a prime number (true/false); integers below 2 are not prime.",
                OperationKind.CPU, "integer of at most " + digits.digits() + " digits",
                "at most " + digits.digits() + " digits (poolmap.operations.is-prime-max-digits); exact below 2^63,"
                        + " probabilistic above (error below 2^-100)",
                new OperationInfo.Example(List.of(1L, 2L, 9L, 97L, 3215031751L, 2305843009213693951L),
                        List.of(false, true, false, true, false, true)), 1_000);
    }

    @Override
    public OperationInfo info() {
        return info;
    }

    @Override
    public Optional<String> refusal(Numbers numbers, int i) {
        boolean inside = switch (numbers.kind(i)) {
            case LONG -> !digits.exceeds(numbers.longAt(i));
            case BIG -> !digits.exceeds(numbers.bigAt(i));
            case DOUBLE, BOOLEAN -> false;
        };
        return inside ? Optional.empty() : Optional.of("is_prime needs an integer of at most " + digits.digits() + " digits");
    }

    /** The result is {@code true} or {@code false}: at most five characters. */
    @Override
    public long resultDigits(Numbers numbers, int i) {
        return 5;
    }

    /** Every {@code long} is inside the domain while the digit limit is at least a long's 19 digits. */
    @Override
    public OptionalLong resultDigitsOfAnyLong() {
        return digits.exceeds(Long.MIN_VALUE) || digits.exceeds(Long.MAX_VALUE) ? OptionalLong.empty() : OptionalLong.of(5);
    }

    @Override
    public void apply(Numbers in, int i, Numbers out) {
        requireInDomain(in, i);
        if (in.kind(i) == Numbers.Kind.LONG) {
            out.setBoolean(i, LongPrimality.isPrime(in.longAt(i)));
        } else {
            BigInteger n = in.bigAt(i);
            out.setBoolean(i, n.signum() > 0 && n.isProbablePrime(CERTAINTY));
        }
    }

    /** The items in one loop: a batch of {@code long}s within the digit limit goes straight to {@link LongPrimality}. */
    @Override
    public void applyRange(Numbers in, int to, Numbers out, ItemCursor at) {
        long[] longs = in.onlyLongs() && resultDigitsOfAnyLong().isPresent() ? in.longsOrNull() : null;
        for (int i = at.next(); i < to && !at.stopped(); i = at.advance()) {
            if (longs != null) {
                out.setBoolean(i, LongPrimality.isPrime(longs[i]));
            } else {
                apply(in, i, out);
            }
        }
    }
}
