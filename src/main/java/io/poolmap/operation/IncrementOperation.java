package io.poolmap.operation;

import java.math.BigInteger;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Python's {@code lambda x: x + 1}: integers never wrap; a double is one IEEE-754 addition, so {@code 1e16 + 1}
 * is {@code 1e16} as in Python.
 */
@Component
class IncrementOperation extends ArithmeticOperation {

    @Override
    public String name() {
        return "increment";
    }

    @Override
    public String description() {
        return "x plus one (x + 1); exact for integers of any size.";
    }

    @Override
    public Example example() {
        return new Example(List.of(1L, -1L, 2.5, Long.MAX_VALUE),
                List.of(2L, 0L, 3.5, new BigInteger("9223372036854775808")));
    }

    @Override
    public long costNanos() {
        return 1;
    }

    @Override
    boolean overflows(long x) {
        return x == Long.MAX_VALUE;
    }

    @Override
    long applyLong(long x) {
        return x + 1;
    }

    @Override
    BigInteger applyBig(BigInteger x) {
        return x.add(BigInteger.ONE);
    }

    @Override
    double applyDouble(double x) {
        return x + 1;
    }
}
