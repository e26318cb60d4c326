package io.poolmap.operation.builtin;

import java.math.BigInteger;
import java.util.List;

import org.springframework.stereotype.Component;

/** Python's {@code lambda x: x ** 3}; integers never wrap. */
@Component
class CubeOperation extends ArithmeticOperation {

    CubeOperation() {
        super("cube", "x cubed (x × x × x); exact for integers of any size.",
                List.of(2L, -3L, 0.5, 2097152L),
                List.of(8L, -27L, 0.125, new BigInteger("9223372036854775808")), 3, 3);
    }

    @Override
    boolean overflows(long x) {
        return !ExactMath.productFits(x, x) || !ExactMath.productFits(x * x, x);
    }

    @Override
    long applyLong(long x) {
        return x * x * x;
    }

    @Override
    BigInteger applyBig(BigInteger x) {
        return x.multiply(x).multiply(x);
    }

    @Override
    double applyDouble(double x) {
        return x * x * x;
    }
}
