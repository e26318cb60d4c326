package io.poolmap.operation.builtin;

import java.math.BigInteger;
import java.util.List;

import io.poolmap.operation.Numbers;
import org.springframework.stereotype.Component;

/**
 * The n-th Fibonacci number, F(0) = 0 and F(1) = 1, exact: a table of longs up to F(92), fast doubling above;
 * {@code n} is capped by {@code poolmap.operations.fibonacci-max} because F(n) has about 0.209·n digits.
 */
@Component
class FibonacciOperation extends SequenceOperation {

    private static final int LONG_MAX_N = 92;
    private static final double DIGITS_PER_N = 0.20899;
    private static final long[] SMALL = new long[LONG_MAX_N + 1];

    static {
        SMALL[1] = 1;
        for (int n = 2; n <= LONG_MAX_N; n++) {
            SMALL[n] = SMALL[n - 1] + SMALL[n - 2];
        }
    }

    FibonacciOperation(OperationLimits limits) {
        super("fibonacci", "The n-th Fibonacci number F(n), with F(0) = 0 and F(1) = 1, exact.", List.of(0L, 1L, 10L, 100L),
                List.of(0L, 1L, 55L, new BigInteger("354224848179261915075")), 20_000,
                limits.fibonacciMax(), "poolmap.operations.fibonacci-max");
    }

    /** F(n) ≤ φ^n, so it has at most n·log10(φ) + 1 digits (log10 φ = 0.208987…). */
    @Override
    public long resultDigits(Numbers numbers, int i) {
        int n = indexAt(numbers, i);
        return n < 0 ? 20 : (long) (n * DIGITS_PER_N) + 1;
    }

    @Override
    void compute(int n, Numbers out, int i) {
        if (n <= LONG_MAX_N) {
            out.setLong(i, SMALL[n]);
        } else {
            out.setInteger(i, big(n));
        }
    }

    /** Fast doubling from the table: F(2k) = F(k)·(2F(k+1) − F(k)) and F(2k+1) = F(k)² + F(k+1)². */
    private static BigInteger big(int n) {
        int shift = 32 - Integer.numberOfLeadingZeros(n / LONG_MAX_N);
        int k = n >>> shift;
        BigInteger a = BigInteger.valueOf(SMALL[k]);
        BigInteger b = BigInteger.valueOf(SMALL[k + 1]);
        for (int bit = shift - 1; bit >= 0; bit--) {
            BigInteger even = a.multiply(b.shiftLeft(1).subtract(a));
            BigInteger odd = a.multiply(a).add(b.multiply(b));
            if ((n >>> bit & 1) == 0) {
                a = even;
                b = odd;
            } else {
                a = odd;
                b = even.add(odd);
            }
        }
        return a;
    }
}
