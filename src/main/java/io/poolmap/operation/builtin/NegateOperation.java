package io.poolmap.operation.builtin;

import java.math.BigInteger;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Python's {@code lambda x: -x}: minus {@code Long.MIN_VALUE} is a big integer, and {@code -0.0} keeps its sign as in Python.
 */
@Component
class NegateOperation extends ArithmeticOperation {

    NegateOperation() {
        super("negate", "Minus x (−x); exact for integers of any size.",
                List.of(5L, -2.5, 0.0, Long.MIN_VALUE),
                List.of(-5L, 2.5, -0.0, new BigInteger("9223372036854775808")), 1, 1);
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
