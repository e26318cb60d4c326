package io.poolmap.operation.builtin;

import java.math.BigInteger;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Python's {@code lambda x: 2 * x}, the seed's first operation; integers never wrap, doubles must stay finite.
 */
@Component
class DoubleOperation extends ArithmeticOperation {

    DoubleOperation() {
        super("double", "Twice x (2 × x); exact for integers of any size.",
                List.of(1L, -2.5, Long.MAX_VALUE),
                List.of(2L, -5.0, new BigInteger("18446744073709551614")), 1, 1);
    }

    @Override
    boolean overflows(long x) {
        return x > Long.MAX_VALUE / 2 || x < Long.MIN_VALUE / 2;
    }

    @Override
    long applyLong(long x) {
        return x << 1;
    }

    @Override
    BigInteger applyBig(BigInteger x) {
        return x.shiftLeft(1);
    }

    @Override
    double applyDouble(double x) {
        return 2 * x;
    }
}
