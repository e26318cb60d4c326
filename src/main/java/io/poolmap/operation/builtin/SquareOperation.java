package io.poolmap.operation.builtin;

import java.math.BigInteger;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Python's {@code lambda x: x * x}, the seed's second operation; {@code square(3037000500)} is {@code 9223372037000250000}, never a wrapped long.
 */
@Component
class SquareOperation extends ArithmeticOperation {

    SquareOperation() {
        super("square", "x squared (x × x); exact for integers of any size.",
                List.of(3L, -1.5, 3037000500L),
                List.of(9L, 2.25, new BigInteger("9223372037000250000")), 3, 2);
    }

    @Override
    boolean overflows(long x) {
        return !ExactMath.productFits(x, x);
    }

    @Override
    long applyLong(long x) {
        return x * x;
    }

    @Override
    BigInteger applyBig(BigInteger x) {
        return x.multiply(x);
    }

    @Override
    double applyDouble(double x) {
        return x * x;
    }
}
