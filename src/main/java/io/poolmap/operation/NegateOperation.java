package io.poolmap.operation;

import java.math.BigInteger;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Python's {@code lambda x: -x}: the negation of {@code Long.MIN_VALUE} becomes a big integer instead of wrapping.
 */
@Component
class NegateOperation extends ArithmeticOperation {

    @Override
    public String name() {
        return "negate";
    }

    @Override
    public String description() {
        return "Minus x (−x); exact for integers of any size.";
    }

    @Override
    public Example example() {
        return new Example(List.of(5L, -2.5, 0.0, Long.MIN_VALUE),
                List.of(-5L, 2.5, -0.0, new BigInteger("9223372036854775808")));
    }

    @Override
    public long costNanos() {
        return 1;
    }

    @Override
    boolean overflows(long x) {
        return x == Long.MIN_VALUE;
    }

    @Override
    long applyLong(long x) {
        return -x;
    }

    @Override
    BigInteger applyBig(BigInteger x) {
        return x.negate();
    }

    @Override
    double applyDouble(double x) {
        return -x;
    }
}
