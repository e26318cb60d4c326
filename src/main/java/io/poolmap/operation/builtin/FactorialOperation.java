package io.poolmap.operation.builtin;

import java.math.BigInteger;
import java.util.List;

import io.poolmap.operation.Numbers;
import org.springframework.stereotype.Component;

/**
 * Python's {@code math.factorial(n)}, exact; {@code n} is capped by {@code poolmap.operations.factorial-max} because
 * n! grows to n·log10(n/e) digits, and a decimal such as {@code 5.0} is refused as Python 3.10+ refuses it.
 */
@Component
class FactorialOperation extends SequenceOperation {

    private static final int LONG_MAX_N = 20;
    private static final long[] SMALL = new long[LONG_MAX_N + 1];

    static {
        SMALL[0] = 1;
        for (int n = 1; n <= LONG_MAX_N; n++) {
            SMALL[n] = SMALL[n - 1] * n;
        }
    }

    FactorialOperation(OperationLimits limits) {
        super("factorial", "n! = 1 × 2 × … × n, exact.", List.of(0L, 5L, 20L, 25L),
                List.of(1L, 120L, 2432902008176640000L, new BigInteger("15511210043330985984000000")), 50_000,
                limits.factorialMax(), "poolmap.operations.factorial-max");
    }

    /** Stirling's bound: log10(n!) ≤ n·log10(n/e) + log10(2πn)/2 + 1/(12n·ln 10), plus one digit and a margin. */
    @Override
    public long resultDigits(Numbers numbers, int i) {
        int n = indexAt(numbers, i);
        if (n < 0) {
            return 20;
        }
        if (n <= LONG_MAX_N) {
            return 19;
        }
        return (long) Math.ceil(n * Math.log10(n / Math.E) + Math.log10(2 * Math.PI * n) / 2) + 2;
    }

    @Override
    void compute(int n, Numbers out, int i) {
        if (n <= LONG_MAX_N) {
            out.setLong(i, SMALL[n]);
        } else {
            out.setInteger(i, ExactMath.product(1, n));
        }
    }
}
